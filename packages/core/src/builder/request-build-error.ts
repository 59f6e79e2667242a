/**
 * Thrown while building a request when a call cannot be sent as written: a
 * method the client has no runtime table for, a duplicate call id, a reference
 * to a call of another request, or a creation id no call creates. The compiler
 * rejects these first; this guards untyped callers.
 *
 * @see RFC 8620 §3.3
 * @example b.call('Nope/get' as never, {}) // throws RequestBuildError: unknown method 'Nope/get'
 */
export class RequestBuildError extends Error {
  override readonly name = 'RequestBuildError' as const
  /** The method call id involved, when there is one. */
  declare readonly callId: string | undefined

  constructor(message: string, callId?: string, options?: ErrorOptions) {
    super(message, options)
    this.callId = callId
  }
}

/**
 * Tells whether a value is a {@link RequestBuildError}.
 *
 * @example if (isRequestBuildError(error)) console.error(error.callId)
 */
export function isRequestBuildError(error: unknown): error is RequestBuildError {
  return error instanceof Error && error.name === 'RequestBuildError'
}
