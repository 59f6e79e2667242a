import ICAL from 'ical.js'
import type { JCalComponent } from '../jscalendar/icalendar-component.js'
import {
  instantToLocalDateTime,
  isIanaTimeZone,
  wallClockMs,
  wallClockToUtc,
} from '../zoned-time/index.js'
import { copyJson } from './copy-json.js'
import { type ParsedComponent, propertyJCal } from './parse-icalendar.js'

/**
 * Converts between local wall-clock times in named zones and UTC instants. Zones defined by a
 * VTIMEZONE in the input use its rules (through ical.js); other names use the IANA database.
 */
export class TimeZoneRules {
  readonly #custom = new Map<string, InstanceType<typeof ICAL.Timezone>>()
  // Definitions are turned into ical.js zones on first use only: building one from an Outlook
  // VTIMEZONE whose rules start in 1601 is costly, and most are never needed once their TZIDs
  // map to IANA names.
  // A VTIMEZONE read from input stays parsed until its zone is needed: copying it to jCal for
  // nothing was a good part of reading a calendar that names its zones by IANA names.
  readonly #definitions = new Map<string, JCalTree | ParsedComponent>()

  /**
   * @param vtimezones VTIMEZONEs read from iCalendar input
   * @param kept VTIMEZONEs in jCal form (those a Group keeps in its `iCalendar` property, when
   *   writing), so times in a zone that is not IANA are written with that zone's offsets
   */
  constructor(vtimezones: readonly ParsedComponent[] = [], kept: readonly JCalComponent[] = []) {
    for (const vtimezone of vtimezones) {
      const tzid = vtimezone.properties.find((property) => property.name === 'tzid')?.values[0]
      this.#define(tzid, vtimezone)
    }
    for (const component of kept) {
      if (component[0] !== 'vtimezone') continue
      const tzid = component[1].find((property) => property[0] === 'tzid')?.[3]
      this.#define(tzid, copyJson(component) as JCalTree)
    }
  }

  #define(tzid: unknown, definition: JCalTree | ParsedComponent): void {
    // IANA names are computed from the IANA database (fast, and what the draft keys on); a
    // VTIMEZONE is only needed for the names that are not IANA.
    if (typeof tzid !== 'string' || isIanaTimeZone(tzid)) return
    this.#definitions.set(tzid, definition)
  }

  #zone(tzid: string): InstanceType<typeof ICAL.Timezone> | undefined {
    let zone = this.#custom.get(tzid)
    if (zone === undefined) {
      const definition = this.#definitions.get(tzid)
      if (definition === undefined) return undefined
      const jcal = Array.isArray(definition) ? definition : toJCal(definition)
      zone = new ICAL.Timezone({ component: new ICAL.Component(withOnsetsListed(jcal)), tzid })
      this.#custom.set(tzid, zone)
    }
    return zone
  }

  /** Milliseconds since the epoch of a LocalDateTime in a zone; `undefined` zone means floating (read as UTC). */
  toUtc(local: string, zone: string | undefined): number {
    let wall = wallClockMs(local)
    if (Number.isNaN(wall)) wall = Date.parse(`${local}Z`)
    if (zone === undefined || zone === 'Etc/UTC' || zone === 'UTC') return wall
    const custom = this.#zone(zone)
    if (custom !== undefined) {
      const time = ICAL.Time.fromDateTimeString(local)
      time.zone = custom
      return time.toUnixTime() * 1000
    }
    const instant = wallClockToUtc(wall, zone)
    // Names neither IANA nor defined by a VTIMEZONE are read as floating.
    return Number.isNaN(instant) ? wall : instant
  }

  /** The LocalDateTime of an instant in a zone. */
  fromUtc(instant: number, zone: string | undefined): string {
    if (zone === undefined || zone === 'Etc/UTC' || zone === 'UTC') return isoLocal(instant)
    const custom = this.#zone(zone)
    if (custom !== undefined) {
      const time = ICAL.Time.fromJSDate(new Date(instant), true)
      return isoLocal(Date.parse(`${time.convertToZone(custom).toString().slice(0, 19)}Z`))
    }
    return instantToLocalDateTime(instant, zone) ?? isoLocal(instant)
  }

  /**
   * Whether a zone a kept VTIMEZONE defines gives a LocalDateTime the same instant as another
   * zone does (so a TZID the reader mapped to an IANA zone can be written back).
   */
  sameInstant(local: string, defined: string, other: string): boolean {
    if (!this.#definitions.has(defined)) return false
    return this.toUtc(local, defined) === this.toUtc(local, other)
  }

  /** Moves a LocalDateTime from one zone to another, keeping the instant (floating stays as is). */
  convert(local: string, from: string | undefined, to: string | undefined): string {
    if (from === to || from === undefined || to === undefined) return local
    return this.fromUtc(this.toUtc(local, from), to)
  }
}

/**
 * A VTIMEZONE whose observances with RDATEs also list their DTSTART as one. RFC 5545 §3.6.5 makes
 * DTSTART the first onset and RDATE add more, but ical.js reads only the RDATEs of an observance
 * that has any: a zone whose first daylight time is given by DTSTART alone (khal's Europe_Berlin,
 * DTSTART 2014-03-30 and RDATE 2015, 2016) would have no daylight time in 2014.
 */
function withOnsetsListed(jcal: JCalTree): JCalTree {
  const [name, properties, observances] = jcal
  return [
    name,
    properties,
    observances.map((observance) => {
      const [kind, rules, subcomponents] = observance
      const dtstart = (rules as unknown[][]).find((rule) => rule[0] === 'dtstart')?.[3]
      const rdates = (rules as unknown[][]).filter((rule) => rule[0] === 'rdate')
      if (typeof dtstart !== 'string' || rdates.length === 0) return observance
      if (rdates.some((rdate) => rdate.slice(3).includes(dtstart))) return observance
      return [kind, [...rules, ['rdate', {}, 'date-time', dtstart]], subcomponents]
    }),
  ]
}

function isoLocal(instant: number): string {
  return new Date(instant).toISOString().slice(0, 19)
}

type JCalTree = [string, unknown[], JCalTree[]]

function toJCal(component: ParsedComponent): JCalTree {
  return [
    component.name,
    component.properties.map((property) => copyJson(propertyJCal(property))),
    component.components.map(toJCal),
  ]
}
