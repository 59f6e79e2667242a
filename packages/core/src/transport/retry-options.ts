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
  /** Upper bound in ms of a server's `Retry-After`; default 60 000. */
  readonly maxRetryAfter?: number
}
