/** Why a request never produced a usable HTTP response. */
export type TransportFailure = 'network' | 'timeout' | 'body'

/**
 * Thrown when no complete HTTP response arrived: connection refused or reset,
 * timeout, or a body cut off while it was being read. A request holding a write
 * is never retried after this error, so the caller must check server state.
 *
 * @see RFC 8620 §3.3
 * @example
 * try { await connection.send(request) } catch (error) {
 *   if (isTransportError(error) && error.failure === 'timeout') retryLater()
 * }
 */
export class TransportError extends Error {
  override readonly name = 'TransportError' as const
  /** What went wrong: the connection, the clock, or the body. */
  declare readonly failure: TransportFailure
  /** The URL that was requested. */
  declare readonly url: string
  /** True when the request may have reached the server and held a write. */
  declare readonly writeMayHaveHappened: boolean

  constructor(
    message: string,
    details: { failure: TransportFailure; url: string; writeMayHaveHappened?: boolean },
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.failure = details.failure
    this.url = details.url
    this.writeMayHaveHappened = details.writeMayHaveHappened ?? false
  }
}

/**
 * Tells whether a value is a {@link TransportError}.
 *
 * @example if (isTransportError(error)) console.error(error.failure)
 */
export function isTransportError(value: unknown): value is TransportError {
  return value instanceof TransportError
}
