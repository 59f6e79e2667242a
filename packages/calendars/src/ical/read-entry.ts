import { uuidV5 } from '@typed-jmap/core/internal'
import type { Event } from '../jscalendar/event.js'
import type { PatchObject } from '../jscalendar/primitives.js'
import { setOwnProperty } from '../jscalendar/set-own-property.js'
import type { Task } from '../jscalendar/task.js'
import type { VirtualLocation } from '../jscalendar/virtual-location.js'
import { wallClockMs } from '../zoned-time/index.js'
import { hasOwnKeys } from './has-own-keys.js'
import { ICalendarRecord } from './icalendar-record.js'
import { applyJsprops } from './jsprop.js'
import { type ParsedComponent, type ParsedProperty, propertyJCal } from './parse-icalendar.js'
import { readAlarms } from './read-alarm.js'
import type { ReadContext } from './read-context.js'
import { applyDescription, chooseDescription } from './read-description.js'
import { KeywordLines } from './read-keywords.js'
import { linkPropertyNames, readLink } from './read-links.js'
import { readLocations } from './read-locations.js'
import { ParticipantReader } from './read-participants.js'
import { readRecurrenceRule } from './read-recurrence-rule.js'
import {
  formatSeconds,
  parameterList,
  parameterText,
  readTemporal,
  readText,
  readUtc,
  type TemporalValue,
  uniqueKey,
} from './read-values.js'

const privacyByClass: Record<string, string> = {
  PUBLIC: 'public',
  PRIVATE: 'private',
  CONFIDENTIAL: 'secret',
}
const freeBusyByTransp: Record<string, string> = { OPAQUE: 'busy', TRANSPARENT: 'free' }

// The names readEntry's switch has a case for, each the switch's own (internalized) string. The
// switch is given these, or '' for any other name, so that it only ever compares internalized
// strings, which V8 does by identity: names the parser does not know (X- properties, common in
// real files) are fresh strings, and once the switch has met them every case compared
// characters, for each property of every entry (about four times the cost).
const handledNames = new Map(
  [
    'uid',
    'dtstamp',
    'created',
    'summary',
    'description',
    'styled-description',
    'dtstart',
    'dtend',
    'duration',
    'due',
    'estimated-duration',
    'percent-complete',
    'status',
    'class',
    'transp',
    'sequence',
    'priority',
    'color',
    'categories',
    'concept',
    'conference',
    'location',
    'geo',
    'attendee',
    'organizer',
    'rrule',
    'rdate',
    'exdate',
    'recurrence-id',
    'related-to',
    'show-without-time',
    'jsprop',
  ].map((name) => [name, name]),
)

/** A converted VEVENT or VTODO, with what its calendar needs to place it. */
export interface ReadEntry {
  object: Event | Task
  /** The RECURRENCE-ID, moved into no zone yet. */
  recurrenceId?: TemporalValue
}

/**
 * Converts one VEVENT (to an Event) or VTODO (to a Task), keeping what has no JSCalendar
 * equivalent in its `iCalendar` property.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.2.3, §3.2.5
 */
export function readEntry(component: ParsedComponent, context: ReadContext): ReadEntry {
  const isTask = component.name === 'vtodo'
  const object: Record<string, unknown> = { '@type': isTask ? 'Task' : 'Event' }
  const record = new ICalendarRecord(component.name, context.lossless)
  const dtstart = firstNamed(component, 'dtstart')
  const start = dtstart === undefined ? undefined : readTemporal(dtstart)
  const due = isTask ? firstNamed(component, 'due') : undefined
  const zone =
    start !== undefined ? start.zone : due === undefined ? undefined : readTemporal(due).zone
  const isDateForm = start?.isDate ?? (due === undefined ? false : readTemporal(due).isDate)
  const seen: string[] = []
  const state: EntryState = { object, record, seen }
  // Created at the first participant: most entries have none.
  let participants: ParticipantReader | undefined
  const links: NonNullable<Event['links']> = {}
  const virtualLocations: { [id: string]: VirtualLocation } = {}
  const overrides: { [recurrenceId: string]: PatchObject } = {}
  const relatedTo: NonNullable<Event['relatedTo']> = {}
  const jsprops: ParsedProperty[] = []
  let keywordLines: KeywordLines | undefined
  const locationProperties: ParsedProperty[] = []
  let recurrenceId: TemporalValue | undefined
  let description: ParsedProperty | undefined
  let dtend: ParsedProperty | undefined
  for (const property of component.properties) {
    switch (handledNames.get(property.name) ?? '') {
      case 'uid':
        simple(state, property, 'uid', readText(property))
        break
      case 'dtstamp':
        simple(state, property, 'updated', readUtc(property))
        break
      case 'created':
        simple(state, property, 'created', readUtc(property))
        break
      case 'summary':
        if (!once(state, property)) break
        object.title = readText(property)
        if (parameterText(property, 'language') !== undefined)
          object.locale = parameterText(property, 'language')
        record.converted('title', property, ['language'])
        break
      case 'description':
      case 'styled-description':
        description = chooseDescription(property, description, record)
        break
      case 'dtstart':
        if (!once(state, property) || start === undefined) break
        object.start = start.local
        if (start.zone !== undefined) object.timeZone = start.zone
        if (start.isDate) object.showWithoutTime = true
        record.converted('start', property, ['tzid'])
        break
      case 'dtend':
        if (isTask || dtend !== undefined || start === undefined) record.unconverted(property)
        else dtend = property
        break
      case 'duration':
        if (!once(state, property) || (firstNamed(component, 'dtend') !== undefined && !isTask)) {
          if (seen.includes('duration') && object.duration === undefined)
            record.unconverted(property)
          break
        }
        object.duration = readText(property)
        record.converted('duration', property, [])
        break
      case 'due': {
        if (!isTask || !once(state, property)) {
          if (!isTask) record.unconverted(property)
          break
        }
        const value = readTemporal(property)
        object.due = context.zones.convert(value.local, value.zone, zone)
        if (start === undefined) {
          if (value.zone !== undefined) object.timeZone = value.zone
          if (value.isDate) object.showWithoutTime = true
          record.converted('due', property, tzidOnly)
        } else if (value.isDate && !isDateForm) {
          // A DUE date on a task that starts at a time: the date it was goes back.
          record.converted('due', property, tzidOnly, { valueType: 'date' })
        } else if (value.zone === 'Etc/UTC' && zone !== 'Etc/UTC') {
          // A DUE in UTC on a task that starts in a zone (or floating) goes back in UTC: the
          // value type alone marks it, since UTC is no TZID.
          record.converted('due', property, tzidOnly, { valueType: 'date-time' })
        } else {
          // A DUE in another zone than DTSTART's keeps its TZID, so it is written in that zone.
          const ownZone = value.zone !== undefined && value.zone !== zone
          record.converted('due', property, ownZone ? noParameters : tzidOnly)
        }
        break
      }
      case 'estimated-duration':
        if (isTask) simple(state, property, 'estimatedDuration', readText(property))
        else record.unconverted(property)
        break
      case 'percent-complete':
        if (isTask) simple(state, property, 'percentComplete', Number(property.values[0]))
        else record.unconverted(property)
        break
      case 'status':
        simple(state, property, isTask ? 'progress' : 'status', readText(property).toLowerCase())
        break
      case 'class': {
        const privacy = privacyByClass[readText(property).toUpperCase()]
        if (privacy !== undefined) simple(state, property, 'privacy', privacy)
        else record.unconverted(property)
        break
      }
      case 'transp': {
        const freeBusyStatus = freeBusyByTransp[readText(property).toUpperCase()]
        if (freeBusyStatus !== undefined) simple(state, property, 'freeBusyStatus', freeBusyStatus)
        else record.unconverted(property)
        break
      }
      case 'sequence':
        simple(state, property, 'sequence', Number(property.values[0]))
        break
      case 'priority':
        simple(state, property, 'priority', Number(property.values[0]))
        break
      case 'color':
        simple(state, property, 'color', readText(property))
        break
      case 'categories':
      case 'concept':
        keywordLines ??= new KeywordLines()
        keywordLines.read(property, object, record)
        break
      case 'conference': {
        const uri = readText(property)
        const key = parameterText(property, 'jsid') ?? uniqueKey(virtualLocations, uuidV5(uri))
        const virtualLocation: VirtualLocation = { '@type': 'VirtualLocation', uri }
        const name = parameterText(property, 'label')
        if (name !== undefined) virtualLocation.name = name
        const features = parameterList(property, 'feature')
        if (features.length > 0) {
          virtualLocation.features = {}
          for (const feature of features)
            setOwnProperty(virtualLocation.features, feature.toLowerCase(), true)
        }
        setOwnProperty(virtualLocations, key, virtualLocation)
        record.converted(['virtualLocations', key, 'uri'], property, ['label', 'feature'])
        break
      }
      case 'location':
      case 'geo':
        locationProperties.push(property)
        break
      case 'attendee':
        participants ??= new ParticipantReader(context, isTask)
        participants.attendee(property, record)
        break
      case 'organizer':
        if (!once(state, property)) break
        object.organizerCalendarAddress = readText(property)
        if (parameterText(property, 'sent-by') !== undefined)
          object.sentBy = parameterText(property, 'sent-by')
        participants ??= new ParticipantReader(context, isTask)
        participants.organizer(property, component.properties, record)
        break
      case 'rrule': {
        if (seen.includes('rrule')) {
          record.unconverted(property)
          break
        }
        const rule = readRecurrenceRule(property, zone, context)
        if (rule === undefined) record.unconverted(property)
        else {
          seen.push('rrule')
          object.recurrenceRule = rule
          record.converted('recurrenceRule', property, [])
        }
        break
      }
      case 'rdate':
      case 'exdate':
        readRecurrenceDates(property, zone, isDateForm, overrides, record, context)
        break
      case 'recurrence-id':
        if (!once(state, property)) break
        recurrenceId = readTemporal(property)
        object.recurrenceId = recurrenceId.local
        if (recurrenceId.zone !== undefined) object.recurrenceIdTimeZone = recurrenceId.zone
        record.converted('recurrenceId', property, ['tzid'])
        break
      case 'related-to': {
        const uid = readText(property)
        const relation = relatedTo[uid] ?? { '@type': 'Relation' }
        const type = parameterText(property, 'reltype')
        if (type !== undefined)
          relation.relation = { ...relation.relation, [type.toLowerCase()]: true }
        setOwnProperty(relatedTo, uid, relation)
        record.converted(['relatedTo', uid], property, ['reltype'])
        break
      }
      case 'show-without-time':
        if (property.values[0] === true && !isDateForm && once(state, property)) {
          object.showWithoutTime = true
          record.converted('showWithoutTime', property, [])
        } else record.unconverted(property)
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
  if (description !== undefined) {
    applyDescription(
      description,
      object,
      record,
      (type) => type === undefined || type === 'text/plain',
    )
  }
  if (dtend !== undefined && start !== undefined) readDtend(dtend, start, object, record, context)
  if (object.uid === undefined) {
    // iCalendar requires UID; a stable stand-in keeps the Event valid and the output deterministic.
    object.uid = uuidV5(JSON.stringify(component.properties.map(propertyJCal)))
  }
  const alarms: ParsedComponent[] = []
  const vlocations: ParsedComponent[] = []
  for (const sub of component.components) {
    if (sub.name === 'valarm') alarms.push(sub)
    else if (sub.name === 'vlocation') vlocations.push(sub)
    else if (sub.name === 'participant') {
      participants ??= new ParticipantReader(context, isTask)
      participants.component(sub)
    } else record.component(sub)
  }
  if (locationProperties.length > 0 || vlocations.length > 0) {
    const { locations, mainLocationId } = readLocations(
      locationProperties,
      vlocations,
      record,
      context,
    )
    if (hasOwnKeys(locations)) object.locations = locations
    if (mainLocationId !== undefined) object.mainLocationId = mainLocationId
  }
  if (participants !== undefined && hasOwnKeys(participants.participants))
    object.participants = participants.participants
  if (hasOwnKeys(links)) object.links = links
  if (hasOwnKeys(virtualLocations)) object.virtualLocations = virtualLocations
  if (hasOwnKeys(overrides)) object.recurrenceOverrides = overrides
  if (hasOwnKeys(relatedTo)) object.relatedTo = relatedTo
  if (alarms.length > 0) {
    const alerts = readAlarms(alarms, record, context)
    if (hasOwnKeys(alerts)) object.alerts = alerts
  }
  const iCalendar = record.build()
  if (iCalendar !== undefined) object.iCalendar = iCalendar
  applyJsprops(object, jsprops)
  const entry: ReadEntry = { object: object as unknown as Event | Task }
  if (recurrenceId !== undefined) entry.recurrenceId = recurrenceId
  return entry
}

/** What the per-property helpers of {@link readEntry} (and of the calendar's reader) share. */
export interface EntryState {
  object: Record<string, unknown>
  record: ICalendarRecord
  /**
   * Names of the properties already converted (the others of the same name stay iCalendar). A
   * list, not a Set: a component converts a dozen or so, and a Set rehashes twice on the way.
   */
  seen: string[]
}

// Module functions rather than closures in readEntry: they would be created for every entry.
function firstNamed(component: ParsedComponent, name: string): ParsedProperty | undefined {
  for (const property of component.properties) if (property.name === name) return property
  return undefined
}

function once(state: EntryState, property: ParsedProperty): boolean {
  if (state.seen.includes(property.name)) {
    state.record.unconverted(property)
    return false
  }
  state.seen.push(property.name)
  return true
}

/** Sets `key` from the first property of its name; later ones stay iCalendar. */
export function simple(
  state: EntryState,
  property: ParsedProperty,
  key: string,
  value: unknown,
): void {
  if (!once(state, property)) return
  state.object[key] = value
  state.record.converted(key, property, noParameters)
}

const noParameters: readonly string[] = []

function readDtend(
  dtend: ParsedProperty,
  start: TemporalValue,
  object: Record<string, unknown>,
  record: ICalendarRecord,
  context: ReadContext,
): void {
  const end = readTemporal(dtend)
  let seconds: number
  if (start.isDate && end.isDate) {
    seconds = (wallClockMs(end.local) - wallClockMs(start.local)) / 1000
  } else {
    seconds =
      (context.zones.toUtc(end.local, end.zone) - context.zones.toUtc(start.local, start.zone)) /
      1000
  }
  if (seconds < 0 || object.duration !== undefined) {
    record.unconverted(dtend)
    return
  }
  object.duration = formatSeconds(seconds)
  if (end.zone !== start.zone && end.zone !== undefined && start.zone !== undefined) {
    object.endTimeZone = end.zone
    record.converted('duration', dtend, ['tzid'])
  } else {
    record.converted('duration', dtend, ['tzid'], true)
  }
}

/**
 * Converts the values of an RDATE or EXDATE into recurrence overrides keyed in the series' zone.
 * What a key cannot say is kept for the way back: a DATE on a DATE-TIME series (the value type),
 * the zone of a value on a floating series (its TZID), and a value whose key an earlier RDATE or
 * EXDATE already took (the whole value, as an unconverted property).
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.17, §3.3.37
 */
function readRecurrenceDates(
  property: ParsedProperty,
  zone: string | undefined,
  isDateForm: boolean,
  overrides: { [recurrenceId: string]: PatchObject },
  record: ICalendarRecord,
  context: ReadContext,
): void {
  const isPeriod = property.type === 'period'
  const dateOnSeries = property.type === 'date' && !isDateForm
  for (const value of property.values) {
    const [periodStart, periodEnd] = isPeriod ? (value as [string, string]) : [value, undefined]
    const instant = readTemporal(property, periodStart)
    const key = context.zones.convert(instant.local, instant.zone, zone)
    if (Object.hasOwn(overrides, key)) {
      record.unconverted({ ...property, values: [value] })
      continue
    }
    const path = ['recurrenceOverrides', key]
    // A floating series has no zone to move a zoned value into; its TZID stays with the key.
    const consumed = zone === undefined && instant.zone !== undefined ? [] : tzidOnly
    if (property.name === 'exdate') {
      setOwnProperty(overrides, key, { excluded: true })
      record.converted(path, property, consumed, dateOnSeries ? { valueType: 'date' } : undefined)
    } else if (isPeriod && periodEnd !== undefined) {
      const duration = periodEnd.startsWith('P')
        ? periodEnd
        : formatSeconds(
            (context.zones.toUtc(
              readTemporal(property, periodEnd).local,
              readTemporal(property, periodEnd).zone,
            ) -
              context.zones.toUtc(instant.local, instant.zone)) /
              1000,
          )
      setOwnProperty(overrides, key, { duration })
      record.converted(path, property, consumed, { valueType: 'period' })
    } else {
      setOwnProperty(overrides, key, {})
      record.converted(path, property, consumed, dateOnSeries ? { valueType: 'date' } : undefined)
    }
  }
}

const tzidOnly: readonly string[] = ['tzid']
