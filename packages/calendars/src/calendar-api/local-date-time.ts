import type { LocalDateTime } from '../jscalendar/primitives.js'
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
  const parts: Record<string, string> = {}
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  for (const part of format.formatToParts(bound)) parts[part.type] = part.value
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
}
