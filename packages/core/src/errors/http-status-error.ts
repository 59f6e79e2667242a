/**
 * Thrown when the server answers with an HTTP error status and no JMAP problem
 * details (an HTML error page, a proxy error, a 5xx).
 *
 * @see RFC 8620 §3.6.1
 * @example
 * if (isHttpStatusError(error) && error.status === 503) showMaintenanceBanner()
 */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError' as const
  /** The HTTP status code. */
  declare readonly status: number
  /** The URL that answered. */
  declare readonly url: string
  /** The response's `Content-Type`, or `''` when it had none. */
  declare readonly contentType: string
  /** The first characters of the body, for diagnostics. */
  declare readonly bodyExcerpt: string
  /**
   * The wait in ms the server asked for with `Retry-After` when it was not
   * waited out (longer than `retry.maxRetryAfter` or the time left), else `undefined`.
   */
  declare readonly retryAfter: number | undefined

  constructor(
    details: {
      status: number
      url: string
      contentType: string
      bodyExcerpt: string
      retryAfter?: { readonly ms: number; readonly bound: number } | undefined
    },
    options?: ErrorOptions,
  ) {
    const hint =
      details.retryAfter === undefined
        ? ''
        : `; the server asks to retry after ${Math.ceil(details.retryAfter.ms / 1000)} s (Retry-After), longer than the ${details.retryAfter.bound} ms the client may wait (retry.maxRetryAfter, bounded by timeout)`
    super(`HTTP ${details.status} from ${details.url}${hint}`, options)
    this.status = details.status
    this.url = details.url
    this.contentType = details.contentType
    this.bodyExcerpt = details.bodyExcerpt
    this.retryAfter = details.retryAfter?.ms
  }
}

/**
 * Tells whether a value is an {@link HttpStatusError}.
 *
 * @example if (isHttpStatusError(error)) console.error(error.status)
 */
export function isHttpStatusError(value: unknown): value is HttpStatusError {
  return value instanceof HttpStatusError
}
