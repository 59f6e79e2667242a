import ICAL from 'ical.js'
import type { JCalParameters, JCalProperty } from '../jscalendar/icalendar-component.js'
import { designSet } from './design-set.js'

interface PropertyDesign {
  defaultType?: string
  multiValue?: string
  structuredValue?: string
  detectType?: (value: string) => string
}

interface ParameterDesign {
  valueType?: string
  multiValue?: string
  multiValueSeparateDQuote?: boolean
}

interface ValueDesign {
  fromICAL?: (value: string, structuredValue?: string | false) => unknown
}

// The design set's own entries as maps: ical.js looks names up with `in`, which also finds what
// plain objects inherit ("constructor"); such names are left to ical.js.
const propertyDesigns = ownEntries<PropertyDesign>(designSet.property)
const parameterDesigns = ownEntries<ParameterDesign>(designSet.param)
const valueParsers = new Map(
  [...ownEntries<ValueDesign>(designSet.value)].map(([type, design]) => [type, design.fromICAL]),
)

function ownEntries<T>(designs: object): Map<string, T> {
  return new Map(Object.entries(designs) as Array<[string, T]>)
}

const inherited = (name: string): boolean => name in Object.prototype

const semicolon = 59
const colon = 58
const equals = 61
const quote = 34
const backslash = 92
const caret = 94

/**
 * Reads one unfolded content line into jCal, exactly as `ICAL.parse.property(line, designSet)`
 * does, in one pass over the line.
 *
 * ical.js searches the whole line again for every parameter and runs a RFC 6868 replacement on
 * every parameter value; this reader scans once and leaves the rare lines it does not read the
 * plain way (parameter values with `\` or `^` escapes, quotes in odd places, several quoted
 * values of one parameter, structured values, an empty or missing name, no `:`) to ical.js
 * itself, so both always agree (content-line.test.ts compares them on every line of the
 * real-world corpus). Values are converted by the design set's own `fromICAL`.
 *
 * @see RFC 5545 §3.1, RFC 7265 §3.4
 * @example parseContentLine('DTSTART;TZID=Europe/Berlin:20240101T100000') // ['dtstart', { tzid: 'Europe/Berlin' }, 'date-time', '2024-01-01T10:00:00']
 */
export function parseContentLine(line: string): JCalProperty {
  return readPlainLine(line) ?? (ICAL.parse.property(line, designSet) as JCalProperty)
}

/** The jCal of a line read the plain way, or `undefined` when the line needs ical.js's rules. */
function readPlainLine(line: string): JCalProperty | undefined {
  const length = line.length
  let index = 0
  let char = 0
  while (index < length) {
    char = line.charCodeAt(index)
    if (char === semicolon || char === colon) break
    index++
  }
  if (index === 0 || index === length) return undefined
  const name = line.slice(0, index).toLowerCase()
  const parameters: JCalParameters = {}
  while (char === semicolon) {
    // A parameter: NAME=value or NAME="value", then ";" (another one) or ":" (the value).
    const nameStart = index + 1
    let at = nameStart
    while (at < length) {
      char = line.charCodeAt(at)
      if (char === equals || char === semicolon || char === colon || char === quote) break
      at++
    }
    if (char !== equals || at === nameStart) return undefined
    const parameter = line.slice(nameStart, at).toLowerCase()
    let value: string
    at++
    const quoted = line.charCodeAt(at) === quote
    if (quoted) at++
    const valueStart = at
    // The value ends at the closing quote, or unquoted at ";" or ":"; escapes (and a quote inside
    // an unquoted value) are ical.js's to read.
    while (at < length) {
      char = line.charCodeAt(at)
      if (char === quote) break
      if (char === backslash || char === caret) return undefined
      if (!quoted && (char === semicolon || char === colon)) break
      at++
    }
    if (at === length || char === quote) {
      if (!quoted || at === length) return undefined
      value = line.slice(valueStart, at)
      index = at + 1
      char = line.charCodeAt(index)
      if (char !== semicolon && char !== colon) return undefined
    } else {
      value = line.slice(valueStart, at)
      index = at
    }
    if (!addParameter(parameters, parameter, value, quoted)) return undefined
  }
  const value = line.slice(index + 1)
  const design = propertyDesigns.get(name)
  if (design === undefined && inherited(name)) return undefined
  if (design?.structuredValue !== undefined) return undefined
  let type: string | undefined
  if (value !== '' && design?.detectType !== undefined) type = design.detectType(value)
  if (type === undefined) {
    const explicit = parameters.value
    type =
      explicit === undefined
        ? (design?.defaultType ?? 'unknown')
        : (explicit as string).toLowerCase()
  }
  if (parameters.value !== undefined) delete parameters.value
  const fromICAL = valueParsers.get(type)
  if (fromICAL === undefined && !valueParsers.has(type) && inherited(type)) return undefined
  const multiValue = design?.multiValue
  if (multiValue === '') return undefined
  if (multiValue === undefined) {
    return [name, parameters, type, fromICAL === undefined ? value : fromICAL(value, false)]
  }
  const jcal: JCalProperty = [name, parameters, type]
  let start = 0
  let end = unescapedIndexOf(value, multiValue, start)
  while (end !== -1) {
    const piece = value.slice(start, end)
    jcal.push(fromICAL === undefined ? piece : fromICAL(piece, false))
    start = end + multiValue.length
    end = unescapedIndexOf(value, multiValue, start)
  }
  const last = value.slice(start)
  jcal.push(fromICAL === undefined ? last : fromICAL(last, false))
  return jcal
}

/**
 * Adds a parameter (without escapes) as ical.js does: a repeated multi-valued parameter collects
 * its values, any other is replaced; `false` when ical.js would split a quoted value (it then
 * miscounts where the property value starts).
 */
function addParameter(
  parameters: JCalParameters,
  name: string,
  raw: string,
  quoted: boolean,
): boolean {
  const design = parameterDesigns.get(name)
  if (design === undefined && inherited(name)) return false
  const multiValue = design?.multiValue
  if (multiValue === undefined || multiValue === '') {
    parameters[name] = raw
    return true
  }
  let value: string | string[] = raw
  // Values of DELEGATED-TO and the like are split at '","' only, which an accepted value lacks.
  if (design?.multiValueSeparateDQuote !== true && raw.includes(multiValue)) {
    if (quoted) return false
    value = raw.split(multiValue)
  }
  const known = parameters[name]
  if (known === undefined) parameters[name] = value
  else if (Array.isArray(known)) known.push(value as string)
  else parameters[name] = [known, value as string]
  return true
}

function unescapedIndexOf(text: string, search: string, from: number): number {
  let at = text.indexOf(search, from)
  while (at > 0 && text.charCodeAt(at - 1) === backslash) at = text.indexOf(search, at + 1)
  return at
}
