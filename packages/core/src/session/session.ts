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
import type {
  AccountCapabilityOf,
  CapabilityUrn,
  SessionCapabilityOf,
} from '../registry/capabilities.js'

/** The capability URN every JMAP server advertises. */
export const coreCapability = 'urn:ietf:params:jmap:core'

/**
 * The server limits of `urn:ietf:params:jmap:core`.
 *
 * @see RFC 8620 §2
 * @example { "maxSizeUpload": 50000000, "maxConcurrentRequests": 4, "maxCallsInRequest": 16, … }
 */
export interface CoreCapability {
  readonly maxSizeUpload: number
  readonly maxConcurrentUpload: number
  readonly maxSizeRequest: number
  readonly maxConcurrentRequests: number
  readonly maxCallsInRequest: number
  readonly maxObjectsInGet: number
  readonly maxObjectsInSet: number
  readonly collationAlgorithms: readonly string[]
}

/**
 * `session.capabilities` typed from the `Capabilities` registry: each
 * registered URN maps to its session capability object (absent when the
 * server does not advertise it), other URNs stay `unknown`, and core is always
 * there.
 *
 * @see RFC 8620 §2
 * @example session.capabilities['urn:ietf:params:jmap:core'].maxCallsInRequest // 16
 */
export type SessionCapabilities = {
  readonly [TUrn in CapabilityUrn]?: SessionCapabilityOf<TUrn>
} & Readonly<Record<string, unknown>> & {
    readonly 'urn:ietf:params:jmap:core': CoreCapability
  }

/**
 * `account.accountCapabilities` typed from the `Capabilities` registry.
 *
 * @see RFC 8620 §2
 * @example account.accountCapabilities['urn:ietf:params:jmap:mail']?.maxMailboxDepth
 */
export type AccountCapabilities = {
  readonly [TUrn in CapabilityUrn]?: AccountCapabilityOf<TUrn>
} & Readonly<Record<string, unknown>>

/**
 * An account the user can access, with its per-account capabilities.
 *
 * @see RFC 8620 §2
 * @example { "name": "test", "isPersonal": true, "isReadOnly": false, "accountCapabilities": { "urn:ietf:params:jmap:mail": {} } }
 */
export interface Account {
  readonly name: string
  readonly isPersonal: boolean
  readonly isReadOnly: boolean
  /** Typed from the registry; the connection checks only that it is an object (the typed client checks each capability with its table's schema). */
  readonly accountCapabilities: AccountCapabilities
}

/**
 * The JMAP session resource, validated, with `apiUrl`, `uploadUrl`,
 * `downloadUrl` and `eventSourceUrl` resolved to absolute URLs (templates kept).
 *
 * @see RFC 8620 §2
 * @example { "apiUrl": "https://jmap.example/jmap/", "state": "0", "capabilities": { "urn:ietf:params:jmap:core": { … } }, … }
 */
export interface Session {
  /** Typed from the registry; the connection checks core's limits only (the typed client checks each capability with its table's schema). */
  readonly capabilities: SessionCapabilities
  readonly accounts: Readonly<Record<string, Account>>
  readonly primaryAccounts: Readonly<Record<string, string>>
  readonly username: string
  readonly apiUrl: string
  readonly downloadUrl: string
  readonly uploadUrl: string
  readonly eventSourceUrl: string
  readonly state: string
}

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

/**
 * Reads the core limits from a session.
 *
 * @see RFC 8620 §2
 * @example coreLimits(session).maxCallsInRequest // 50
 */
export function coreLimits(session: Session): CoreCapability {
  return session.capabilities[coreCapability]
}
