import * as v from 'valibot'
import { durationSeconds } from '../jscalendar/duration.js'
import type { Event } from '../jscalendar/event.js'
import { EventSchema, TaskSchema } from '../jscalendar/event-task-schemas.js'
import type { JCalComponent, JCalParameters } from '../jscalendar/icalendar-component.js'
import { applyPatchObject, formatJsonPointer } from '../jscalendar/patch-object.js'
import type { Task } from '../jscalendar/task.js'
import { recurrenceRuleDates } from '../recurrence/recurrence-rule-dates.js'
import { isIanaTimeZone, wallClockMs } from '../zoned-time/index.js'
import { ComponentWriter } from './component-writer.js'
import { instanceBase } from './instance-base.js'
import { JSCalendarConversionError } from './jscalendar-conversion-error.js'
import { formatTemporal, formatTemporalIn, type TemporalForm } from './temporal-form.js'
import type { TimeZoneRules } from './time-zones.js'
import { writeAlerts } from './write-alerts.js'
import { writeDescription } from './write-description.js'
import { writeKeywords } from './write-keywords.js'
import { writeLinks } from './write-links.js'
import { writeLocations, writeVirtualLocations } from './write-locations.js'
import { writeParticipants } from './write-participants.js'
import { writeRecurrenceRule } from './write-recurrence-rule.js'

const classByPrivacy: Record<string, string> = {
  public: 'PUBLIC',
  private: 'PRIVATE',
  secret: 'CONFIDENTIAL',
}
const transpByFreeBusy: Record<string, string> = { busy: 'OPAQUE', free: 'TRANSPARENT' }
const commonKeys = [
  '@type',
  'uid',
  'updated',
  'created',
  'title',
  'description',
  'descriptionContentType',
  'start',
  'timeZone',
  'showWithoutTime',
  'sequence',
  'priority',
  'color',
  'keywords',
  'categories',
  'links',
  'locations',
  'mainLocationId',
  'virtualLocations',
  'participants',
  'organizerCalendarAddress',
  'sentBy',
  'recurrenceRule',
  'recurrenceOverrides',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'relatedTo',
  'alerts',
  'iCalendar',
  'version',
  'method',
  'prodId',
  'duration',
  'privacy',
  'freeBusyStatus',
  'locale',
]
const eventKeys = new Set([...commonKeys, 'endTimeZone', 'status'])
const taskKeys = new Set([...commonKeys, 'due', 'estimatedDuration', 'percentComplete', 'progress'])

/** What writing one Event or Task needs. */
export interface WriteEntryContext {
  lossless: boolean
  zones: TimeZoneRules
  /** JSON pointer of the entry in the input, for error messages. */
  path: string
}

/**
 * Chooses DATE, UTC or local time for the dates of an Event or Task, as the draft prescribes.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.2
 */
export function temporalForm(object: Event | Task): TemporalForm {
  const midnight = (local: string | undefined): boolean =>
    local === undefined || local.endsWith('T00:00:00')
  const wholeDays = (duration: string | undefined): boolean =>
    duration === undefined || !duration.includes('T')
  const dateOnly =
    object.showWithoutTime === true &&
    object.timeZone === undefined &&
    midnight(object.start) &&
    midnight(object.recurrenceId) &&
    midnight(object.recurrenceRule?.until) &&
    Object.keys(object.recurrenceOverrides ?? {}).every(midnight) &&
    wholeDays(object.duration) &&
    (object['@type'] === 'Event' || (midnight(object.due) && wholeDays(object.estimatedDuration)))
  if (dateOnly) return { kind: 'date', zone: undefined }
  const endTimeZone = object['@type'] === 'Event' ? object.endTimeZone : undefined
  if (object.timeZone === 'Etc/UTC' && endTimeZone === undefined)
    return { kind: 'utc', zone: 'Etc/UTC' }
  return { kind: 'local', zone: object.timeZone }
}

/**
 * Writes an Event as VEVENT or a Task as VTODO, plus one component per recurrence override that
 * is more than an exclusion or an added date.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.2
 */
export function writeEntry(object: Event | Task, context: WriteEntryContext): JCalComponent[] {
  const form = temporalForm(object)
  const main = writeComponent(object, form, context)
  const instances: JCalComponent[] = []
  // In recurrence-id order, so the output does not depend on the order keys were added in.
  const overrides = Object.entries(object.recurrenceOverrides ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )
  for (const [key, patch] of overrides) {
    const keys = Object.keys(patch)
    if (keys.length === 0 || (keys.length === 1 && patch.excluded === true)) continue
    const path = formatJsonPointer(['recurrenceOverrides', key])
    if (
      keys.length === 1 &&
      typeof patch.duration === 'string' &&
      main.converted(path)?.valueType === 'period'
    )
      continue
    const base = instanceBase(object, key)
    const { excluded: _excluded, ...rest } = patch
    const instance = applyPatchObject(base, rest) as (Event | Task) | undefined
    if (instance === undefined) {
      throw new JSCalendarConversionError({
        path: `${context.path}/recurrenceOverrides/${key}`,
        reason: 'the PatchObject does not apply to the main object',
      })
    }
    const checked = v.safeParse(instance['@type'] === 'Task' ? TaskSchema : EventSchema, instance)
    if (!checked.success) {
      const issue = checked.issues[0]
      throw new JSCalendarConversionError({
        path: `${context.path}/recurrenceOverrides/${key}`,
        reason: `the patched instance is not valid at ${(issue.path ?? []).map((item) => String(item.key)).join('/')}: ${issue.message}`,
      })
    }
    instance.recurrenceId = key
    if (object.timeZone !== undefined) instance.recurrenceIdTimeZone = object.timeZone
    else delete instance.recurrenceIdTimeZone
    instances.push(
      // The instance keeps its own date form (it may move to another zone); RECURRENCE-ID
      // takes the main component's form, as iCalendar requires.
      writeComponent(
        instance,
        temporalForm(instance),
        { ...context, path: `${context.path}/recurrenceOverrides/${key}` },
        form,
      ).build(),
    )
  }
  return [main.build(), ...instances]
}

function writeComponent(
  object: Event | Task,
  form: TemporalForm,
  context: WriteEntryContext,
  mainForm: TemporalForm = form,
): ComponentWriter {
  const isTask = object['@type'] === 'Task'
  const writer = new ComponentWriter(
    isTask ? 'vtodo' : 'vevent',
    object.iCalendar,
    context.lossless,
    (kept, written, local) =>
      written !== 'Etc/UTC' && context.zones.sameInstant(local.slice(0, 19), kept, written),
  )
  const known = new Set(isTask ? taskKeys : eventKeys)
  const { zones } = context
  const temporal = (
    path: string,
    name: string,
    local: string,
    zone: string | undefined = object.timeZone,
  ): void => {
    const { parameters, type, value } = formatTemporalIn(local, zone, form, zones)
    writer.add(path, name, parameters, type, value)
  }
  writer.add('uid', 'uid', {}, 'text', object.uid)
  if (object.updated !== undefined)
    writer.add('updated', 'dtstamp', {}, 'date-time', object.updated.replace(/\.\d+Z$/, 'Z'))
  if (object.created !== undefined)
    writer.add('created', 'created', {}, 'date-time', object.created.replace(/\.\d+Z$/, 'Z'))
  if (object.sequence !== undefined)
    writer.add('sequence', 'sequence', {}, 'integer', object.sequence)
  if (object.title !== undefined) {
    writer.add(
      'title',
      'summary',
      object.locale === undefined ? {} : { language: object.locale },
      'text',
      object.title,
    )
  } else if (object.locale !== undefined) writer.jsprop(['locale'], object.locale)
  writeDescription(writer, object)
  if (object.start !== undefined) temporal('start', 'dtstart', object.start)
  if (object.recurrenceId !== undefined) {
    const zone = object.recurrenceIdTimeZone
    const ridForm: TemporalForm =
      mainForm.kind === 'date'
        ? mainForm
        : zone === 'Etc/UTC'
          ? { kind: 'utc', zone }
          : { kind: 'local', zone }
    const { parameters, type, value } = formatTemporal(object.recurrenceId, ridForm)
    writer.add('recurrenceId', 'recurrence-id', parameters, type, value)
  } else if (object.recurrenceIdTimeZone !== undefined)
    writer.jsprop(['recurrenceIdTimeZone'], object.recurrenceIdTimeZone)
  if (object['@type'] === 'Event') {
    writeEventTiming(writer, object, form, context)
    if (object.status !== undefined)
      writer.add('status', 'status', {}, 'text', object.status.toUpperCase())
  } else {
    if (object.due !== undefined) writeDue(writer, object, form, zones)
    if (object.duration !== undefined)
      writer.add('duration', 'duration', {}, 'duration', object.duration)
    if (object.estimatedDuration !== undefined) {
      writer.add(
        'estimatedDuration',
        'estimated-duration',
        {},
        'duration',
        object.estimatedDuration,
      )
    }
    if (object.percentComplete !== undefined) {
      writer.add('percentComplete', 'percent-complete', {}, 'integer', object.percentComplete)
    }
    if (object.progress !== undefined)
      writer.add('progress', 'status', {}, 'text', object.progress.toUpperCase())
  }
  // Time zone and all-day-ness ride on DTSTART or DUE; without either, JSPROP keeps them.
  const anchored =
    object.start !== undefined || (object['@type'] === 'Task' && object.due !== undefined)
  if (!anchored && object.timeZone !== undefined) writer.jsprop(['timeZone'], object.timeZone)
  if (!anchored && object.showWithoutTime === true && form.kind === 'date')
    writer.jsprop(['showWithoutTime'], true)
  if (object.showWithoutTime === true && form.kind !== 'date') {
    writer.add('showWithoutTime', 'show-without-time', {}, 'boolean', true)
  } else if (object.showWithoutTime === false) writer.jsprop(['showWithoutTime'], false)
  if (object.privacy !== undefined) {
    const value = classByPrivacy[object.privacy]
    if (value === undefined) writer.jsprop(['privacy'], object.privacy)
    else writer.add('privacy', 'class', {}, 'text', value)
  }
  if (object.freeBusyStatus !== undefined) {
    const value = transpByFreeBusy[object.freeBusyStatus]
    if (value === undefined) writer.jsprop(['freeBusyStatus'], object.freeBusyStatus)
    else writer.add('freeBusyStatus', 'transp', {}, 'text', value)
  }
  if (object.priority !== undefined)
    writer.add('priority', 'priority', {}, 'integer', object.priority)
  if (object.color !== undefined) writer.add('color', 'color', {}, 'text', object.color)
  writeKeywords(writer, object.keywords)
  if (object.categories !== undefined && Object.keys(object.categories).length > 0) {
    for (const category of Object.keys(object.categories))
      writer.add('categories', 'concept', {}, 'uri', category)
  } else if (object.categories !== undefined) writer.jsprop(['categories'], object.categories)
  writeLinks(writer, object.links)
  writeLocations(writer, object.locations, object.mainLocationId)
  writeVirtualLocations(writer, object.virtualLocations)
  writeParticipants(writer, object.participants, object.organizerCalendarAddress, object.sentBy)
  if (object.recurrenceRule !== undefined)
    writeRecurrenceRule(writer, object.recurrenceRule, form, zones)
  const generated = ruleGenerates(object)
  for (const [key, patch] of Object.entries(object.recurrenceOverrides ?? {})) {
    const keys = Object.keys(patch)
    const path = formatJsonPointer(['recurrenceOverrides', key])
    // A DATE on a DATE-TIME series was read to its midnight; it goes back as the DATE it was.
    const at =
      writer.converted(path)?.valueType === 'date'
        ? formatTemporal(key, { kind: 'date', zone: undefined })
        : formatTemporalIn(key, object.timeZone, form, zones)
    // An excluded instance may also carry changes (an override of an EXDATE'd instance).
    if (patch.excluded === true) writer.add(path, 'exdate', at.parameters, at.type, at.value)
    else if (keys.length === 0) writer.add(path, 'rdate', at.parameters, at.type, at.value)
    else if (
      keys.length === 1 &&
      typeof patch.duration === 'string' &&
      writer.converted(path)?.valueType === 'period'
    ) {
      writer.add(path, 'rdate', at.parameters, 'period', [at.value, patch.duration])
    } else if (!generated(key)) {
      // An instance the rule does not make exists only through RDATE; without it other
      // clients drop the override component.
      writer.add(path, 'rdate', at.parameters, at.type, at.value)
    }
  }
  for (const [uid, relation] of Object.entries(object.relatedTo ?? {})) {
    const path = formatJsonPointer(['relatedTo', uid])
    const types = Object.keys(relation.relation ?? {})
    if (types.length === 0) writer.add(path, 'related-to', {}, 'text', uid)
    for (const type of types)
      writer.add(path, 'related-to', { reltype: type.toUpperCase() }, 'text', uid)
    writer.unknown(relation, new Set(['@type', 'relation']), ['relatedTo', uid])
  }
  // An empty map has no iCalendar element; JSPROP keeps it.
  for (const key of [
    'links',
    'locations',
    'virtualLocations',
    'participants',
    'alerts',
    'relatedTo',
    'recurrenceOverrides',
  ] as const) {
    const value = object[key]
    if (value !== undefined && Object.keys(value).length === 0) writer.jsprop([key], {})
  }
  writer.components.push(...writeAlerts(object.alerts, context.lossless))
  writer.unknown(object, known)
  return writer
}

/**
 * Tells whether the start and recurrence rule of an object make an occurrence at a recurrence
 * id (checked lazily, once per id; the rule runs only up to the id asked for).
 */
function ruleGenerates(object: Event | Task): (recurrenceId: string) => boolean {
  const start = object.start ?? (object['@type'] === 'Task' ? object.due : undefined)
  return (recurrenceId) => {
    if (start === undefined) return false
    if (recurrenceId === start) return true
    const target = wallClockMs(recurrenceId)
    if (object.recurrenceRule === undefined || Number.isNaN(target)) return false
    for (const wall of recurrenceRuleDates(object.recurrenceRule, wallClockMs(start))) {
      if (wall >= target) return wall === target
    }
    return false
  }
}

function writeEventTiming(
  writer: ComponentWriter,
  event: Event,
  form: TemporalForm,
  context: WriteEntryContext,
): void {
  const { zones } = context
  const asDtend = event.endTimeZone !== undefined || writer.converted('duration')?.name === 'dtend'
  if (!asDtend || event.start === undefined) {
    if (event.duration !== undefined)
      writer.add('duration', 'duration', {}, 'duration', event.duration)
    if (event.endTimeZone !== undefined) writer.jsprop(['endTimeZone'], event.endTimeZone)
    return
  }
  const seconds = durationSeconds(event.duration ?? 'PT0S')
  if (form.kind === 'date') {
    const end = new Date(Date.parse(`${event.start}Z`) + seconds * 1000).toISOString().slice(0, 19)
    writer.add('duration', 'dtend', {}, 'date', end.slice(0, 10))
    return
  }
  const endZone = event.endTimeZone ?? event.timeZone
  const end = zones.fromUtc(zones.toUtc(event.start, event.timeZone) + seconds * 1000, endZone)
  const endForm: TemporalForm =
    form.kind === 'utc' && event.endTimeZone === undefined
      ? form
      : {
          kind: endZone === 'Etc/UTC' && event.endTimeZone === undefined ? 'utc' : 'local',
          zone: endZone,
        }
  const { parameters, type, value } = formatTemporal(end, endForm)
  writer.add('duration', 'dtend', parameters, type, value)
}

/**
 * Writes a Task's `due` as DUE in the task's form, or as the input had it where the `iCalendar`
 * property says: a DATE (on a task that starts at a time), in a zone of its own, or in UTC (a
 * `date-time` noted without TZID).
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.18
 */
function writeDue(writer: ComponentWriter, task: Task, form: TemporalForm, zones: TimeZoneRules) {
  const due = task.due as string
  const kept = writer.converted('due')
  const keptZone = kept?.parameters?.tzid
  let written: { parameters: JCalParameters; type: string; value: string }
  if (kept?.valueType === 'date' && form.kind !== 'date' && due.endsWith('T00:00:00'))
    written = formatTemporal(due, { kind: 'date', zone: undefined })
  else if (typeof keptZone === 'string' && form.kind === 'local' && isIanaTimeZone(keptZone))
    written = formatTemporalIn(due, task.timeZone, { kind: 'local', zone: keptZone }, zones)
  else if (kept?.valueType === 'date-time' && form.kind === 'local')
    written = formatTemporalIn(due, task.timeZone, { kind: 'utc', zone: 'Etc/UTC' }, zones)
  else written = formatTemporalIn(due, task.timeZone, form, zones)
  writer.add('due', 'due', written.parameters, written.type, written.value)
}
