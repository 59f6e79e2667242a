/**
 * Thrown when a response does not have the shape JMAP requires: not JSON, not
 * `application/json`, too large, or a value at some path of the wrong type.
 * Names the call (when one is at fault) and the path.
 *
 * @see RFC 8620 §3.4
 * @example
 * // "Email/get" (call c1) at methodResponses[1][1].list: expected array, got null
 * if (isResponseValidationError(error)) console.error(error.callId, error.path)
 */
export class ResponseValidationError extends Error {
  override readonly name = 'ResponseValidationError' as const
  /** The URL that answered. */
  declare readonly url: string
  /** The method name of the offending call, when one is at fault. */
  declare readonly methodName: string | undefined
  /** The id of the offending call, when one is at fault. */
  declare readonly callId: string | undefined
  /** Where in the body the problem is (`methodResponses[0][1].list`), or `''`. */
  declare readonly path: string

  constructor(
    message: string,
    details: { url: string; path?: string; methodName?: string; callId?: string },
    options?: ErrorOptions,
  ) {
    const call =
      details.methodName === undefined ? '' : `${details.methodName} (call ${details.callId}) `
    const where = details.path ? `at ${details.path}: ` : ''
    super(`${call}${where}${message}`, options)
    this.url = details.url
    this.methodName = details.methodName
    this.callId = details.callId
    this.path = details.path ?? ''
  }
}

/**
 * Tells whether a value is a {@link ResponseValidationError}.
 *
 * @example if (isResponseValidationError(error)) console.error(error.path)
 */
export function isResponseValidationError(value: unknown): value is ResponseValidationError {
  return value instanceof ResponseValidationError
}
