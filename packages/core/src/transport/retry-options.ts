/**
 * How requests that are safe to repeat are retried: exponential backoff, and
 * the server's `Retry-After` on 429 and 503. Requests holding a write are never
 * retried unless every write carries `ifInState`.
 *
 * @see RFC 8620 §3.3
 * @example { limit: 3, backoffLimit: 5_000, maxRetryAfter: 60_000 }
 */
export interface RetryOptions {
  /** Retries after the first attempt; default 2. */
  readonly limit?: number
  /** Upper bound in ms of one backoff delay; default 10 000. */
  readonly backoffLimit?: number
  /**
   * Longest server `Retry-After` in ms the client waits out (also never past the
   * timeout); a longer hint fails at once with an `HttpStatusError` carrying
   * it. Default 10 000.
   */
  readonly maxRetryAfter?: number
}

/**
 * The retry settings used where {@link RetryOptions} leaves one out: 2 retries,
 * backoff up to 10 s, `Retry-After` waited out up to 10 s.
 *
 * @example createConnection({ sessionUrl, retry: { ...defaultRetryOptions, maxRetryAfter: 30_000 } })
 */
export const defaultRetryOptions: Required<RetryOptions> = {
  limit: 2,
  backoffLimit: 10_000,
  maxRetryAfter: 10_000,
}
