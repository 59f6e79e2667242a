import { InvalidRequestError } from '../errors/invalid-request-error.js'
import { isId } from '../primitives/is-id.js'
import type { JmapRequest } from '../protocol/request.js'
import { describeValue } from './json-shape.js'

// Arguments that hold one caller-supplied Id (RFC 8620 §5, RFC 8621, RFC 9404).
const idArguments = ['accountId', 'fromAccountId', 'toAccountId'] as const
// Arguments that hold a list of Ids (`null` allowed where the method allows it).
const idListArguments = ['ids', 'destroy'] as const

// RFC 8620 §5.3: later calls of the same request may name an object created
// earlier by `#` and its creation id, wherever an Id of that object is expected.
function isIdOrCreationReference(value: unknown): boolean {
  return isId(value) || (typeof value === 'string' && value.startsWith('#') && isId(value.slice(1)))
}

function invalidId(value: unknown, path: string, call: readonly unknown[]): InvalidRequestError {
  return new InvalidRequestError(
    `${describeValue(value)} is not a JMAP Id (1–255 characters of A-Z a-z 0-9 _ -)`,
    { path, methodName: String(call[0]), callId: String(call[2]) },
  )
}

/**
 * Checks one method call's shape and the Ids a caller supplies in it
 * (`accountId`, `fromAccountId`, `ids`, `destroy`, the keys of `update`), so a
 * mistake is reported as the caller's before anything is sent. Cheap: it looks
 * at those arguments only, never at nested values.
 *
 * @see RFC 8620 §1.2
 * @example checkCall(['Email/get', { accountId: '', ids: null }, 'c0'], 'methodCalls[0]') // throws InvalidRequestError
 */
export function checkCall(call: unknown, path: string, checkIds = true): void {
  if (
    !Array.isArray(call) ||
    call.length !== 3 ||
    typeof call[0] !== 'string' ||
    typeof call[2] !== 'string' ||
    typeof call[1] !== 'object' ||
    call[1] === null ||
    Array.isArray(call[1])
  ) {
    throw new InvalidRequestError('a method call is a [name, arguments object, call id] triple', {
      path,
    })
  }
  const args = call[1] as Record<string, unknown>
  if (!checkIds) return
  for (const name of idArguments) {
    const value = args[name]
    if (value !== undefined && !isId(value)) throw invalidId(value, `${path}[1].${name}`, call)
  }
  for (const name of idListArguments) {
    const value = args[name]
    if (!Array.isArray(value)) continue
    for (let index = 0; index < value.length; index++) {
      if (!isIdOrCreationReference(value[index])) {
        throw invalidId(value[index], `${path}[1].${name}[${index}]`, call)
      }
    }
  }
  const update = args.update
  if (typeof update === 'object' && update !== null) {
    for (const key of Object.keys(update)) {
      if (!isIdOrCreationReference(key)) {
        throw invalidId(key, `${path}[1].update[${JSON.stringify(key)}]`, call)
      }
    }
  }
}

/**
 * Checks that a value is a JMAP Request object (`using` strings, `methodCalls`
 * triples) whose caller-supplied Ids are valid; throws an
 * {@link InvalidRequestError} saying where otherwise.
 *
 * @see RFC 8620 §3.3
 * @example checkRequest({ using: [], methodCalls: [['Core/echo', {}, 'c0']] })
 */
export function checkRequest(
  request: unknown,
  options: { readonly ids?: boolean } = {},
): asserts request is JmapRequest {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new InvalidRequestError(`expected a JMAP Request object, got ${describeValue(request)}`, {
      path: 'request',
    })
  }
  const { using, methodCalls } = request as Record<string, unknown>
  if (!Array.isArray(using) || !using.every((urn) => typeof urn === 'string')) {
    throw new InvalidRequestError('`using` must be an array of capability URNs', {
      path: 'request.using',
    })
  }
  if (!Array.isArray(methodCalls)) {
    throw new InvalidRequestError('`methodCalls` must be an array of method calls', {
      path: 'request.methodCalls',
    })
  }
  for (let index = 0; index < methodCalls.length; index++) {
    checkCall(methodCalls[index], `request.methodCalls[${index}]`, options.ids !== false)
  }
}
