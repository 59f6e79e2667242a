import * as v from 'valibot'
import type { Event } from '../jscalendar/event.js'
import { type Group, GroupSchema } from '../jscalendar/group.js'
import type { JCalComponent } from '../jscalendar/icalendar-component.js'
import { normalizePartialJSCalendar } from '../jscalendar/normalize.js'
import { formatJsonPointer } from '../jscalendar/patch-object.js'
import type { Task } from '../jscalendar/task.js'
import { ComponentWriter } from './component-writer.js'
import {
  isJSCalendarConversionError,
  JSCalendarConversionError,
} from './jscalendar-conversion-error.js'
import { stringifyComponent } from './stringify-jcal.js'
import { TimeZoneRules } from './time-zones.js'
import { writeDescription } from './write-description.js'
import { writeEntry } from './write-entry.js'
import { writeKeywords } from './write-keywords.js'
import { writeLinks } from './write-links.js'
import { tzidsUsed, vtimezoneFromIntl } from './write-time-zones.js'

/** Options of the JSCalendar → iCalendar conversion. */
export interface WriteOptions {
  /**
   * Write JSID and JSPROP and put back what `iCalendar` properties kept, so converting back
   * loses nothing (default `true`). `false` writes only standard iCalendar.
   */
  lossless?: boolean
  /** PRODID when the input names none (default `-//typed-jmap//calendars//EN`). */
  prodId?: string
}

const groupKeys = new Set([
  '@type',
  'entries',
  'version',
  'uid',
  'source',
  'prodId',
  'created',
  'updated',
  'title',
  'description',
  'descriptionContentType',
  'locale',
  'keywords',
  'categories',
  'color',
  'links',
  'iCalendar',
])

/**
 * Converts a JSCalendar Group (or Events and Tasks) into iCalendar text, one VCALENDAR with a
 * VEVENT per Event and a VTODO per Task; overrides that change an instance become components
 * with RECURRENCE-ID. Text is folded and escaped by ical.js, lines end in CRLF.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4
 * @example
 * jscalendarToICalendar({ '@type': 'Event', uid: '1', start: '2024-01-01T10:00:00', timeZone: 'Etc/UTC', title: 'Hi' })
 * // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//typed-jmap//calendars//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Hi\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
 */
export function jscalendarToICalendar(
  input: Group | Event | Task | ReadonlyArray<Event | Task>,
  options: WriteOptions = {},
): string {
  try {
    return writeCalendar(input, options)
  } catch (error) {
    if (isJSCalendarConversionError(error)) throw error
    // Input that is not JSCalendar at all (a string, a number for a map) still gets the typed error.
    const reason = error instanceof Error ? error.message : String(error)
    throw new JSCalendarConversionError(
      { path: '', reason: `cannot convert: ${reason}` },
      { cause: error },
    )
  }
}

/**
 * Validates the input against the JSCalendar schemas, so a value of the wrong shape is refused
 * with its path instead of being left out of the output.
 */
function checkInput(group: Group, input: unknown): void {
  const result = v.safeParse(GroupSchema, group)
  if (result.success) return
  let issue: v.BaseIssue<unknown> | undefined = result.issues[0]
  const keys = (issue?.path ?? []).map((item) => String(item.key))
  // A union (Event or Task) nests its members' issues, with paths relative to the union.
  while (issue?.issues?.[0] !== undefined) {
    issue = issue.issues[0]
    keys.push(...(issue.path ?? []).map((item) => String(item.key)))
  }
  const wrapped = group !== input
  // Paths are reported against what the caller passed: a lone entry or array has no "/entries".
  const shown =
    wrapped && keys[0] === 'entries' ? (Array.isArray(input) ? keys.slice(1) : keys.slice(2)) : keys
  throw new JSCalendarConversionError({
    path: shown.length === 0 ? '' : `/${formatJsonPointer(shown)}`,
    reason: issue?.message ?? 'not JSCalendar',
  })
}

/** Whether an entry has a JSCalendar 1.0 shape 2.0 forbids (a `null` zone, `recurrenceRules`, `replyTo`). */
function isJSCalendar10(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null) return false
  const object = entry as Record<string, unknown>
  return (
    object.timeZone === null ||
    object.endTimeZone === null ||
    object.recurrenceIdTimeZone === null ||
    Array.isArray(object.recurrenceRules) ||
    object.replyTo !== undefined
  )
}

function writeCalendar(
  input: Group | Event | Task | ReadonlyArray<Event | Task>,
  options: WriteOptions,
): string {
  const given: Group = Array.isArray(input)
    ? { '@type': 'Group', entries: [...input] }
    : (input as Group | Event | Task)['@type'] === 'Group'
      ? (input as Group)
      : { '@type': 'Group', entries: [input as Event | Task] }
  // JSCalendar 1.0 (RFC 8984) input, as servers such as Cyrus still send it, is read as 2.0.
  const group: Group = given.entries.some(isJSCalendar10)
    ? {
        ...given,
        entries: given.entries.map((entry) =>
          isJSCalendar10(entry)
            ? (normalizePartialJSCalendar(entry as unknown as Record<string, unknown>) as unknown as
                | Event
                | Task)
            : entry,
        ),
      }
    : given
  checkInput(group, input)
  const lossless = options.lossless ?? true
  const writer = new ComponentWriter('vcalendar', group.iCalendar, lossless)
  const kept = group.iCalendar?.components ?? []
  const zones = new TimeZoneRules([], kept)
  writer.properties.push(['version', {}, 'text', '2.0'])
  const [first] = group.entries
  const prodId = group.prodId ?? first?.prodId ?? options.prodId ?? '-//typed-jmap//calendars//EN'
  writer.add('prodId', 'prodid', {}, 'text', prodId)
  const method = first?.method
  if (method !== undefined) writer.properties.push(['method', {}, 'text', method.toUpperCase()])
  if (group.title !== undefined) {
    writer.add(
      'title',
      'name',
      group.locale === undefined ? {} : { language: group.locale },
      'text',
      group.title,
    )
  } else if (group.locale !== undefined) writer.jsprop(['locale'], group.locale)
  writeDescription(writer, group)
  if (group.uid !== undefined) writer.add('uid', 'uid', {}, 'text', group.uid)
  if (group.color !== undefined) writer.add('color', 'color', {}, 'text', group.color)
  if (group.source !== undefined) writer.add('source', 'source', {}, 'uri', group.source)
  if (group.updated !== undefined)
    writer.add('updated', 'last-modified', {}, 'date-time', group.updated.replace(/\.\d+Z$/, 'Z'))
  if (group.created !== undefined)
    writer.add('created', 'created', {}, 'date-time', group.created.replace(/\.\d+Z$/, 'Z'))
  writeKeywords(writer, group.keywords)
  if (group.categories !== undefined)
    for (const category of Object.keys(group.categories))
      writer.add('categories', 'concept', {}, 'uri', category)
  writeLinks(writer, group.links)
  writer.unknown(group, groupKeys)
  const entries: JCalComponent[] = []
  group.entries.forEach((entry, index) => {
    const components = writeEntry(entry, {
      lossless,
      zones,
      path: Array.isArray(input) ? `/${index}` : group === input ? `/entries/${index}` : '',
    })
    const [main] = components
    if (main !== undefined && lossless) {
      // Group-level METHOD and PRODID stand for every entry; keep what differs.
      if (entry.prodId !== undefined)
        main[1].push(['jsprop', { jsptr: 'prodId' }, 'text', JSON.stringify(entry.prodId)])
      if (entry.method !== undefined && entry.method !== method) {
        main[1].push(['jsprop', { jsptr: 'method' }, 'text', JSON.stringify(entry.method)])
      }
    }
    entries.push(...components)
  })
  const built = writer.build()
  // Kept VTIMEZONEs go first, as calendar clients expect definitions before use.
  const timeZones = built[2].filter((component) => kept.includes(component))
  // Every other zone named by a TZID gets a VTIMEZONE, or clients read its times as floating.
  const defined = new Set(
    timeZones.flatMap((component) =>
      component[1].filter((property) => property[0] === 'tzid').map((property) => property[3]),
    ),
  )
  for (const [zone, years] of tzidsUsed(entries)) {
    if (defined.has(zone) || zone === 'Etc/UTC' || zone === 'UTC') continue
    const first = Number.isFinite(years.first) ? years.first : 1970
    const last = Number.isFinite(years.last) ? years.last : first
    // DERIVED marks it as made here, so reading the text back does not keep it as input.
    const vtimezone = vtimezoneFromIntl(zone, first, last, lossless ? { derived: 'TRUE' } : {})
    if (vtimezone !== undefined) timeZones.push(vtimezone)
  }
  const others = built[2].filter((component) => !kept.includes(component))
  const calendar: JCalComponent = [built[0], built[1], [...timeZones, ...entries, ...others]]
  return `${stringifyComponent(calendar)}\r\n`
}
