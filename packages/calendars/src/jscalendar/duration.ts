/** A Duration split the way it is applied: nominal days first (on the wall clock), then exact seconds. */
export interface DurationParts {
  /** Weeks and days, counted in days; each is a calendar day, 23 or 25 hours across a DST change. */
  days: number
  /** Hours, minutes and seconds, in exact seconds. */
  seconds: number
}

const durationPattern =
  /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/

/**
 * Splits a Duration or SignedDuration into nominal days and exact seconds (negative when signed
 * `-`); `undefined` when the text is not a duration.
 *
 * @see RFC 8984 §1.4.6
 * @example parseDuration('P1DT2H') // { days: 1, seconds: 7200 }
 */
export function parseDuration(duration: string): DurationParts | undefined {
  const match = durationPattern.exec(duration)
  if (match === null) return undefined
  const sign = match[1] === '-' ? -1 : 1
  return {
    days: sign * (Number(match[2] ?? 0) * 7 + Number(match[3] ?? 0)),
    seconds:
      sign * (Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0)),
  }
}

/**
 * The length of a Duration in seconds, a day counted as 86,400 s; NaN when it is not a duration.
 *
 * @example durationSeconds('PT1H30M') // 5400
 */
export function durationSeconds(duration: string): number {
  const parts = parseDuration(duration)
  return parts === undefined ? Number.NaN : parts.days * 86_400 + parts.seconds
}
