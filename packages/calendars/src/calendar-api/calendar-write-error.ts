import { SetOperationError } from '@typed-jmap/core'

/**
 * Thrown by the calendar-scoped API when the server refuses to create, update or destroy a
 * calendar object; `setError` is the server's SetError (`invalidProperties`, `forbidden`,
 * `calendarHasEvent`, …). A {@link SetOperationError} under the calendar API's own name.
 *
 * @see RFC 8620 §5.3
 * @example new CalendarWriteError('update', 'E-1', { type: 'forbidden' })
 */
export class CalendarWriteError extends SetOperationError {
  override readonly name = 'CalendarWriteError' as const
}

/**
 * Tells whether a value is a {@link CalendarWriteError}.
 *
 * @example if (isCalendarWriteError(error) && error.setError.type === 'forbidden') …
 */
export function isCalendarWriteError(value: unknown): value is CalendarWriteError {
  return value instanceof Error && value.name === 'CalendarWriteError'
}
