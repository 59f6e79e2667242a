// CalendarEvent/query reads `after`/`before` as LocalDateTime in the
// `timeZone` argument, and an event's `start` is local to its own `timeZone`
// (floating events: to the query's). Comparing them needs UTC instants.

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
  return asUtc - Math.floor(utcMs / 1000) * 1000
}

/**
 * The UTC instant (ms) of a LocalDateTime in `timeZone`; a value ending in
 * `Z` is already UTC. NaN when either is not valid.
 */
export function utcInstant(localDateTime: string, timeZone: string): number {
  if (localDateTime.endsWith('Z')) return Date.parse(localDateTime)
  const guess = Date.parse(`${localDateTime}Z`)
  if (Number.isNaN(guess)) return Number.NaN
  try {
    const first = guess - offsetAt(guess, timeZone)
    // A second pass settles instants next to a daylight-saving change.
    return guess - offsetAt(first, timeZone)
  } catch {
    return Number.NaN
  }
}
