import ICAL from 'ical.js'
import type { JCalParameters, JCalProperty } from '../jscalendar/icalendar-component.js'
import { designSet } from './design-set.js'
import { ICalendarParseError } from './icalendar-parse-error.js'
import { isIanaTimeZone } from './time-zones.js'

/**
 * An iCalendar property as ical.js reads it (jCal), with the line it came from.
 *
 * @see RFC 7265 §3.4
 */
export interface ParsedProperty {
  /** Lowercase property name. */
  name: string
  parameters: JCalParameters
  /** Lowercase value type. */
  type: string
  values: unknown[]
  /** The property in jCal, as it would be kept in an `iCalendar` property. */
  jcal: JCalProperty
  line: number
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

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z?$/
const durationPattern =
  /^[+-]?P(?:\d+W|(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$/

/**
 * Reads iCalendar text into components, checking what ical.js lets through: that every BEGIN has
 * its END, that dates, times, durations and integers are well-formed, and that every TZID is an
 * IANA name or has a VTIMEZONE. Anything wrong throws an {@link ICalendarParseError} with the line.
 *
 * @see RFC 5545 §3.1
 * @example parseICalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR')
 */
export function parseICalendar(text: string): ParsedComponent[] {
  const roots: ParsedComponent[] = []
  const stack: ParsedComponent[] = []
  const timeZoneIds = new Set<string>()
  const tzidUses: ParsedProperty[] = []
  const handle = (content: string, line: number): void => {
    const colon = content.indexOf(':')
    const head = colon === -1 ? content : content.slice(0, colon).toUpperCase()
    if (head === 'BEGIN' || head === 'END') {
      const name = content
        .slice(colon + 1)
        .trim()
        .toLowerCase()
      if (name === '')
        throw new ICalendarParseError({ line, reason: `${head} without a component name` })
      if (head === 'BEGIN') {
        const component: ParsedComponent = { name, line, properties: [], components: [] }
        const parent = stack[stack.length - 1]
        if (parent === undefined) roots.push(component)
        else parent.components.push(component)
        stack.push(component)
        return
      }
      const open = stack.pop()
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
      return
    }
    const component = stack[stack.length - 1]
    if (component === undefined) {
      throw new ICalendarParseError({ line, reason: 'content outside of any BEGIN/END component' })
    }
    const property = parseProperty(content, line)
    component.properties.push(property)
    if (component.name === 'vtimezone' && property.name === 'tzid') {
      timeZoneIds.add(String(property.values[0]))
    }
    if (typeof property.parameters.tzid === 'string') tzidUses.push(property)
  }
  forEachContentLine(text, handle)
  const unclosed = stack[stack.length - 1]
  if (unclosed !== undefined) {
    throw new ICalendarParseError({
      line: unclosed.line,
      reason: `BEGIN:${unclosed.name.toUpperCase()} is never closed by END:${unclosed.name.toUpperCase()}`,
    })
  }
  for (const use of tzidUses) {
    const tzid = use.parameters.tzid as string
    if (!timeZoneIds.has(tzid) && !isIanaTimeZone(tzid)) {
      throw new ICalendarParseError({
        line: use.line,
        reason: `TZID "${tzid}" is neither an IANA time zone nor defined by a VTIMEZONE`,
      })
    }
  }
  return roots
}

function forEachContentLine(text: string, handle: (content: string, line: number) => void): void {
  let content = ''
  let contentLine = 0
  let lineNumber = 0
  let position = 0
  const length = text.length
  while (position <= length) {
    let end = text.indexOf('\n', position)
    if (end === -1) end = length
    const raw =
      text.charCodeAt(end - 1) === 13 ? text.slice(position, end - 1) : text.slice(position, end)
    lineNumber++
    position = end + 1
    const first = raw.charCodeAt(0)
    if (first === 32 || first === 9) {
      if (contentLine === 0) {
        throw new ICalendarParseError({
          line: lineNumber,
          reason: 'continuation line without a line to continue',
        })
      }
      content += raw.slice(1)
      continue
    }
    if (contentLine !== 0) handle(content, contentLine)
    content = raw
    contentLine = raw === '' ? 0 : lineNumber
    if (end === length) break
  }
  if (contentLine !== 0) handle(content, contentLine)
}

function parseProperty(content: string, line: number): ParsedProperty {
  let jcal: JCalProperty
  try {
    jcal = ICAL.parse.property(content, designSet) as JCalProperty
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new ICalendarParseError({ line, reason: message }, { cause: error })
  }
  if (content.indexOf(':') === -1) {
    throw new ICalendarParseError({
      line,
      reason: `content line without ":" (${content.slice(0, 40)})`,
    })
  }
  const [name, parameters, type, ...values] = jcal
  // ical.js reads a malformed number as 0, so numbers are checked in the raw text.
  if (type === 'integer' || type === 'float') {
    const raw = rawValue(content)
    const number = '[+-]?\\d+(?:\\.\\d+)?'
    const pattern =
      type === 'integer' ? /^[+-]?\d+(?:,[+-]?\d+)*$/ : new RegExp(`^${number}(?:[;,]${number})*$`)
    if (!pattern.test(raw)) {
      throw new ICalendarParseError({
        line,
        reason: `${name.toUpperCase()} has an invalid ${type.toUpperCase()}: ${JSON.stringify(raw)}`,
      })
    }
  }
  for (const value of values) checkValue(name, type, value, line)
  return { name, parameters, type, values, jcal, line }
}

function rawValue(content: string): string {
  let quoted = false
  for (let index = 0; index < content.length; index++) {
    const char = content[index]
    if (char === '"') quoted = !quoted
    else if (char === ':' && !quoted) return content.slice(index + 1)
  }
  return ''
}

function checkValue(name: string, type: string, value: unknown, line: number): void {
  const fail = (what: string): never => {
    throw new ICalendarParseError({
      line,
      reason: `${name.toUpperCase()} has an invalid ${what}: ${JSON.stringify(value)}`,
    })
  }
  switch (type) {
    case 'date':
      if (typeof value !== 'string' || !validDate(datePattern.exec(value))) fail('DATE')
      return
    case 'date-time':
      if (typeof value !== 'string' || !validDate(dateTimePattern.exec(value))) fail('DATE-TIME')
      return
    case 'duration':
      if (typeof value !== 'string' || !durationPattern.test(value)) fail('DURATION')
      return
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail('INTEGER')
      return
    case 'float':
      if (
        Array.isArray(value)
          ? value.some((part) => !Number.isFinite(part))
          : !Number.isFinite(value)
      ) {
        fail('FLOAT')
      }
      return
    case 'period': {
      const [start, endOrDuration] = Array.isArray(value) ? value : []
      if (typeof start !== 'string' || !validDate(dateTimePattern.exec(start))) fail('PERIOD start')
      if (
        typeof endOrDuration !== 'string' ||
        !(validDate(dateTimePattern.exec(endOrDuration)) || durationPattern.test(endOrDuration))
      ) {
        fail('PERIOD end')
      }
      return
    }
    case 'recur': {
      const until = (value as { until?: unknown }).until
      if (
        until !== undefined &&
        (typeof until !== 'string' ||
          !validDate(dateTimePattern.exec(until) ?? datePattern.exec(until)))
      ) {
        fail('UNTIL')
      }
      const freq = (value as { freq?: unknown }).freq
      if (
        typeof freq !== 'string' ||
        !/^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(freq)
      )
        fail('FREQ')
      return
    }
    default:
      return
  }
}

function validDate(match: RegExpExecArray | null): boolean {
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1) return false
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return false
  if (match[4] === undefined) return true
  return Number(match[4]) <= 23 && Number(match[5]) <= 59 && Number(match[6]) <= 60
}
