/**
 * Where a zone's offsets come from: milliseconds its wall clock is ahead of UTC at a UTC
 * instant, `undefined` when it has none to give.
 */
export interface UtcOffsets {
  offsetAt(instant: number): number | undefined
}

const dayMs = 86_400_000
const quarterHourMs = 900_000
// Bounded so a long-running process does not grow without end.
const cacheLimit = 50_000

/**
 * One IANA zone's offsets, read from Intl as they are asked for and kept per UTC day (NaN: the
 * offset changes that day) and, for days with a change, per quarter hour (the finest step any
 * zone's offset moves by). Intl formatting is the slow step; one lookup serves a whole day for
 * all but a few days a year. One object per zone, so a conversion looks the zone's name up once
 * rather than for every offset it needs.
 */
export class IanaZoneOffsets implements UtcOffsets {
  readonly #formatter: Intl.DateTimeFormat
  readonly #days = new Map<number, number>()
  readonly #quarters = new Map<number, number>()

  constructor(formatter: Intl.DateTimeFormat) {
    this.#formatter = formatter
  }

  /** The offset at a UTC instant; NaN when the instant is not finite or out of a Date's range. */
  offsetAt(instant: number): number {
    if (!Number.isFinite(instant) || Math.abs(instant) > 8.64e15 - dayMs) return Number.NaN
    const day = Math.floor(instant / dayMs)
    let dayOffset = this.#days.get(day)
    if (dayOffset === undefined) {
      const first = intlOffset(this.#formatter, day * dayMs)
      const last = intlOffset(this.#formatter, day * dayMs + dayMs - 1000)
      dayOffset = first === last ? first : Number.NaN
      if (this.#days.size >= cacheLimit) this.#days.clear()
      this.#days.set(day, dayOffset)
    }
    if (!Number.isNaN(dayOffset)) return dayOffset
    const quarter = Math.floor(instant / quarterHourMs)
    let offset = this.#quarters.get(quarter)
    if (offset === undefined) {
      offset = intlOffset(this.#formatter, quarter * quarterHourMs)
      if (this.#quarters.size >= cacheLimit) this.#quarters.clear()
      this.#quarters.set(quarter, offset)
    }
    return offset
  }
}

const zones = new Map<string, IanaZoneOffsets | null>()

/**
 * The offsets of a zone of the IANA database (as the platform's Intl knows it), or `undefined`
 * when the name is not one. Offsets such as `+01:00` and `UTC+1` are names Intl accepts but the
 * IANA database lacks; they are refused here.
 *
 * @example ianaZoneOffsets('Europe/Berlin')?.offsetAt(Date.parse('2026-07-01T00:00:00Z')) // 7_200_000
 */
export function ianaZoneOffsets(timeZone: string): IanaZoneOffsets | undefined {
  let zone = zones.get(timeZone)
  if (zone === undefined) {
    zone = null
    try {
      if (/^[A-Za-z]/.test(timeZone) && !/^[A-Za-z]+[+-]\d/.test(timeZone)) {
        zone = new IanaZoneOffsets(
          new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            era: 'short',
          }),
        )
      }
    } catch {
      zone = null
    }
    zones.set(timeZone, zone)
  }
  return zone ?? undefined
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
  return ianaZoneOffsets(timeZone) !== undefined
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
  return ianaZoneOffsets(timeZone)?.offsetAt(instant)
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
