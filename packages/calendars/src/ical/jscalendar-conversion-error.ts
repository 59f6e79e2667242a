/**
 * Thrown when a JSCalendar object cannot become iCalendar: it says where (a JSON pointer) and why.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4
 * @example
 * try { jscalendarToICalendar(event) } catch (error) {
 *   if (isJSCalendarConversionError(error)) console.error(error.path, error.reason)
 * }
 */
export class JSCalendarConversionError extends Error {
  override readonly name = 'JSCalendarConversionError' as const
  /** JSON pointer to the offending value, e.g. `/entries/0/start`. */
  readonly path: string
  /** What is wrong there. */
  readonly reason: string

  constructor(details: { path: string; reason: string }, options?: ErrorOptions) {
    super(`JSCalendar ${details.path || '/'}: ${details.reason}`, options)
    this.path = details.path
    this.reason = details.reason
  }
}

/**
 * Tells whether a value is a {@link JSCalendarConversionError}.
 *
 * @example if (isJSCalendarConversionError(error)) console.error(error.path)
 */
export function isJSCalendarConversionError(value: unknown): value is JSCalendarConversionError {
  return value instanceof JSCalendarConversionError
}
