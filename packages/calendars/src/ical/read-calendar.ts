import type { Event } from '../jscalendar/event.js'
import type { Group } from '../jscalendar/group.js'
import { setOwnProperty } from '../jscalendar/set-own-property.js'
import type { Task } from '../jscalendar/task.js'
import { hasOwnKeys } from './has-own-keys.js'
import { ICalendarParseError } from './icalendar-parse-error.js'
import { ICalendarRecord } from './icalendar-record.js'
import type { ICalendarWarning } from './icalendar-warning.js'
import { instanceBase } from './instance-base.js'
import { applyJsprops } from './jsprop.js'
import { diffPatch } from './override-patch.js'
import type { ParsedComponent, ParsedProperty } from './parse-icalendar.js'
import type { ReadContext } from './read-context.js'
import { applyDescription, chooseDescription } from './read-description.js'
import { type EntryState, type ReadEntry, readEntry, simple } from './read-entry.js'
import { KeywordLines } from './read-keywords.js'
import { linkPropertyNames, readLink } from './read-links.js'
import { isDerived, parameterText, readText, readUtc } from './read-values.js'
import { TimeZoneRules } from './time-zones.js'

/** Options of the iCalendar → JSCalendar conversion. */
export interface ReadOptions {
  /**
   * Keep what has no JSCalendar equivalent in `iCalendar` properties, so converting back loses
   * nothing (default `true`). `false` gives plain JSCalendar.
   */
  lossless?: boolean
  /** Keep VTIMEZONE components in the Group's `iCalendar` property (default `true`). */
  keepTimeZones?: boolean
  /** Also set every entry's `prodId` from PRODID, as the draft allows (default `false`). */
  entryProdId?: boolean
  /**
   * Refuse the whole input for any malformed property or unknown TZID (default `false`: such a
   * property is left out, such a TZID read as floating, and each case reported to `onWarning`).
   * Input that is not iCalendar at all is refused either way.
   */
  strict?: boolean
  /** Told about each property left out or read differently when not `strict`. */
  onWarning?: (warning: ICalendarWarning) => void
}

/**
 * Converts one VCALENDAR into a Group: each VEVENT and VTODO becomes an entry, recurrence
 * overrides of a main component become its `recurrenceOverrides`.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.1.1, §3.1.2
 */
export function readCalendar(calendar: ParsedComponent, options: ReadOptions): Group {
  if (calendar.name !== 'vcalendar') {
    throw new ICalendarParseError({
      line: calendar.line,
      reason: `expected BEGIN:VCALENDAR, found BEGIN:${calendar.name.toUpperCase()}`,
    })
  }
  const lossless = options.lossless ?? true
  const vtimezones = calendar.components.filter((component) => component.name === 'vtimezone')
  const context: ReadContext = {
    lossless,
    zones: new TimeZoneRules(vtimezones),
    warn: options.strict === true ? undefined : (warning) => options.onWarning?.(warning),
  }
  const group: Record<string, unknown> = { '@type': 'Group', version: '2.0' }
  const record = new ICalendarRecord('vcalendar', lossless)
  const links: NonNullable<Group['links']> = {}
  const jsprops: ParsedProperty[] = []
  let keywordLines: KeywordLines | undefined
  let method: string | undefined
  let methodProperty: ParsedProperty | undefined
  let description: ParsedProperty | undefined
  const seen: string[] = []
  const state: EntryState = { object: group, record, seen }
  for (const property of calendar.properties) {
    switch (property.name) {
      case 'name':
        if (seen.includes('name')) {
          record.unconverted(property)
          break
        }
        seen.push('name')
        group.title = readText(property)
        if (parameterText(property, 'language') !== undefined)
          group.locale = parameterText(property, 'language')
        record.converted('title', property, ['language'])
        break
      case 'description':
      case 'styled-description':
        description = chooseDescription(property, description, record)
        break
      case 'uid':
        simple(state, property, 'uid', readText(property))
        break
      case 'color':
        simple(state, property, 'color', readText(property))
        break
      case 'source':
        simple(state, property, 'source', readText(property))
        break
      case 'last-modified':
        simple(state, property, 'updated', readUtc(property))
        break
      case 'created':
        simple(state, property, 'created', readUtc(property))
        break
      case 'prodid':
        simple(state, property, 'prodId', readText(property))
        break
      case 'method':
        if (method === undefined && !hasOwnKeys(property.parameters)) {
          method = readText(property).toLowerCase()
          methodProperty = property
        } else record.unconverted(property)
        break
      case 'version':
        if (readText(property) !== '2.0' || hasOwnKeys(property.parameters))
          record.unconverted(property)
        break
      case 'categories':
      case 'concept':
        keywordLines ??= new KeywordLines()
        keywordLines.read(property, group, record)
        break
      case 'jsprop':
        jsprops.push(property)
        break
      default:
        if (!(linkPropertyNames.has(property.name) && readLink(property, links, record))) {
          record.unconverted(property)
        }
    }
  }
  if (description !== undefined) applyDescription(description, group, record)
  if (hasOwnKeys(links)) group.links = links
  const read: Array<[ReadEntry, ParsedComponent]> = []
  for (const component of calendar.components) {
    if (component.name === 'vevent' || component.name === 'vtodo')
      read.push([readEntry(component, context), component])
    else if (component.name !== 'vtimezone') record.component(component)
    else if ((options.keepTimeZones ?? true) && !generatedTimeZone(component))
      record.component(component)
  }
  const entries = mergeOverrides(read, context, record)
  if (method !== undefined) for (const entry of entries) entry.method = method
  // Entries carry `method`; a calendar without any (free/busy, journals) keeps METHOD itself.
  if (methodProperty !== undefined && entries.length === 0) record.unconverted(methodProperty)
  const prodId = group.prodId
  if (options.entryProdId === true && typeof prodId === 'string') {
    for (const entry of entries) entry.prodId ??= prodId
  }
  group.entries = entries
  const iCalendar = record.build()
  if (iCalendar !== undefined) group.iCalendar = iCalendar
  applyJsprops(group, jsprops)
  return group as unknown as Group
}

/** A VTIMEZONE the writer made from the IANA database (its TZID says DERIVED=TRUE). */
function generatedTimeZone(component: ParsedComponent): boolean {
  const tzid = component.properties.find((property) => property.name === 'tzid')
  return tzid !== undefined && isDerived(tzid)
}

/**
 * Makes each override component a patch of its main component. An override of an instance that
 * EXDATE removes stays excluded (the patch keeps `excluded: true`); of two overrides with the same
 * RECURRENCE-ID the one with the higher SEQUENCE (else the first) becomes the patch, and the other
 * is kept as a calendar-level component, so it is written back unchanged; so is an override that
 * changes nothing.
 */
function mergeOverrides(
  read: ReadonlyArray<readonly [ReadEntry, ParsedComponent]>,
  context: ReadContext,
  record: ICalendarRecord,
): Array<Event | Task> {
  // Most calendars have no override: they need none of the maps below.
  if (!read.some(([entry]) => entry.recurrenceId !== undefined))
    return read.map(([entry]) => entry.object)
  // Main components by UID, one map per type: no "type uid" key is built per entry.
  const mains = { Event: new Map<string, Event | Task>(), Task: new Map<string, Event | Task>() }
  for (const [{ object, recurrenceId }] of read) {
    const ofType = mains[object['@type']]
    if (recurrenceId === undefined && !ofType.has(object.uid)) ofType.set(object.uid, object)
  }
  const entries: Array<Event | Task> = []
  const applied = new Map<string, { sequence: number; component: ParsedComponent }>()
  for (const [{ object, recurrenceId }, component] of read) {
    const main = mains[object['@type']].get(object.uid)
    if (recurrenceId === undefined || main === undefined) {
      entries.push(object)
      continue
    }
    const key = context.zones.convert(recurrenceId.local, recurrenceId.zone, main.timeZone)
    // The override's own recurrenceId and recurrenceIdTimeZone are never patched (diffPatch
    // leaves them out), so the object is compared as it is.
    const patch = diffPatch(instanceBase(main, key), object as unknown as Record<string, unknown>)
    // An override that changes nothing would read back as an added date (an empty patch); it is
    // kept as it came instead.
    if (!hasOwnKeys(patch)) {
      record.component(component)
      continue
    }
    const overrides = main.recurrenceOverrides ?? {}
    const slot = `${object['@type']} ${object.uid} ${key}`
    const sequence = object.sequence ?? 0
    const earlier = applied.get(slot)
    if (earlier !== undefined) {
      if (sequence <= earlier.sequence) {
        record.component(component)
        continue
      }
      record.component(earlier.component)
    }
    applied.set(slot, { sequence, component })
    const previous = Object.hasOwn(overrides, key) ? overrides[key] : undefined
    setOwnProperty(
      overrides,
      key,
      previous?.excluded === true ? { excluded: true, ...patch } : patch,
    )
    main.recurrenceOverrides = overrides
  }
  return entries
}
