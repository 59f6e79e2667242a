import { civilDate } from './civil-date.js'
import { ianaZoneOffsets, type UtcOffsets } from './utc-offset.js'

const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/

/** Milliseconds since the epoch of a LocalDateTime read as if it were UTC (NaN if malformed). */
export function wallClockMs(localDateTime: string): number {
  // Every DTSTART/DTEND pair read goes through here: the digits are read in place, and only what
  // Date.UTC and Date.parse might read differently (years before 100, days past 28, hour 24,
  // leap seconds, anything malformed) is left to Date.parse.
  const text = localDateTime
  if (
    text.length === 19 &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58
  ) {
    const year = digitsAt(text, 0, 4)
    const month = digitsAt(text, 5, 2)
    const day = digitsAt(text, 8, 2)
    const hour = digitsAt(text, 11, 2)
    const minute = digitsAt(text, 14, 2)
    const second = digitsAt(text, 17, 2)
    if (
      year >= 100 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 28 &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second)
    }
  }
  return localDateTimePattern.test(localDateTime) ? Date.parse(`${localDateTime}Z`) : Number.NaN
}

/** The number written by `count` ASCII digits at `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0
  for (let index = at; index < at + count; index++) {
    const digit = text.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/**
 * The UTC instant (milliseconds since the epoch) of a LocalDateTime in an IANA zone; `NaN` when
 * the date-time is malformed or the zone unknown.
 *
 * A wall-clock time that occurs twice (clocks set back) is the earlier instant; one that does not
 * occur (clocks set forward) is read with the offset before the gap, so 02:30 on a spring-forward
 * night becomes 03:30 in the new offset, as RFC 5545 prescribes.
 *
 * @see RFC 5545 §3.3.5
 * @example new Date(localDateTimeToInstant('2030-01-15T09:00:00', 'Europe/Berlin')).toISOString() // '2030-01-15T08:00:00.000Z'
 */
export function localDateTimeToInstant(localDateTime: string, timeZone: string): number {
  const wall = wallClockMs(localDateTime)
  return Number.isNaN(wall) ? wall : wallClockToUtc(wall, timeZone)
}

/**
 * {@link localDateTimeToInstant} for a wall-clock time already given as milliseconds (the
 * LocalDateTime read as if it were UTC).
 *
 * @example wallClockToUtc(Date.UTC(2030, 0, 15, 9), 'Europe/Berlin') // Date.UTC(2030, 0, 15, 8)
 */
export function wallClockToUtc(wall: number, timeZone: string): number {
  const zone = ianaZoneOffsets(timeZone)
  return zone === undefined ? Number.NaN : wallClockToUtcBy(wall, zone)
}

/**
 * {@link wallClockToUtc} in a zone given by its offsets (milliseconds ahead of UTC) at any UTC
 * instant, `undefined` where it has none: zones a VTIMEZONE defines use it too, so they read
 * skipped and repeated wall-clock times as IANA zones do.
 *
 * @example wallClockToUtcBy(Date.UTC(2030, 0, 15, 9), { offsetAt: () => 3_600_000 }) // Date.UTC(2030, 0, 15, 8)
 */
export function wallClockToUtcBy(wall: number, zone: UtcOffsets): number {
  if (!Number.isFinite(wall)) return Number.NaN
  // Offsets a day before and after bracket any transition near the wall-clock time; the
  // candidates that read back as the same wall clock are the real instants.
  const before = zone.offsetAt(wall - 86_400_000)
  const after = zone.offsetAt(wall + 86_400_000)
  if (before === undefined || after === undefined) return Number.NaN
  if (before === after) {
    const offset = zone.offsetAt(wall - before) as number
    return wall - offset
  }
  const early = wall - Math.max(before, after)
  const late = wall - Math.min(before, after)
  if (zone.offsetAt(early) === Math.max(before, after)) return early
  if (zone.offsetAt(late) === Math.min(before, after)) return late
  return wall - before
}

/**
 * The LocalDateTime an instant shows on the wall clocks of an IANA zone; `undefined` when the
 * zone is unknown.
 *
 * @see RFC 8984 §1.4.4
 * @example instantToLocalDateTime(Date.parse('2030-01-15T08:00:00Z'), 'Europe/Berlin') // '2030-01-15T09:00:00'
 */
export function instantToLocalDateTime(instant: number, timeZone: string): string | undefined {
  const zone = ianaZoneOffsets(timeZone)
  return zone === undefined ? undefined : formatWallClock(instant + zone.offsetAt(instant))
}

// Years 0000 to 9999, the range a LocalDateTime's four-digit year writes.
const yearZeroMs = -62_167_219_200_000
const yearTenThousandMs = 253_402_300_800_000
const twoDigits = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'))

/**
 * The LocalDateTime of a wall-clock time given as milliseconds read as UTC: what
 * `new Date(wall).toISOString().slice(0, 19)` gives (and throws), written from the digits for
 * years 0000 to 9999, without a Date and its ISO string per call (overrides and RDATE keys in
 * another zone, absolute alarm triggers and UNTIL each format one).
 *
 * @example formatWallClock(Date.UTC(2030, 0, 15, 9)) // '2030-01-15T09:00:00'
 */
export function formatWallClock(wall: number): string {
  if (!(wall >= yearZeroMs && wall < yearTenThousandMs))
    return new Date(wall).toISOString().slice(0, 19)
  // A Date truncates a fractional time towards zero; the day and time of day then count from
  // the epoch's midnight.
  const time = Math.trunc(wall)
  const days = Math.floor(time / 86_400_000)
  const seconds = Math.floor((time - days * 86_400_000) / 1000)
  const { year, month, day } = civilDate(days)
  return `${twoDigits[Math.floor(year / 100)]}${twoDigits[year % 100]}-${twoDigits[month]}-${twoDigits[day]}T${twoDigits[Math.floor(seconds / 3600)]}:${twoDigits[Math.floor(seconds / 60) % 60]}:${twoDigits[seconds % 60]}`
}
