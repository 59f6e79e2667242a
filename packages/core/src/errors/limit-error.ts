/**
 * Thrown before sending when a request cannot respect a server limit from the
 * session (`maxSizeRequest`, `maxCallsInRequest` with calls that reference each
 * other, `maxSizeUpload`).
 *
 * @see RFC 8620 §2
 * @example
 * if (isLimitError(error)) console.error(`${error.limit}: ${error.actual} > ${error.maximum}`)
 */
export class LimitError extends Error {
  override readonly name = 'LimitError' as const
  /** The session limit, e.g. `maxCallsInRequest`. */
  declare readonly limit: string
  /** The server's maximum. */
  declare readonly maximum: number
  /** What the request would have needed. */
  declare readonly actual: number

  constructor(
    message: string,
    details: { limit: string; maximum: number; actual: number },
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.limit = details.limit
    this.maximum = details.maximum
    this.actual = details.actual
  }
}

/**
 * Tells whether a value is a {@link LimitError}.
 *
 * @example if (isLimitError(error)) console.error(error.limit)
 */
export function isLimitError(value: unknown): value is LimitError {
  return value instanceof LimitError
}
