import { ContentLineParseError } from '@typed-jmap/core'

/**
 * Thrown when iCalendar input is malformed: it says on which line (`line`), and what is wrong
 * there (`reason`); a `ContentLineParseError` from core, like contacts' `VCardParseError`.
 *
 * @see RFC 5545 §3.1
 * @example
 * try { icalendarToJSCalendar(text) } catch (error) {
 *   if (isICalendarParseError(error)) console.error(`line ${error.line}: ${error.reason}`)
 * }
 */
export class ICalendarParseError extends ContentLineParseError {
  override readonly name = 'ICalendarParseError' as const

  constructor(details: { line: number; reason: string }, options?: ErrorOptions) {
    super('iCalendar', details, options)
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
