/**
 * Thrown when iCalendar input is malformed: it says on which line, and what is wrong there.
 *
 * @see RFC 5545 §3.1
 * @example
 * try { icalendarToJSCalendar(text) } catch (error) {
 *   if (isICalendarParseError(error)) console.error(`line ${error.line}: ${error.reason}`)
 * }
 */
export class ICalendarParseError extends Error {
  override readonly name = 'ICalendarParseError' as const
  /** The 1-based line of the input where the problem is (the first line of a folded line). */
  readonly line: number
  /** What is wrong, without the line number. */
  readonly reason: string

  constructor(details: { line: number; reason: string }, options?: ErrorOptions) {
    super(`iCalendar line ${details.line}: ${details.reason}`, options)
    this.line = details.line
    this.reason = details.reason
  }
}

/**
 * Tells whether a value is an {@link ICalendarParseError}.
 *
 * @example if (isICalendarParseError(error)) highlight(error.line)
 */
export function isICalendarParseError(value: unknown): value is ICalendarParseError {
  return value instanceof ICalendarParseError
}
