import type { LocalDateTime } from '../jscalendar/primitives.js'
import { instantToLocalDateTime } from '../zoned-time/index.js'
import { CalendarApiError } from './calendar-api-error.js'

/**
 * Reads a search bound as a LocalDateTime in `timeZone`: a string is taken as it is, a JS Date
 * is written as the wall-clock time of that instant in the zone.
 *
 * @example toLocalDateTime(new Date('2030-01-15T08:00:00Z'), 'Europe/Berlin') // '2030-01-15T09:00:00'
 */
export function toLocalDateTime(bound: LocalDateTime | Date, timeZone: string): LocalDateTime {
  if (typeof bound === 'string') return bound
  if (Number.isNaN(bound.getTime()))
    throw new CalendarApiError('the search bound is an invalid Date')
  const local = instantToLocalDateTime(bound.getTime(), timeZone)
  if (local === undefined) throw new CalendarApiError(`unknown time zone "${timeZone}"`)
  return local
}
