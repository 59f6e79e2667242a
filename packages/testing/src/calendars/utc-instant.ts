import { localDateTimeToInstant } from '@typed-jmap/calendars'

/**
 * The UTC instant (ms) of a stored date-time: a LocalDateTime read in `timeZone` (through the
 * calendars package's one local-time conversion), or a UTCDate (trailing `Z`) as it is; `NaN`
 * when either is not valid.
 */
export function utcInstant(dateTime: string, timeZone: string): number {
  return dateTime.endsWith('Z') ? Date.parse(dateTime) : localDateTimeToInstant(dateTime, timeZone)
}
