import { isIanaTimeZone, localDateTimeToInstant } from '../zoned-time/index.js'
import { LegacyDialectError } from './legacy-dialect-error.js'

const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/

/**
 * Converts a JSCalendar LocalDateTime read in an IANA time zone into a UTCDateTime string.
 *
 * The standard CalendarEvent/query reads `after`/`before` as LocalDateTime in the call's
 * `timeZone` argument; Cyrus's legacy namespace takes UTC date-times instead, so the dialect
 * translates the bounds before sending them.
 *
 * @see draft-ietf-jmap-calendars §5.9.1
 * @example localDateTimeToUtc('2030-01-15T09:00:00', 'Europe/Berlin') // '2030-01-15T08:00:00Z'
 */
export function localDateTimeToUtc(localDateTime: string, timeZone: string): string {
  if (!localDateTimePattern.test(localDateTime)) {
    throw new LegacyDialectError(`"${localDateTime}" is not a LocalDateTime (YYYY-MM-DDTHH:MM:SS)`)
  }
  if (!isIanaTimeZone(timeZone)) throw new LegacyDialectError(`unknown time zone "${timeZone}"`)
  return `${new Date(localDateTimeToInstant(localDateTime, timeZone)).toISOString().slice(0, 19)}Z`
}
