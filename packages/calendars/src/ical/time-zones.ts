import type { JCalComponent } from '../jscalendar/icalendar-component.js'
import { formatWallClock, isIanaTimeZone, wallClockMs } from '../zoned-time/index.js'
// Not part of the package's API (zoned-time/index.ts is re-exported): what converts in a zone
// given by its offsets, which VTIMEZONE zones have too.
import { wallClockToUtcBy } from '../zoned-time/local-date-time.js'
import { ianaZoneOffsets, type UtcOffsets } from '../zoned-time/utc-offset.js'
import type { ParsedComponent } from './parse-icalendar.js'
import { type VTimezoneRules, vtimezoneRulesOf } from './vtimezone-rules.js'

/**
 * Converts between local wall-clock times in named zones and UTC instants. Zones defined by a
 * VTIMEZONE in the input use its rules (see {@link vtimezoneRulesOf}); other names use the IANA
 * database.
 */
export class TimeZoneRules {
  // A zone a VTIMEZONE defines; `null` for one whose observances cannot be read (its times are
  // read as floating, as ical.js reads a zone without observances).
  #custom: Map<string, VTimezoneRules | null> | undefined
  // A VTIMEZONE read from input stays parsed until its zone is needed: most are never needed
  // once their TZIDs map to IANA names.
  // (The maps are made when first needed: most calendars convert in IANA zones only.)
  #definitions: Map<string, JCalComponent | ParsedComponent> | undefined
  // Each zone name met, resolved once to what converts its times (a calendar converts many times
  // in few zones).
  #resolved: Map<string, ResolvedZone> | undefined

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
      this.#define(tzid, component)
    }
  }

  #define(tzid: unknown, definition: JCalComponent | ParsedComponent): void {
    // IANA names are computed from the IANA database (fast, and what the draft keys on); a
    // VTIMEZONE is only needed for the names that are not IANA.
    if (typeof tzid !== 'string' || isIanaTimeZone(tzid)) return
    this.#definitions ??= new Map()
    this.#definitions.set(tzid, definition)
  }

  /** The rules of a zone a VTIMEZONE defines, `null` for unreadable ones, else `undefined`. */
  #zone(tzid: string): VTimezoneRules | null | undefined {
    let zone = this.#custom?.get(tzid)
    if (zone === undefined) {
      const definition = this.#definitions?.get(tzid)
      if (definition === undefined) return undefined
      zone = vtimezoneRulesOf(Array.isArray(definition) ? fromJCal(definition) : definition) ?? null
      this.#custom ??= new Map()
      this.#custom.set(tzid, zone)
    }
    return zone
  }

  /** What converts times in a zone (`undefined` means floating). */
  #resolve(zone: string | undefined): ResolvedZone {
    if (zone === undefined) return asUtc
    let resolved = this.#resolved?.get(zone)
    if (resolved === undefined) {
      const custom = zone === 'Etc/UTC' || zone === 'UTC' ? null : this.#zone(zone)
      if (custom === null) resolved = asUtc
      else if (custom !== undefined) resolved = { kind: 'custom', offsets: custom }
      else {
        const offsets = ianaZoneOffsets(zone)
        // Names neither IANA nor defined by a VTIMEZONE are read as floating.
        resolved = offsets === undefined ? asUtc : { kind: 'iana', offsets }
      }
      this.#resolved ??= new Map()
      this.#resolved.set(zone, resolved)
    }
    return resolved
  }

  /** Milliseconds since the epoch of a LocalDateTime in a zone; `undefined` zone means floating (read as UTC). */
  toUtc(local: string, zone: string | undefined): number {
    let wall = wallClockMs(local)
    if (Number.isNaN(wall)) wall = Date.parse(`${local}Z`)
    const resolved = this.#resolve(zone)
    switch (resolved.kind) {
      case 'as-utc':
        return wall
      case 'custom':
        return wallClockToUtcBy(wall, resolved.offsets)
      case 'iana': {
        const instant = wallClockToUtcBy(wall, resolved.offsets)
        return Number.isNaN(instant) ? wall : instant
      }
    }
  }

  /** The LocalDateTime of an instant in a zone. */
  fromUtc(instant: number, zone: string | undefined): string {
    const resolved = this.#resolve(zone)
    switch (resolved.kind) {
      case 'as-utc':
        return formatWallClock(instant)
      case 'custom':
      case 'iana':
        return formatWallClock(instant + (resolved.offsets.offsetAt(instant) as number))
    }
  }

  /**
   * Whether a zone a kept VTIMEZONE defines gives a LocalDateTime the same instant as another
   * zone does (so a TZID the reader mapped to an IANA zone can be written back).
   */
  sameInstant(local: string, defined: string, other: string): boolean {
    if (this.#definitions?.has(defined) !== true) return false
    return this.toUtc(local, defined) === this.toUtc(local, other)
  }

  /** Moves a LocalDateTime from one zone to another, keeping the instant (floating stays as is). */
  convert(local: string, from: string | undefined, to: string | undefined): string {
    if (from === to || from === undefined || to === undefined) return local
    return this.fromUtc(this.toUtc(local, from), to)
  }
}

/**
 * How a zone's times convert: read as UTC (floating, UTC, a VTIMEZONE without usable
 * observances, a name nothing defines) or through the offsets of a VTIMEZONE or an IANA zone.
 */
type ResolvedZone =
  | { kind: 'as-utc' }
  | { kind: 'custom'; offsets: UtcOffsets }
  | { kind: 'iana'; offsets: UtcOffsets }

const asUtc: ResolvedZone = { kind: 'as-utc' }

/** A VTIMEZONE kept in jCal, in the form the reader gives. */
function fromJCal(component: JCalComponent): ParsedComponent {
  const [name, properties, components] = component
  return {
    name,
    line: 0,
    properties: properties.map((property) => ({
      name: property[0],
      parameters: property[1],
      type: property[2],
      values: property.slice(3),
      line: 0,
    })),
    components: components.map(fromJCal),
  }
}
