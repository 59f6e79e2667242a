import {
  type Event,
  iterateOccurrences,
  normalizePartialJSCalendar,
  type Occurrence,
  type OpenOccurrenceRange,
  occurrencesBetween,
  occursBetween,
  type RecurrenceRule,
  wallClockMs,
} from '@typed-jmap/calendars'
import { isJsonObject, type JsonObject } from '../json.js'
import { MethodError } from '../protocol/method-error.js'
import { applyPatchObject } from '../protocol/patch-object.js'
import {
  invalidProperties,
  isRecordRejectedError,
  RecordRejectedError,
} from '../protocol/record-rejected-error.js'

const dayMs = 86_400_000

/**
 * The SDK's view of a stored event, one per recurrence rule: the calendars package expands one
 * `recurrenceRule` (JSCalendar 2.0), so an RFC 8984 event with several `recurrenceRules` becomes
 * one variant per rule whose instances together are the event's.
 */
function ruleVariants(record: JsonObject): Event[] {
  // JMAP's `null` is JSCalendar's absent property (an instance's `recurrenceRules: null`).
  const present = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null))
  const event = normalizePartialJSCalendar(present) as unknown as Event
  const rules = Array.isArray(record.recurrenceRules)
    ? (record.recurrenceRules as RecurrenceRule[])
    : []
  return rules.length <= 1 ? [event] : rules.map((rule) => ({ ...event, recurrenceRule: rule }))
}

/** Whether a stored event repeats (a rule, or overrides adding instances). */
export function isRecurring(record: JsonObject): boolean {
  const rules = record.recurrenceRules ?? record.recurrenceRule
  return (
    (Array.isArray(rules) ? rules.length > 0 : isJsonObject(rules)) ||
    (isJsonObject(record.recurrenceOverrides) && Object.keys(record.recurrenceOverrides).length > 0)
  )
}

/**
 * Whether any instance of a stored event overlaps a query's `after`/`before` range
 * (`excludedRecurrenceRules` is not honoured).
 *
 * @see draft-ietf-jmap-calendars §5.9.1
 */
export function occursInRange(record: JsonObject, range: OpenOccurrenceRange): boolean {
  if (typeof record.start !== 'string') return false
  try {
    return ruleVariants(record).some((variant) => occursBetween(variant, range))
  } catch {
    // A bound that is not a date-time matches nothing.
    return false
  }
}

/**
 * The id of one instance of a recurring event: opaque to clients, and resolvable here as the
 * base id and the recurrence id (`V1_20260302T100000`; server-made ids hold no `_`).
 *
 * @see draft-ietf-jmap-calendars §5.9 (expandRecurrences: "uniquely identifies the base event id + recurrence id")
 */
export function instanceId(baseId: string, recurrenceId: string): string {
  return `${baseId}_${recurrenceId.replaceAll(/[-:]/g, '')}`
}

/** The base id and recurrence id an {@link instanceId} stands for, or `undefined`. */
export function parseInstanceId(
  id: string,
): { readonly baseId: string; readonly recurrenceId: string } | undefined {
  const parts = /^(.+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(id)
  if (parts === null) return undefined
  const [, baseId = '', year, month, day, hour, minute, second] = parts
  return { baseId, recurrenceId: `${year}-${month}-${day}T${hour}:${minute}:${second}` }
}

/**
 * One instance as `/get` returns it: the base event with the instance's override applied, its
 * `start`, `recurrenceId` and `baseEventId` set, and the recurrence properties `null` ("MUST be
 * returned as null if requested for such an event").
 *
 * @see draft-ietf-jmap-calendars §5.1 (baseEventId), §5.7 (CalendarEvent/get)
 */
function instanceRecord(base: JsonObject, occurrence: Occurrence<Event>): JsonObject {
  const overrides = isJsonObject(base.recurrenceOverrides) ? base.recurrenceOverrides : {}
  const patch = overrides[occurrence.recurrenceId]
  let record: JsonObject = { ...base }
  if (isJsonObject(patch)) {
    try {
      record = applyPatchObject(record, patch)
    } catch (error) {
      // A patch that does not apply leaves the instance as the rule makes it (as the calendars
      // package's expansion does).
      if (!isRecordRejectedError(error)) throw error
    }
  }
  const id = String(base.id)
  return {
    ...record,
    id: instanceId(id, occurrence.recurrenceId),
    baseEventId: id,
    start: occurrence.start,
    timeZone: occurrence.timeZone ?? null,
    recurrenceId: occurrence.recurrenceId,
    recurrenceIdTimeZone: occurrence.recurrenceIdTimeZone ?? null,
    recurrenceRule: null,
    recurrenceRules: null,
    excludedRecurrenceRules: null,
    recurrenceOverrides: null,
    excluded: null,
  }
}

/**
 * The instances of a stored recurring event that overlap a range, each as `/get` returns it,
 * in order of start.
 *
 * @see draft-ietf-jmap-calendars §5.9 (expandRecurrences)
 */
export function instancesBetween(
  base: JsonObject,
  range: OpenOccurrenceRange & { readonly before: string },
): JsonObject[] {
  if (typeof base.start !== 'string') return []
  const seen = new Set<string>()
  const instances: Array<Occurrence<Event>> = []
  for (const variant of ruleVariants(base)) {
    for (const occurrence of occurrencesBetween(variant, range)) {
      if (seen.has(occurrence.recurrenceId)) continue
      seen.add(occurrence.recurrenceId)
      instances.push(occurrence)
    }
  }
  instances.sort((a, b) => (a.utcStart < b.utcStart ? -1 : a.utcStart > b.utcStart ? 1 : 0))
  return instances.map((occurrence) => instanceRecord(base, occurrence))
}

/**
 * The instance of a stored recurring event with this recurrence id, or `undefined` when the
 * event has no such instance (not generated by its rules, or excluded).
 *
 * @see draft-ietf-jmap-calendars §5.7 ("A requested id may represent a server-expanded single instance")
 */
export function instanceAt(base: JsonObject, recurrenceId: string): JsonObject | undefined {
  if (typeof base.start !== 'string' || !isRecurring(base)) return undefined
  for (const variant of ruleVariants(base)) {
    for (const occurrence of iterateOccurrences(variant)) {
      // Instances come in recurrence-id order, so a later one means this id is not generated.
      if (occurrence.recurrenceId > recurrenceId) break
      if (occurrence.recurrenceId === recurrenceId) return instanceRecord(base, occurrence)
    }
  }
  return undefined
}

/**
 * Properties an instance cannot have apart from its series: RFC 8984 §4.3.5's list of what a
 * recurrence override must not patch, and the JMAP properties of the stored event.
 */
const seriesProperties = new Set([
  '@type',
  'excludedRecurrenceRules',
  'method',
  'privacy',
  'prodId',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'recurrenceOverrides',
  'recurrenceRule',
  'recurrenceRules',
  'relatedTo',
  'replyTo',
  'sentBy',
  'timeZones',
  'uid',
  'id',
  'baseEventId',
  'calendarIds',
  'isOrigin',
  'utcStart',
  'utcEnd',
])

/** Adds a PatchObject's pointers to an override's, a later pointer replacing what it covers. */
function mergePatches(existing: JsonObject, patch: JsonObject): JsonObject {
  const merged: JsonObject = { ...existing }
  for (const [pointer, value] of Object.entries(patch)) {
    for (const old of Object.keys(merged)) {
      if (old === pointer || old.startsWith(`${pointer}/`)) delete merged[old]
    }
    const parent = Object.keys(merged).find((old) => pointer.startsWith(`${old}/`))
    const parentValue = parent === undefined ? undefined : merged[parent]
    if (parent === undefined) merged[pointer] = value
    else if (isJsonObject(parentValue)) {
      merged[parent] = applyPatchObject(parentValue, { [pointer.slice(parent.length + 1)]: value })
    } else {
      throw new RecordRejectedError('invalidPatch', `"${pointer}" goes into "${parent}", no object`)
    }
  }
  return merged
}

/**
 * The patch of a recurring event that makes a `/set` of one of its instances: an update patches
 * the instance's recurrence override, a destroy (`null`) marks the instance excluded.
 *
 * @see draft-ietf-jmap-calendars §5.8 ("process an update as an update to the recurrence override for that instance on the base event, and a destroy as removing just that instance")
 */
export function instanceWritePatch(
  base: JsonObject,
  recurrenceId: string,
  patch: JsonObject | null,
): JsonObject {
  const overrides = isJsonObject(base.recurrenceOverrides) ? base.recurrenceOverrides : {}
  if (patch === null) {
    return { recurrenceOverrides: { ...overrides, [recurrenceId]: { excluded: true } } }
  }
  const refused = Object.keys(patch).filter((pointer) =>
    seriesProperties.has(pointer.split('/')[0] ?? ''),
  )
  if (refused.length > 0) throw invalidProperties(refused, 'the same for every instance')
  const existing = overrides[recurrenceId]
  const override = mergePatches(isJsonObject(existing) ? existing : {}, patch)
  return { recurrenceOverrides: { ...overrides, [recurrenceId]: override } }
}

/** The longest range an expanding query may ask for, in days (`maxExpandedQueryDuration`). */
export const maxExpandedQueryDays = 370

/**
 * Checks the arguments of a `CalendarEvent/query` that asks for `expandRecurrences`: the filter
 * must be one FilterCondition with both `after` and `before`, no longer apart than the account's
 * `maxExpandedQueryDuration`.
 *
 * @see draft-ietf-jmap-calendars §5.9
 */
export function checkExpandRecurrences(args: JsonObject): void {
  const expand = args.expandRecurrences
  if (expand === undefined || expand === false) return
  if (expand !== true) {
    throw new MethodError('invalidArguments', '"expandRecurrences" must be a boolean', {
      arguments: ['expandRecurrences'],
    })
  }
  const filter = args.filter
  if (
    !isJsonObject(filter) ||
    Object.hasOwn(filter, 'operator') ||
    typeof filter.after !== 'string' ||
    typeof filter.before !== 'string'
  ) {
    throw new MethodError(
      'invalidArguments',
      'with expandRecurrences, the filter must be one FilterCondition with "after" and "before"',
      { arguments: ['filter', 'expandRecurrences'] },
    )
  }
  const span = wallClockMs(filter.before) - wallClockMs(filter.after)
  if (span > maxExpandedQueryDays * dayMs) {
    throw new MethodError(
      'expandDurationTooLarge',
      `"after" to "before" is longer than maxExpandedQueryDuration (P${maxExpandedQueryDays}D)`,
    )
  }
}
