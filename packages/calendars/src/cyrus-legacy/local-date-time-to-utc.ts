import { LegacyDialectError } from './legacy-dialect-error.js'

const localDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/

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
  const match = localDateTimePattern.exec(localDateTime)
  if (match === null) {
    throw new LegacyDialectError(`"${localDateTime}" is not a LocalDateTime (YYYY-MM-DDTHH:MM:SS)`)
  }
  const [, year, month, day, hour, minute, second] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  // The offset at the wall-clock instant read as UTC is usually the right one; a second pass
  // corrects the guess when a DST transition lies between the two instants.
  const firstGuess = wallClockAsUtc - offsetMilliseconds(wallClockAsUtc, timeZone)
  const instant = wallClockAsUtc - offsetMilliseconds(firstGuess, timeZone)
  return `${new Date(instant).toISOString().slice(0, 19)}Z`
}

/** Milliseconds the zone's wall clock is ahead of UTC at the given instant. */
function offsetMilliseconds(instant: number, timeZone: string): number {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
  } catch (cause) {
    throw new LegacyDialectError(`unknown time zone "${timeZone}"`, { cause })
  }
  const parts: Record<string, number> = {}
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const wallClock = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
  return wallClock - Math.floor(instant / 1000) * 1000
}
