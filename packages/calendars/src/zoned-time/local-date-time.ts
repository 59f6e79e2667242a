import { utcOffsetAt } from './utc-offset.js'

const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/

/** Milliseconds since the epoch of a LocalDateTime read as if it were UTC (NaN if malformed). */
export function wallClockMs(localDateTime: string): number {
  return localDateTimePattern.test(localDateTime) ? Date.parse(`${localDateTime}Z`) : Number.NaN
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
  return wallClockToUtcBy(wall, (instant) => utcOffsetAt(instant, timeZone))
}

/**
 * {@link wallClockToUtc} in a zone given by its offset (milliseconds ahead of UTC) at any UTC
 * instant, `undefined` for a zone it does not know: zones a VTIMEZONE defines use it too, so
 * they read skipped and repeated wall-clock times as IANA zones do.
 *
 * @example wallClockToUtcBy(Date.UTC(2030, 0, 15, 9), () => 3_600_000) // Date.UTC(2030, 0, 15, 8)
 */
export function wallClockToUtcBy(
  wall: number,
  offsetAt: (instant: number) => number | undefined,
): number {
  if (!Number.isFinite(wall)) return Number.NaN
  // Offsets a day before and after bracket any transition near the wall-clock time; the
  // candidates that read back as the same wall clock are the real instants.
  const before = offsetAt(wall - 86_400_000)
  const after = offsetAt(wall + 86_400_000)
  if (before === undefined || after === undefined) return Number.NaN
  if (before === after) {
    const offset = offsetAt(wall - before) as number
    return wall - offset
  }
  const early = wall - Math.max(before, after)
  const late = wall - Math.min(before, after)
  if (offsetAt(early) === Math.max(before, after)) return early
  if (offsetAt(late) === Math.min(before, after)) return late
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
  const offset = utcOffsetAt(instant, timeZone)
  return offset === undefined ? undefined : formatWallClock(instant + offset)
}

/** The LocalDateTime of a wall-clock time given as milliseconds read as UTC. */
export function formatWallClock(wall: number): string {
  return new Date(wall).toISOString().slice(0, 19)
}
