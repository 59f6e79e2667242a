import type { SetError } from '@typed-jmap/core'

/**
 * Thrown by the calendar-scoped API when the server refuses to create, update or destroy a
 * calendar object; `setError` is the server's SetError (`invalidProperties`, `forbidden`,
 * `calendarHasEvent`, …).
 *
 * @see RFC 8620 §5.3
 * @example new CalendarWriteError('update', 'E-1', { type: 'forbidden' })
 */
export class CalendarWriteError extends Error {
  override readonly name = 'CalendarWriteError' as const
  /** What was attempted. */
  readonly operation: 'create' | 'update' | 'destroy'
  /** The id (or creation id) of the object. */
  readonly objectId: string
  /** Why the server refused. */
  readonly setError: SetError

  constructor(
    operation: 'create' | 'update' | 'destroy',
    objectId: string,
    setError: SetError,
    options?: { cause?: unknown },
  ) {
    const detail = setError.description ? `: ${setError.description}` : ''
    super(`cannot ${operation} ${objectId} (${setError.type}${detail})`, options)
    this.operation = operation
    this.objectId = objectId
    this.setError = setError
  }
}

/**
 * Tells whether a value is a {@link CalendarWriteError}.
 *
 * @example if (isCalendarWriteError(error) && error.setError.type === 'forbidden') …
 */
export function isCalendarWriteError(value: unknown): value is CalendarWriteError {
  return value instanceof Error && value.name === 'CalendarWriteError'
}
