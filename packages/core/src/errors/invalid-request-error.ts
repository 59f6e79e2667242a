/**
 * Thrown before anything is sent when the caller's request is malformed: not a
 * JMAP Request object, an `accountId` or id argument that is not a JMAP `Id`,
 * or a header value (bearer token, upload type) with a line break or a
 * character HTTP cannot carry. The server never sees it, so it cannot be blamed.
 *
 * @see RFC 8620 §3.3
 * @example
 * // "Email/get (call c0) at arguments.accountId: "" is not a JMAP Id: …"
 * if (isInvalidRequestError(error)) console.error(error.path)
 */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError' as const
  /** Where in the request the problem is (`methodCalls[0][1].ids[2]`, `headers.authorization`). */
  declare readonly path: string
  /** The method name of the offending call, when one is at fault. */
  declare readonly methodName: string | undefined
  /** The id of the offending call, when one is at fault. */
  declare readonly callId: string | undefined
  constructor(
    message: string,
    details: { path: string; methodName?: string | undefined; callId?: string | undefined },
    options?: ErrorOptions,
  ) {
    const call =
      details.methodName === undefined ? '' : `${details.methodName} (call ${details.callId}) `
    super(`${call}at ${details.path}: ${message}`, options)
    this.path = details.path
    this.methodName = details.methodName
    this.callId = details.callId
  }
}

/**
 * Tells whether a value is an {@link InvalidRequestError}.
 *
 * @example if (isInvalidRequestError(error)) console.error(error.message)
 */
export function isInvalidRequestError(value: unknown): value is InvalidRequestError {
  return value instanceof InvalidRequestError
}
