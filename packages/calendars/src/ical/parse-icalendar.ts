import type { JCalProperty } from '../jscalendar/icalendar-component.js'
import { isIanaTimeZone } from '../zoned-time/index.js'
import { type ContentLine, readContentLineAt, readContentLineParts } from './content-line.js'
import { ianaTimeZoneName } from './iana-time-zone-name.js'
import { ICalendarParseError } from './icalendar-parse-error.js'
import type { ICalendarWarning } from './icalendar-warning.js'
import { knownNameAt, nameHash, namesByHash } from './known-name.js'
import { matchingIanaZone } from './matching-iana-zone.js'
import { vtimezoneRulesOf } from './vtimezone-rules.js'

/**
 * An iCalendar property as ical.js reads it (jCal, in parts; {@link propertyJCal} puts them
 * together), with the line it came from.
 *
 * @see RFC 7265 §3.4
 */
export interface ParsedProperty extends ContentLine {
  /** The TZID the input gave, where the reader replaced it by the IANA zone it stands for. */
  originalTzid?: string
}

/**
 * The property in jCal, as it would be kept in an `iCalendar` property (sharing its parameters
 * and values: copy it before it leaves the reader).
 *
 * @example propertyJCal(property) // ['summary', {}, 'text', 'Hi']
 */
export function propertyJCal(property: ParsedProperty): JCalProperty {
  return [property.name, property.parameters, property.type, ...property.values]
}

/**
 * An iCalendar component with its properties and subcomponents, in input order, with line numbers.
 *
 * @see RFC 5545 §3.6
 */
export interface ParsedComponent {
  /** Lowercase component name. */
  name: string
  line: number
  properties: ParsedProperty[]
  components: ParsedComponent[]
}

/** Properties a component cannot stand without: a malformed one fails the whole input. */
const essential = new Set(['dtstart', 'dtend', 'due', 'recurrence-id', 'uid', 'begin', 'end'])

const durationPattern =
  /^[+-]?P(?:\d+W|(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$/

/**
 * Reads iCalendar text into components, checking what ical.js lets through: that every BEGIN has
 * its END, that dates, times, durations and integers are well-formed, and that every TZID is an
 * IANA name or has a VTIMEZONE. Anything wrong throws an {@link ICalendarParseError} with the line;
 * given `warn`, a malformed property other than those a component needs (DTSTART, DTEND, DUE,
 * RECURRENCE-ID, UID) is left out and reported instead, and an unknown TZID read as floating.
 *
 * @see RFC 5545 §3.1
 * @example parseICalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR')
 */
export function parseICalendar(
  text: string,
  warn?: (warning: ICalendarWarning) => void,
): ParsedComponent[] {
  const state: ParseState = { roots: [], stack: [], timeZoneIds: new Map(), tzidUses: [], warn }
  forEachContentLine(text, state)
  const { roots, stack, timeZoneIds, tzidUses } = state
  const unclosed = stack[stack.length - 1]
  if (unclosed !== undefined) {
    throw new ICalendarParseError({
      line: unclosed.line,
      reason: `BEGIN:${unclosed.name.toUpperCase()} is never closed by END:${unclosed.name.toUpperCase()}`,
    })
  }
  if (tzidUses.length === 0) return roots
  // Looking a name up in the Windows zone table is slow, and a calendar names its few zones on
  // many lines: each name is looked up once per input.
  // A zone a VTIMEZONE defines with the rules of an IANA zone over the years the calendar uses
  // is read as that zone too. The VTIMEZONE stays in the input's leftovers and the property keeps
  // its TZID for the way back.
  const ianaNames = new Map<string, string | undefined>()
  // Every use's TZID is read before any is mapped (the years a custom zone is matched over).
  const tzids = tzidUses.map((use) => use.parameters.tzid as string)
  let spans: Map<string, { first: number; last: number }> | undefined
  for (let index = 0; index < tzidUses.length; index++) {
    const use = tzidUses[index] as ParsedProperty
    const tzid = tzids[index] as string
    if (isIanaTimeZone(tzid)) continue
    // A Windows or path-like name of an IANA zone is read as that zone (its VTIMEZONE, if any,
    // stays in the input's leftovers).
    let iana = ianaNames.get(tzid)
    const definition = timeZoneIds.get(tzid)
    if (iana === undefined && !ianaNames.has(tzid)) {
      iana = ianaTimeZoneName(tzid)
      if (iana === undefined && definition !== undefined) {
        spans ??= spansOf(tzidUses, tzids)
        iana = ianaZoneOf(tzid, definition, spans.get(tzid))
      }
      ianaNames.set(tzid, iana)
    }
    if (iana !== undefined) {
      if (definition !== undefined) use.originalTzid = tzid
      use.parameters.tzid = iana
      continue
    }
    if ((!timeZoneIds.has(tzid) || tzid.trim() === '') && warn !== undefined) {
      warn({
        line: use.line,
        reason: `TZID "${tzid}" is neither an IANA time zone nor defined by a VTIMEZONE; the time is read as floating`,
      })
      delete use.parameters.tzid
      continue
    }
    if (!timeZoneIds.has(tzid)) {
      throw new ICalendarParseError({
        line: use.line,
        reason: `TZID "${tzid}" is neither an IANA time zone nor defined by a VTIMEZONE`,
      })
    }
  }
  return roots
}

/** What reading the lines of one input builds up. */
interface ParseState {
  roots: ParsedComponent[]
  /** The components open at the current line, innermost last. */
  stack: ParsedComponent[]
  /** TZIDs the input's VTIMEZONEs define, with the VTIMEZONE. */
  timeZoneIds: Map<string, ParsedComponent>
  /** Properties with a TZID parameter, checked once all VTIMEZONEs are known. */
  tzidUses: ParsedProperty[]
  warn: ((warning: ICalendarWarning) => void) | undefined
}

// Component names, so BEGIN and END lines that name one (nearly all) give its lowercase name
// without cutting it out of the line, trimming and lowercasing it.
const componentNames = namesByHash(
  new Map(
    [
      'vcalendar',
      'vevent',
      'vtodo',
      'vjournal',
      'vfreebusy',
      'vtimezone',
      'standard',
      'daylight',
      'valarm',
      'vavailability',
      'available',
      'participant',
      'vlocation',
      'vresource',
    ].map((name) => [name, name]),
  ),
)

const colonChar = 58

// A module function with its state passed in, rather than a closure made for every input.
/** Reads the content line `source` holds between `from` and `to`, which starts on `line`. */
function readContentLine(
  state: ParseState,
  source: string,
  from: number,
  to: number,
  line: number,
): void {
  const length = to - from
  // Only a name of 3 or 5 characters can be END or BEGIN (or a whole line of 3 or 5, which the
  // text path reads).
  if (length === 3 || length === 5) {
    readContentLineText(state, source.slice(from, to), line)
    return
  }
  const head =
    length > 5 && source.charCodeAt(from + 5) === colonChar && asciiNamed(source, from, 'BEGIN')
      ? 'BEGIN'
      : length > 3 && source.charCodeAt(from + 3) === colonChar && asciiNamed(source, from, 'END')
        ? 'END'
        : undefined
  if (head !== undefined) {
    const nameFrom = from + head.length + 1
    let hash = 0
    for (let index = nameFrom; index < to; index++) hash = nameHash(hash, source.charCodeAt(index))
    const known = knownNameAt(componentNames, hash, source, nameFrom, to)
    if (known === undefined) readContentLineText(state, source.slice(from, to), line)
    else if (head === 'BEGIN') beginComponent(state, known.name, line)
    else endComponent(state, known.name, line)
    return
  }
  // A name of 3 or 5 characters other than in ASCII letters may be END or BEGIN in the eyes of
  // `toUpperCase` (`ı` is `I` to it): the text path decides.
  if (
    (length > 5 && source.charCodeAt(from + 5) === colonChar && !asciiName(source, from, 5)) ||
    (length > 3 && source.charCodeAt(from + 3) === colonChar && !asciiName(source, from, 3))
  ) {
    readContentLineText(state, source.slice(from, to), line)
    return
  }
  readProperty(state, source, from, to, line)
}

/** Whether `source` spells `name` (uppercase ASCII letters) in any case at `from`. */
function asciiNamed(source: string, from: number, name: string): boolean {
  for (let index = 0; index < name.length; index++) {
    // Setting bit 5 lowercases an ASCII letter, and only letters land on a lowercase letter.
    if ((source.charCodeAt(from + index) | 0x20) !== (name.charCodeAt(index) | 0x20)) return false
  }
  return true
}

/** Whether the `length` characters at `from` are all ASCII. */
function asciiName(source: string, from: number, length: number): boolean {
  for (let index = from; index < from + length; index++) {
    if (source.charCodeAt(index) > 127) return false
  }
  return true
}

function beginComponent(state: ParseState, name: string, line: number): void {
  const component: ParsedComponent = { name, line, properties: [], components: [] }
  const parent = state.stack[state.stack.length - 1]
  if (parent === undefined) state.roots.push(component)
  else parent.components.push(component)
  state.stack.push(component)
}

function endComponent(state: ParseState, name: string, line: number): void {
  const open = state.stack.pop()
  if (open === undefined) {
    throw new ICalendarParseError({
      line,
      reason: `END:${name.toUpperCase()} without a matching BEGIN`,
    })
  }
  if (open.name !== name) {
    throw new ICalendarParseError({
      line,
      reason: `END:${name.toUpperCase()} does not close BEGIN:${open.name.toUpperCase()} (line ${open.line})`,
    })
  }
}

/** Reads a content line given as text, whatever its form. */
function readContentLineText(state: ParseState, content: string, line: number): void {
  const colon = content.indexOf(':')
  // Only a name of 3 or 5 characters can be END or BEGIN; the rest skip the uppercase copy.
  const head =
    colon === -1
      ? content
      : colon === 5
        ? namedAs(content, 'BEGIN')
        : colon === 3
          ? namedAs(content, 'END')
          : ''
  if (head === 'BEGIN' || head === 'END') {
    const name = content
      .slice(colon + 1)
      .trim()
      .toLowerCase()
    if (name === '')
      throw new ICalendarParseError({ line, reason: `${head} without a component name` })
    if (head === 'BEGIN') beginComponent(state, name, line)
    else endComponent(state, name, line)
    return
  }
  readProperty(state, content, 0, content.length, line)
}

/** Reads a property's content line into the component open at it. */
function readProperty(
  state: ParseState,
  source: string,
  from: number,
  to: number,
  line: number,
): void {
  const component = state.stack[state.stack.length - 1]
  if (component === undefined) {
    throw new ICalendarParseError({ line, reason: 'content outside of any BEGIN/END component' })
  }
  let property = parseProperty(source, from, to, line)
  if (!isParsed(property)) {
    const malformed = property
    if (state.warn === undefined) throw refusal(malformed, line)
    const content = textOf(source, from, to)
    const name = content.slice(0, content.search(/[;:]|$/)).toLowerCase()
    // Leniently, a value in another type's form than the default one, without the VALUE
    // parameter saying so, is read in the type its form shows.
    const retyped = retypedByForm(name, content)
    const reread =
      retyped === undefined
        ? undefined
        : parseProperty(retyped.content, 0, retyped.content.length, line)
    if (reread === undefined || !isParsed(reread)) {
      // A malformed property is dropped and reported, unless the component cannot stand
      // without it (its start, end, recurrence or identity).
      if (essential.has(name)) throw refusal(malformed, line)
      state.warn({ line, reason: `${malformed.reason}; the property is left out` })
      return
    }
    state.warn({ line, reason: `${malformed.reason}; read as ${retyped?.type} (its form) instead` })
    property = reread
  }
  if (property.type === 'recur') dropMalformedRecurParts(property, state.warn)
  component.properties.push(property)
  if (component.name === 'vtimezone' && property.name === 'tzid') {
    state.timeZoneIds.set(String(property.values[0]), component)
  }
  if (typeof property.parameters.tzid === 'string') state.tzidUses.push(property)
}

/**
 * `name` when the content line starts with it in any case (as `toUpperCase` compares), else ''.
 * ASCII letters are compared in place; anything else (`ı` uppercases to `I`) by `toUpperCase`.
 */
function namedAs(content: string, name: string): string {
  for (let index = 0; index < name.length; index++) {
    const char = content.charCodeAt(index)
    if (char > 127) return content.slice(0, name.length).toUpperCase() === name ? name : ''
    // Setting bit 5 lowercases an ASCII letter, and only letters land on a lowercase letter.
    if ((char | 0x20) !== (name.charCodeAt(index) | 0x20)) return ''
  }
  return name
}

/**
 * The IANA zone with the rules of a VTIMEZONE from the first time its TZID's uses name to a year
 * after the last, if any.
 */
function ianaZoneOf(
  tzid: string,
  vtimezone: ParsedComponent,
  span: { first: number; last: number } | undefined,
): string | undefined {
  if (span === undefined) return undefined
  const from = span.first - 86_400_000
  const to = span.last + 366 * 86_400_000
  try {
    const rules = vtimezoneRulesOf(vtimezone)
    if (rules === undefined) return undefined
    return matchingIanaZone(tzid, rules, from, to)
  } catch {
    // A VTIMEZONE that cannot be read matches nothing; its TZID stays as it is.
    return undefined
  }
}

/** The first and last day (UTC midnight of the date) each TZID's uses name, in one pass. */
function spansOf(
  uses: readonly ParsedProperty[],
  tzids: readonly string[],
): Map<string, { first: number; last: number }> {
  const spans = new Map<string, { first: number; last: number }>()
  for (const [index, use] of uses.entries()) {
    const tzid = tzids[index] as string
    for (const value of use.values.flat()) {
      if (typeof value !== 'string' || !/^\d{4}-/.test(value)) continue
      const wall = Date.parse(`${value.slice(0, 10)}T00:00:00Z`)
      if (Number.isNaN(wall)) continue
      const span = spans.get(tzid)
      if (span === undefined) spans.set(tzid, { first: wall, last: wall })
      else {
        span.first = Math.min(span.first, wall)
        span.last = Math.max(span.last, wall)
      }
    }
  }
  return spans
}

/**
 * Splits the input into content lines and reads each. A line that is not folded is read where it
 * stands in the input; a folded one is put together first.
 */
function forEachContentLine(text: string, state: ParseState): void {
  // The pending content line: text's `from`…`to`, or `folded` once a continuation is added.
  let from = 0
  let to = 0
  let folded: string | undefined
  let contentLine = 0
  let lineNumber = 0
  let position = 0
  const length = text.length
  // One pass past the last line ends the pending content line, so every content line is read
  // from the one call in the loop (code after a loop that V8 compiled while in the loop lacks
  // type feedback, and its optimised code would give up there on every input).
  for (;;) {
    const last = position > length
    let end = length
    let stop = length
    let first = 0
    if (!last) {
      end = text.indexOf('\n', position)
      if (end === -1) end = length
      stop = text.charCodeAt(end - 1) === 13 ? end - 1 : end
      lineNumber++
      if (stop > position) first = text.charCodeAt(position)
    }
    if (first === 32 || first === 9) {
      if (contentLine === 0) {
        throw new ICalendarParseError({
          line: lineNumber,
          reason: 'continuation line without a line to continue',
        })
      }
      folded = (folded ?? text.slice(from, to)) + text.slice(position + 1, stop)
      position = end + 1
      continue
    }
    if (contentLine !== 0) flushContentLine(state, text, from, to, folded, contentLine)
    if (last) return
    from = position
    to = stop
    folded = undefined
    contentLine = stop === position ? 0 : lineNumber
    position = end + 1
  }
}

function flushContentLine(
  state: ParseState,
  text: string,
  from: number,
  to: number,
  folded: string | undefined,
  line: number,
): void {
  if (folded === undefined) readContentLine(state, text, from, to, line)
  else readContentLine(state, folded, 0, folded.length, line)
}

/** The text of `source` between `from` and `to`, not copied when that is all of it. */
function textOf(source: string, from: number, to: number): string {
  return from === 0 && to === source.length ? source : source.slice(from, to)
}

const dateProperties = new Set(['dtstart', 'dtend', 'due', 'recurrence-id', 'exdate', 'rdate'])

/**
 * The content line with the VALUE parameter its value's form calls for, when that differs from
 * the property's default type: `DTSTART:19971225` is a DATE (Google, Apple and ical.js read it
 * so), `TRIGGER:19980403T120000Z` a DATE-TIME.
 */
function retypedByForm(
  name: string,
  content: string,
): { content: string; type: 'DATE' | 'DATE-TIME' } | undefined {
  const raw = rawValue(content)
  if (/;VALUE=/i.test(content.slice(0, content.length - raw.length))) return undefined
  let type: 'DATE' | 'DATE-TIME' | undefined
  if (dateProperties.has(name) && /^\d{8}(?:,\d{8})*$/.test(raw)) type = 'DATE'
  else if (name === 'trigger' && /^\d{8}T\d{6}Z$/.test(raw)) type = 'DATE-TIME'
  if (type === undefined) return undefined
  return {
    content: `${content.slice(0, name.length)};VALUE=${type}${content.slice(name.length)}`,
    type,
  }
}

const integerListPattern = /^[+-]?\d+(?:,[+-]?\d+)*$/
const floatListPattern = /^[+-]?\d+(?:\.\d+)?(?:[;,][+-]?\d+(?:\.\d+)?)*$/
const freqPattern = /^(?:SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/

/**
 * Why a content line was not read: what ends up as an {@link ICalendarParseError}'s reason when
 * the line is refused, or in a warning when it is left out. Reading returns it rather than
 * throwing: a lenient read of a file with many malformed values (a calendar whose every DTSTART is
 * a DATE without VALUE=DATE) would otherwise build an Error, stack and all, for each.
 */
interface Malformed {
  reason: string
  cause?: unknown
}

function isParsed(result: ParsedProperty | Malformed): result is ParsedProperty {
  return (result as Partial<ParsedProperty>).name !== undefined
}

function refusal(malformed: Malformed, line: number): ICalendarParseError {
  return new ICalendarParseError(
    { line, reason: malformed.reason },
    malformed.cause === undefined ? undefined : { cause: malformed.cause },
  )
}

function parseProperty(
  source: string,
  from: number,
  to: number,
  line: number,
): ParsedProperty | Malformed {
  let property: ParsedProperty | undefined
  try {
    property = readContentLineAt(source, from, to, line)
    if (property === undefined) {
      // Read by ical.js's rules, which may take a line without ":" (refused below).
      const content = textOf(source, from, to)
      property = readContentLineParts(content, line)
      if (content.indexOf(':') === -1) {
        return { reason: `content line without ":" (${content.slice(0, 40)})` }
      }
    }
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error), cause: error }
  }
  const { name, type, values } = property
  // ical.js reads a malformed number as 0, so numbers are checked in the raw text.
  if (type === 'integer' || type === 'float') {
    const raw = rawValue(textOf(source, from, to))
    const pattern = type === 'integer' ? integerListPattern : floatListPattern
    if (!pattern.test(raw)) {
      return {
        reason: `${name.toUpperCase()} has an invalid ${type.toUpperCase()}: ${JSON.stringify(raw)}`,
      }
    }
  }
  // Most properties are of a type with nothing to check (TEXT, URI, CAL-ADDRESS, X- values).
  if (!checkedTypes.has(type)) return property
  for (let index = 0; index < values.length; index++) {
    const value = values[index]
    const invalid = invalidPart(type, value)
    if (invalid !== undefined) {
      return {
        reason: `${name.toUpperCase()} has an invalid ${invalid}: ${JSON.stringify(value)}`,
      }
    }
  }
  return property
}

function rawValue(content: string): string {
  let quoted = false
  for (let index = 0; index < content.length; index++) {
    const char = content.charCodeAt(index)
    if (char === 34) quoted = !quoted
    else if (char === 58 && !quoted) return content.slice(index + 1)
  }
  return ''
}

/** The value types {@link invalidPart} checks. */
const checkedTypes = new Set([
  'date',
  'date-time',
  'duration',
  'integer',
  'float',
  'period',
  'recur',
])

/** What part of a value of the given type is malformed (`DATE`, `PERIOD start`…), if any. */
function invalidPart(type: string, value: unknown): string | undefined {
  switch (type) {
    case 'date':
      return typeof value !== 'string' || !validDate(value) ? 'DATE' : undefined
    case 'date-time':
      return typeof value !== 'string' || !validDateTime(value) ? 'DATE-TIME' : undefined
    case 'duration':
      return typeof value !== 'string' || !durationPattern.test(value) ? 'DURATION' : undefined
    case 'integer':
      return typeof value !== 'number' || !Number.isInteger(value) ? 'INTEGER' : undefined
    case 'float':
      return (
        Array.isArray(value)
          ? value.some((part) => !Number.isFinite(part))
          : !Number.isFinite(value)
      )
        ? 'FLOAT'
        : undefined
    case 'period': {
      const [start, endOrDuration] = Array.isArray(value) ? value : []
      if (typeof start !== 'string' || !validDateTime(start)) return 'PERIOD start'
      if (
        typeof endOrDuration !== 'string' ||
        !(validDateTime(endOrDuration) || durationPattern.test(endOrDuration))
      ) {
        return 'PERIOD end'
      }
      return undefined
    }
    case 'recur': {
      const until = (value as { until?: unknown }).until
      if (
        until !== undefined &&
        (typeof until !== 'string' || !(validDateTime(until) || validDate(until)))
      ) {
        return 'UNTIL'
      }
      const freq = (value as { freq?: unknown }).freq
      return typeof freq !== 'string' || !freqPattern.test(freq) ? 'FREQ' : undefined
    }
    default:
      return undefined
  }
}

/**
 * Takes out the parts of a RECUR value ical.js could not read (`RRULE:FREQ=DAILY;FOO` has a part
 * `FOO` without value), which it would otherwise write back as `FOO=undefined`. Strictly (without
 * `warn`) such a rule is refused.
 */
function dropMalformedRecurParts(
  property: ParsedProperty,
  warn: ((warning: ICalendarWarning) => void) | undefined,
): void {
  const recur = property.values[0] as Record<string, unknown>
  for (const part of Object.keys(recur)) {
    if (recur[part] !== undefined) continue
    const reason = `${property.name.toUpperCase()} has a part without a value: ${JSON.stringify(part.toUpperCase())}`
    if (warn === undefined) throw new ICalendarParseError({ line: property.line, reason })
    delete recur[part]
    warn({ line: property.line, reason: `${reason}; the part is left out` })
  }
}

const daysInMonths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

// Dates are checked by reading their digits in place rather than with a pattern: every DATE and
// DATE-TIME of the input goes through here.

/** Whether jCal text is a DATE that exists: YYYY-MM-DD. */
function validDate(text: string): boolean {
  return text.length === 10 && validDatePart(text)
}

/** Whether jCal text is a DATE-TIME that exists: YYYY-MM-DDTHH:MM:SS, optionally ending in Z. */
function validDateTime(text: string): boolean {
  const length = text.length
  if (length !== 19 && !(length === 20 && text.charCodeAt(19) === 90)) return false
  if (!validDatePart(text) || text.charCodeAt(10) !== 84) return false
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false
  const hour = twoDigits(text, 11)
  const minute = twoDigits(text, 14)
  const second = twoDigits(text, 17)
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60
}

/** Whether the text starts with YYYY-MM-DD naming a day that exists. */
function validDatePart(text: string): boolean {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false
  const century = twoDigits(text, 0)
  const yearOfCentury = twoDigits(text, 2)
  const month = twoDigits(text, 5)
  const day = twoDigits(text, 8)
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return false
  const year = century * 100 + yearOfCentury
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : (daysInMonths[month - 1] as number))
}

/** The number written by two ASCII digits at `at`, or -1 when they are not both digits. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48
  const ones = text.charCodeAt(at + 1) - 48
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1
}
