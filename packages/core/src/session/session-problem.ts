import {
  expected,
  firstProblemIn,
  isJsonObject,
  type JsonKeys,
  type JsonShapeProblem,
  objectOfProblem,
  problemAt,
  stringProblem,
} from '../connection/json-shape.js'
import { coreCapability } from './session.js'

// RFC 8620 §1.3: an UnsignedInt is at most 2^53-1; a limit beyond that cannot
// be honoured exactly, and a limit of 0 on requests, calls or objects would let
// the client send nothing at all. Either is a broken session, not a setting.
const positiveLimits = [
  'maxConcurrentUpload',
  'maxSizeRequest',
  'maxConcurrentRequests',
  'maxCallsInRequest',
  'maxObjectsInGet',
  'maxObjectsInSet',
] as const

function limitProblem(value: unknown, keys: JsonKeys, least: 0 | 1): JsonShapeProblem | undefined {
  if (typeof value !== 'number') return expected(keys, 'a number', value)
  if (!Number.isSafeInteger(value)) return problemAt(keys, 'must be an integer of at most 2^53-1')
  if (value >= least) return undefined
  return problemAt(
    keys,
    least === 0 ? 'must not be negative' : 'must be at least 1, or no request could be sent',
  )
}

function coreCapabilityProblem(value: unknown, keys: JsonKeys): JsonShapeProblem | undefined {
  if (!isJsonObject(value)) return expected(keys, 'an object', value)
  const collations = value.collationAlgorithms
  return (
    limitProblem(value.maxSizeUpload, [...keys, 'maxSizeUpload'], 0) ??
    positiveLimits.reduce<JsonShapeProblem | undefined>(
      (found, name) => found ?? limitProblem(value[name], [...keys, name], 1),
      undefined,
    ) ??
    (Array.isArray(collations)
      ? firstProblemIn(collations, [...keys, 'collationAlgorithms'], stringProblem)
      : expected([...keys, 'collationAlgorithms'], 'an array', collations))
  )
}

function accountProblem(value: unknown, keys: JsonKeys): JsonShapeProblem | undefined {
  if (!isJsonObject(value)) return expected(keys, 'an object', value)
  for (const flag of ['isPersonal', 'isReadOnly']) {
    if (typeof value[flag] !== 'boolean') return expected([...keys, flag], 'a boolean', value[flag])
  }
  return (
    stringProblem(value.name, [...keys, 'name']) ??
    (isJsonObject(value.accountCapabilities)
      ? undefined
      : expected([...keys, 'accountCapabilities'], 'an object', value.accountCapabilities))
  )
}

/**
 * What makes a Session resource unusable, or `undefined` when it has every
 * member the client relies on with the right type (other members are kept):
 * the core capability's limits (integers, at least 1 where 0 would block every
 * request), accounts, primary accounts and the URLs and state. Checked by hand,
 * not with valibot, because every request depends on it (see
 * `connection/json-shape.ts`).
 *
 * @see RFC 8620 §2
 * @example sessionProblem({ capabilities: {} })?.message // "expected an object, got undefined"
 */
export function sessionProblem(body: unknown): JsonShapeProblem | undefined {
  if (!isJsonObject(body)) return expected([], 'an object', body)
  const capabilities = body.capabilities
  return (
    (isJsonObject(capabilities)
      ? coreCapabilityProblem(capabilities[coreCapability], ['capabilities', coreCapability])
      : expected(['capabilities'], 'an object', capabilities)) ??
    objectOfProblem(body.accounts, ['accounts'], accountProblem) ??
    objectOfProblem(body.primaryAccounts, ['primaryAccounts'], stringProblem) ??
    (['username', 'apiUrl', 'downloadUrl', 'uploadUrl', 'eventSourceUrl', 'state'] as const).reduce<
      JsonShapeProblem | undefined
    >((found, name) => found ?? stringProblem(body[name], [name]), undefined)
  )
}
