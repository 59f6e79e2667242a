import { parseDuration } from '../jscalendar/duration.js'
import type { Event } from '../jscalendar/event.js'
import { applyPatchObject } from '../jscalendar/patch-object.js'
import type { LocalDateTime, PatchObject, UTCDateTime } from '../jscalendar/primitives.js'
import type { Task } from '../jscalendar/task.js'
import { formatWallClock, wallClockMs, wallClockToUtc } from '../zoned-time/index.js'
import { moveToRecurrenceId } from './move-to-recurrence-id.js'
import type { Occurrence } from './occurrence.js'
import { recurrenceRuleDates } from './recurrence-rule-dates.js'

const dayMs = 86_400_000

/** How occurrences are placed in time. */
export interface OccurrenceOptions {
  /**
   * The IANA zone floating times (objects without `timeZone`) are read in, and LocalDateTime
   * bounds of a range; default `Etc/UTC`.
   */
  timeZone?: string
}

/** A time range: occurrences that end after `after` and start before `before` are in it (strictly). */
export interface OccurrenceRange extends OccurrenceOptions {
  /** Lower bound: a UTCDateTime (`…Z`) or a LocalDateTime in `timeZone`; none means from the start. */
  after?: UTCDateTime | LocalDateTime
  /** Upper bound (required, so an endless rule ends): a UTCDateTime or a LocalDateTime in `timeZone`. */
  before: UTCDateTime | LocalDateTime
}

function instantIn(wall: number, zone: string): number {
  const instant = wallClockToUtc(wall, zone)
  // A name outside the IANA database cannot be resolved here; its times are read as UTC.
  return Number.isNaN(instant) ? wall : instant
}

function boundInstant(bound: string, zone: string): number {
  if (bound.endsWith('Z')) return Date.parse(bound)
  const wall = wallClockMs(bound)
  if (Number.isNaN(wall))
    throw new RangeError(`"${bound}" is neither a UTCDateTime nor a LocalDateTime`)
  return instantIn(wall, zone)
}

const utc = (instant: number): UTCDateTime => `${new Date(instant).toISOString().slice(0, 19)}Z`

/** The wall-clock time a duration after `wall` ends (days on the wall clock, then exact time). */
function endInstant(wall: number, duration: string | undefined, zone: string): number {
  const parts = duration === undefined ? undefined : parseDuration(duration)
  if (parts === undefined) return instantIn(wall, zone)
  return instantIn(wall + parts.days * dayMs, zone) + parts.seconds * 1000
}

/** The LocalDateTime a recurrence is anchored on: `start`, or a Task's `due` when it has no start. */
function anchorOf(entry: Event | Task): { key: 'start' | 'due'; value: string } | undefined {
  if (entry.start !== undefined) return { key: 'start', value: entry.start }
  if (entry['@type'] === 'Task' && entry.due !== undefined) return { key: 'due', value: entry.due }
  return undefined
}

function makeOccurrence<T extends Event | Task>(
  entry: T,
  recurrenceId: LocalDateTime,
  patch: PatchObject | undefined,
  floatingZone: string,
): Occurrence<T> {
  const base: Record<string, unknown> = { ...entry }
  delete base.recurrenceRule
  delete base.recurrenceOverrides
  moveToRecurrenceId(base, entry, recurrenceId)
  const patched = patch === undefined ? undefined : applyPatchObject(base, patch)
  // A patch that does not apply (a path into nothing) leaves the instance as the rule makes it.
  const object = (patched ?? base) as Record<string, unknown>
  delete object.excluded
  object.recurrenceId = recurrenceId
  if (entry.timeZone !== undefined) object.recurrenceIdTimeZone = entry.timeZone
  const instance = object as unknown as T
  const zone = instance.timeZone ?? floatingZone
  let start =
    instance.start ?? (instance['@type'] === 'Task' ? instance.due : undefined) ?? recurrenceId
  let startWall = wallClockMs(start)
  // A patched start that is not a LocalDateTime cannot be placed; the rule's time stands.
  if (Number.isNaN(startWall)) {
    start = recurrenceId
    startWall = wallClockMs(recurrenceId)
  }
  const utcStart = instantIn(startWall, zone)
  let utcEnd: number
  if (instance['@type'] === 'Event') utcEnd = endInstant(startWall, instance.duration, zone)
  else if (instance.due !== undefined && instance.start !== undefined)
    utcEnd = instantIn(wallClockMs(instance.due), zone)
  else if (instance.start !== undefined)
    utcEnd = endInstant(startWall, instance.estimatedDuration, zone)
  else utcEnd = utcStart
  const occurrence: Occurrence<T> = {
    recurrenceId,
    start,
    utcStart: utc(utcStart),
    // An end no Date can hold (a nonsense duration) is left at the start.
    utcEnd: utc(Number.isNaN(new Date(utcEnd).getTime()) ? utcStart : Math.max(utcEnd, utcStart)),
    overridden: patch !== undefined && Object.keys(patch).length > 0,
    object: instance,
  }
  if (entry.timeZone !== undefined) occurrence.recurrenceIdTimeZone = entry.timeZone
  if (instance.timeZone !== undefined) occurrence.timeZone = instance.timeZone
  return occurrence
}

/** Merges two ascending streams of wall-clock times, dropping repeats. */
function* mergeAscending(left: Iterator<number>, right: readonly number[]): Generator<number> {
  let index = 0
  let next = left.next()
  let last = Number.NEGATIVE_INFINITY
  while (!next.done || index < right.length) {
    const fromRight = right[index]
    let value: number
    if (next.done || (fromRight !== undefined && fromRight < next.value)) {
      value = fromRight as number
      index++
    } else {
      value = next.value
      next = left.next()
    }
    if (value !== last) yield value
    last = value
  }
}

/**
 * Every occurrence of an Event or Task in recurrence-id order, lazily: the start, the dates its
 * recurrence rule generates, and the dates recurrence overrides add; overrides marked `excluded`
 * are left out and the others patch their instance. An object without a rule has one
 * occurrence (or none when it has neither start nor due). An endless rule gives an endless
 * iterator: stop when you have enough, or use {@link occurrencesBetween}.
 *
 * @see RFC 8984 §4.3.3, §4.3.5
 * @example
 * for (const occurrence of iterateOccurrences(event)) {
 *   if (occurrence.utcStart > '2027-01-01T00:00:00Z') break
 *   console.log(occurrence.recurrenceId, occurrence.utcStart)
 * }
 */
export function* iterateOccurrences<T extends Event | Task>(
  entry: T,
  options: OccurrenceOptions = {},
): Generator<Occurrence<T>> {
  const anchor = anchorOf(entry)
  if (anchor === undefined) return
  const floatingZone = options.timeZone ?? 'Etc/UTC'
  const overrides = entry.recurrenceOverrides ?? {}
  const startWall = wallClockMs(anchor.value)
  if (Number.isNaN(startWall)) return
  const ruleDates =
    entry.recurrenceRule === undefined
      ? [startWall][Symbol.iterator]()
      : recurrenceRuleDates(entry.recurrenceRule, startWall)
  const added = Object.entries(overrides)
    .filter(([, patch]) => patch.excluded !== true)
    .map(([key]) => wallClockMs(key))
    .filter((wall) => !Number.isNaN(wall))
    .sort((a, b) => a - b)
  for (const wall of mergeAscending(ruleDates, added)) {
    const recurrenceId = formatWallClock(wall)
    const patch = Object.hasOwn(overrides, recurrenceId) ? overrides[recurrenceId] : undefined
    if (patch?.excluded === true) continue
    yield makeOccurrence(entry, recurrenceId, patch, floatingZone)
  }
}

/** A range with either bound optional, for {@link occursBetween}. */
export interface OpenOccurrenceRange extends OccurrenceOptions {
  /** Lower bound: a UTCDateTime (`…Z`) or a LocalDateTime in `timeZone`. */
  after?: UTCDateTime | LocalDateTime
  /** Upper bound: a UTCDateTime (`…Z`) or a LocalDateTime in `timeZone`. */
  before?: UTCDateTime | LocalDateTime
}

/** The occurrences overlapping a range, in recurrence-id order (moved-in overrides last). */
function* overlapping<T extends Event | Task>(
  entry: T,
  range: OpenOccurrenceRange,
): Generator<Occurrence<T>> {
  const zone = range.timeZone ?? 'Etc/UTC'
  const after =
    range.after === undefined ? Number.NEGATIVE_INFINITY : boundInstant(range.after, zone)
  const before =
    range.before === undefined ? Number.POSITIVE_INFINITY : boundInstant(range.before, zone)
  const entryZone = entry.timeZone ?? zone
  const overlaps = (occurrence: Occurrence<T>): boolean => {
    const start = Date.parse(occurrence.utcStart)
    const end = Date.parse(occurrence.utcEnd)
    return start < before && end > after
  }
  const seen = new Set<string>()
  for (const occurrence of iterateOccurrences(entry, range)) {
    seen.add(occurrence.recurrenceId)
    // Past the range by recurrence id: later rule instances start later still; overrides that
    // may move back into the range are checked below.
    if (instantIn(wallClockMs(occurrence.recurrenceId), entryZone) >= before) break
    if (overlaps(occurrence)) yield occurrence
  }
  for (const [key, patch] of Object.entries(entry.recurrenceOverrides ?? {})) {
    if (seen.has(key) || patch.excluded === true || Number.isNaN(wallClockMs(key))) continue
    const occurrence = makeOccurrence(entry, key, patch, zone)
    if (overlaps(occurrence)) yield occurrence
  }
}

/**
 * The occurrences of an Event or Task that overlap a time range (end after `after`, start before
 * `before`, both strictly, as CalendarEvent/query's filter says), sorted by UTC start. An
 * override that moves an instance into or out of the range is honoured.
 *
 * @see RFC 8984 §4.3.3, §4.3.5
 * @see draft-ietf-jmap-calendars §5.9.1 (the same overlap test CalendarEvent/query uses)
 * @example occurrencesBetween(event, { after: '2026-01-01T00:00:00', before: '2026-02-01T00:00:00', timeZone: 'Europe/Berlin' })
 */
export function occurrencesBetween<T extends Event | Task>(
  entry: T,
  range: OccurrenceRange,
): Array<Occurrence<T>> {
  return [...overlapping(entry, range)].sort((a, b) =>
    a.utcStart < b.utcStart ? -1 : a.utcStart > b.utcStart ? 1 : 0,
  )
}

/**
 * Whether any occurrence of an Event or Task overlaps a range whose bounds are both optional
 * (the test CalendarEvent/query's `after` and `before` make): stops at the first one found.
 *
 * @see draft-ietf-jmap-calendars §5.9.1
 * @example occursBetween(weeklyEvent, { after: '2030-01-01T00:00:00Z' }) // true for an endless rule
 */
export function occursBetween(entry: Event | Task, range: OpenOccurrenceRange): boolean {
  return !overlapping(entry, range).next().done
}
