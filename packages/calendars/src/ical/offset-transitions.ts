const weekMs = 7 * 86_400_000
const quarterHourMs = 900_000

/** A change of a zone's UTC offset. */
export interface OffsetTransition {
  /** The UTC instant the new offset starts. */
  instant: number
  /** Offsets before and after, in milliseconds ahead of UTC. */
  from: number
  to: number
}

/** The instant in [low, high) where the offset stops being `before` (quarter-hour precision). */
function transitionIn(
  offsetAt: (instant: number) => number,
  low: number,
  high: number,
  before: number,
): number {
  let lo = Math.floor(low / quarterHourMs)
  let hi = Math.ceil(high / quarterHourMs)
  while (hi - lo > 1) {
    const middle = Math.floor((lo + hi) / 2)
    if (offsetAt(middle * quarterHourMs) === before) lo = middle
    else hi = middle
  }
  return hi * quarterHourMs
}

/**
 * Every offset change of a zone (given by its offset at an instant) from `from` to `to` (UTC
 * instants), found week by week (no zone changes its offset twice within a week) to the quarter
 * hour.
 *
 * @see RFC 5545 §3.6.5
 * @example offsetTransitions((instant) => utcOffsetAt(instant, 'Europe/Berlin') ?? 0, Date.UTC(2026, 0), Date.UTC(2027, 0)).length // 2
 */
export function offsetTransitions(
  offsetAt: (instant: number) => number,
  from: number,
  to: number,
): OffsetTransition[] {
  const found: OffsetTransition[] = []
  let instant = from
  let offset = offsetAt(instant)
  for (; instant < to; instant += weekMs) {
    const next = offsetAt(instant + weekMs)
    if (next === offset) continue
    const at = transitionIn(offsetAt, instant, instant + weekMs, offset)
    found.push({ instant: at, from: offset, to: offsetAt(at) })
    offset = next
  }
  return found
}
