/**
 * Thrown by the calendar-scoped API for what a server or session cannot provide: no calendars
 * capability, an account without calendars, an unknown event, or input that cannot become an
 * event (iCalendar without a VEVENT).
 *
 * @example new CalendarApiError('the server offers no JMAP calendars')
 */
export class CalendarApiError extends Error {
  override readonly name = 'CalendarApiError' as const

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/**
 * Tells whether a value is a {@link CalendarApiError}.
 *
 * @example if (isCalendarApiError(error)) console.error(error.message)
 */
export function isCalendarApiError(value: unknown): value is CalendarApiError {
  return value instanceof Error && value.name === 'CalendarApiError'
}
