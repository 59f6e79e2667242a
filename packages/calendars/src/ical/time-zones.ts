import ICAL from 'ical.js'
import { copyJson } from './copy-json.js'
import type { ParsedComponent } from './parse-icalendar.js'

const ianaCache = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = ianaCache.get(timeZone)
  if (formatter === undefined) {
    // Intl rejects names outside the IANA database (and accepts its aliases), which is exactly the
    // test the draft asks for; offsets such as "+01:00" are not names and are rejected too.
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
            })
          : null
    } catch {
      formatter = null
    }
    ianaCache.set(timeZone, formatter)
  }
  return formatter
}

/**
 * Tells whether a TZID names a zone of the IANA time zone database (as the platform's Intl knows it).
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §2.1.4
 * @example isIanaTimeZone('Europe/Berlin') // true
 */
export function isIanaTimeZone(tzid: string): boolean {
  return formatterFor(tzid) !== null
}

/**
 * Converts between local wall-clock times in named zones and UTC instants. Zones defined by a
 * VTIMEZONE in the input use its rules (through ical.js); other names use the IANA database.
 */
export class TimeZoneRules {
  readonly #custom = new Map<string, InstanceType<typeof ICAL.Timezone>>()
  readonly #dayOffsets = new Map<string, Map<number, number>>()
  readonly #quarterHourOffsets = new Map<string, Map<number, number>>()

  constructor(vtimezones: readonly ParsedComponent[] = []) {
    for (const vtimezone of vtimezones) {
      const tzid = vtimezone.properties.find((property) => property.name === 'tzid')?.values[0]
      // IANA names are computed from the IANA database (fast, and what the draft keys on); a
      // VTIMEZONE is only needed for the names that are not IANA.
      if (typeof tzid !== 'string' || isIanaTimeZone(tzid)) continue
      const component = new ICAL.Component(toJCal(vtimezone))
      this.#custom.set(tzid, new ICAL.Timezone({ component, tzid }))
    }
  }

  /** Milliseconds since the epoch of a LocalDateTime in a zone; `undefined` zone means floating (read as UTC). */
  toUtc(local: string, zone: string | undefined): number {
    const wall = Date.parse(`${local}Z`)
    if (zone === undefined || zone === 'Etc/UTC' || zone === 'UTC') return wall
    const custom = this.#custom.get(zone)
    if (custom !== undefined) {
      const time = ICAL.Time.fromDateTimeString(local)
      time.zone = custom
      return time.toUnixTime() * 1000
    }
    const guess = wall - this.#offset(wall, zone)
    const offset = this.#offset(guess, zone)
    return wall - offset
  }

  /** The LocalDateTime of an instant in a zone. */
  fromUtc(instant: number, zone: string | undefined): string {
    if (zone === undefined || zone === 'Etc/UTC' || zone === 'UTC') return isoLocal(instant)
    const custom = this.#custom.get(zone)
    if (custom !== undefined) {
      const time = ICAL.Time.fromJSDate(new Date(instant), true)
      return isoLocal(Date.parse(`${time.convertToZone(custom).toString().slice(0, 19)}Z`))
    }
    return isoLocal(instant + this.#offset(instant, zone))
  }

  /** Moves a LocalDateTime from one zone to another, keeping the instant (floating stays as is). */
  convert(local: string, from: string | undefined, to: string | undefined): string {
    if (from === to || from === undefined || to === undefined) return local
    return this.fromUtc(this.toUtc(local, from), to)
  }

  #offset(instant: number, zone: string): number {
    // Formatting through Intl is the slowest step of a conversion, so offsets are cached per UTC
    // day: when a day starts and ends with the same offset (no transition that day, the rule for
    // all but a few days a year) one lookup serves the whole day. Days with a transition fall back
    // to quarter hours, the finest step offsets change on.
    let cache = this.#dayOffsets.get(zone)
    if (cache === undefined) {
      cache = new Map()
      this.#dayOffsets.set(zone, cache)
    }
    const day = Math.floor(instant / 86_400_000)
    let dayOffset = cache.get(day)
    if (dayOffset === undefined) {
      const first = this.#intlOffset(day * 86_400_000, zone)
      const last = this.#intlOffset(day * 86_400_000 + 86_399_000, zone)
      dayOffset = first === last ? first : Number.NaN
      cache.set(day, dayOffset)
    }
    if (!Number.isNaN(dayOffset)) return dayOffset
    let quarters = this.#quarterHourOffsets.get(zone)
    if (quarters === undefined) {
      quarters = new Map()
      this.#quarterHourOffsets.set(zone, quarters)
    }
    const bucket = Math.floor(instant / 900_000)
    let offset = quarters.get(bucket)
    if (offset === undefined) {
      offset = this.#intlOffset(bucket * 900_000, zone)
      quarters.set(bucket, offset)
    }
    return offset
  }

  #intlOffset(instant: number, zone: string): number {
    const formatter = formatterFor(zone)
    if (formatter === null) return 0
    const parts: Record<string, number> = {}
    for (const part of formatter.formatToParts(new Date(instant))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value)
    }
    const asUtc = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    )
    return asUtc - (instant - (((instant % 1000) + 1000) % 1000))
  }
}

function isoLocal(instant: number): string {
  return new Date(instant).toISOString().slice(0, 19)
}

type JCalTree = [string, unknown[], JCalTree[]]

function toJCal(component: ParsedComponent): JCalTree {
  return [
    component.name,
    component.properties.map((property) => copyJson(property.jcal)),
    component.components.map(toJCal),
  ]
}
