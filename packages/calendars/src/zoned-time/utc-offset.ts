const formatters = new Map<string, Intl.DateTimeFormat | null>()

/**
 * The Intl formatter that reads wall-clock fields of a zone, or `null` when the platform's IANA
 * database does not know the name. Offsets such as `+01:00` and `UTC+1` are names Intl accepts
 * but the IANA database lacks; they are refused here.
 */
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone)
  if (formatter !== undefined) return formatter
  try {
    formatter =
      /^[A-Za-z]/.test(timeZone) && !/^[A-Za-z]+[+-]\d/.test(timeZone)
        ? new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            era: 'short',
          })
        : null
  } catch {
    formatter = null
  }
  formatters.set(timeZone, formatter)
  return formatter
}

/**
 * Tells whether a name belongs to the IANA time zone database (as the platform's Intl knows it;
 * aliases such as `US/Eastern` count).
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §2.1.4
 * @example isIanaTimeZone('Europe/Berlin') // true
 * @example isIanaTimeZone('W. Europe Standard Time') // false
 */
export function isIanaTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null
}

const dayMs = 86_400_000
const quarterHourMs = 900_000
// Offsets per zone and UTC day (NaN: the offset changes that day) and, for days with a change,
// per quarter hour (the finest step any zone's offset moves by). Intl formatting is the slow
// step; one lookup serves a whole day for all but a few days a year. Bounded so a long-running
// process does not grow without end.
const dayOffsets = new Map<string, Map<number, number>>()
const quarterOffsets = new Map<string, Map<number, number>>()
const cacheLimit = 50_000

function cached(
  caches: Map<string, Map<number, number>>,
  timeZone: string,
  key: number,
  compute: () => number,
): number {
  let cache = caches.get(timeZone)
  if (cache === undefined) {
    cache = new Map()
    caches.set(timeZone, cache)
  }
  let value = cache.get(key)
  if (value === undefined) {
    if (cache.size >= cacheLimit) cache.clear()
    value = compute()
    cache.set(key, value)
  }
  return value
}

/**
 * Milliseconds the zone's wall clock is ahead of UTC at an instant (negative west of Greenwich);
 * `undefined` when the zone is not an IANA name, NaN when the instant is not a finite number
 * (or lies outside the range a Date can hold).
 *
 * @see RFC 5545 §3.3.5
 * @example utcOffsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin') // 7_200_000
 */
export function utcOffsetAt(instant: number, timeZone: string): number | undefined {
  const formatter = formatterFor(timeZone)
  if (formatter === null) return undefined
  if (!Number.isFinite(instant) || Math.abs(instant) > 8.64e15 - dayMs) return Number.NaN
  const day = Math.floor(instant / dayMs)
  const dayOffset = cached(dayOffsets, timeZone, day, () => {
    const first = intlOffset(formatter, day * dayMs)
    const last = intlOffset(formatter, day * dayMs + dayMs - 1000)
    return first === last ? first : Number.NaN
  })
  if (!Number.isNaN(dayOffset)) return dayOffset
  const quarter = Math.floor(instant / quarterHourMs)
  return cached(quarterOffsets, timeZone, quarter, () =>
    intlOffset(formatter, quarter * quarterHourMs),
  )
}

function intlOffset(formatter: Intl.DateTimeFormat, instant: number): number {
  let year = 1970
  let month = 1
  let day = 1
  let hour = 0
  let minute = 0
  let second = 0
  let beforeChrist = false
  for (const part of formatter.formatToParts(new Date(instant))) {
    switch (part.type) {
      case 'year':
        year = Number(part.value)
        break
      case 'month':
        month = Number(part.value)
        break
      case 'day':
        day = Number(part.value)
        break
      case 'hour':
        hour = Number(part.value)
        break
      case 'minute':
        minute = Number(part.value)
        break
      case 'second':
        second = Number(part.value)
        break
      case 'era':
        beforeChrist = part.value === 'BC'
        break
    }
  }
  const wall = new Date(0)
  wall.setUTCFullYear(beforeChrist ? 1 - year : year, month - 1, day)
  wall.setUTCHours(hour, minute, second, 0)
  return wall.getTime() - (instant - (((instant % 1000) + 1000) % 1000))
}
