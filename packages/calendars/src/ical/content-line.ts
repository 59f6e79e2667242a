import ICAL from 'ical.js'
import type { JCalParameters, JCalProperty } from '../jscalendar/icalendar-component.js'
import { designSet } from './design-set.js'
import { readRecurValue } from './recur-value.js'

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
// RECUR values are read in one pass where they are plain, by ical.js's rules otherwise.
const recurFromICAL = valueParsers.get('recur')
if (recurFromICAL !== undefined) {
  valueParsers.set('recur', (value) => readRecurValue(value) ?? recurFromICAL(value, false))
}

function ownEntries<T>(designs: object): Map<string, T> {
  return new Map(Object.entries(designs) as Array<[string, T]>)
}

const inherited = (name: string): boolean => name in Object.prototype

/** A name the reader knows, as the design set spells it (lowercase), with its design. */
interface KnownName<Design> {
  name: string
  design: Design | undefined
}

/**
 * Names by the spellings input uses (uppercase, as RFC 5545 writes them, and lowercase), so the
 * reader gets the design set's own lowercase string without lowercasing a copy of every name it
 * reads, and the converter then compares names that are the same string. A table of the
 * language's names, not a cache: it holds nothing read from input.
 */
function namesBySpelling<Design>(
  designs: Map<string, Design>,
  others: readonly string[],
): Map<string, KnownName<Design>> {
  const spellings = new Map<string, KnownName<Design>>()
  for (const name of [...designs.keys(), ...others]) {
    const known = { name, design: designs.get(name) }
    spellings.set(name, known)
    spellings.set(name.toUpperCase(), known)
  }
  return spellings
}

const propertyNames = namesBySpelling(propertyDesigns, [])
// Parameters of RFC 5545 §3.2, RFC 7986, RFC 9073, RFC 9253 and the conversion draft that ical.js
// has no design for.
const parameterNames = namesBySpelling(parameterDesigns, [
  'altrep',
  'cn',
  'derived',
  'dir',
  'email',
  'fmttype',
  'gap',
  'jsid',
  'jsptr',
  'label',
  'language',
  'linkrel',
  'order',
  'schema',
])

const semicolon = 59
const colon = 58
const equals = 61
const quote = 34
const backslash = 92
const caret = 94

/**
 * An unfolded content line read into its parts, as jCal has them (lowercase name and value type,
 * converted values), with the input line it starts on.
 *
 * @see RFC 7265 §3.4
 */
export interface ContentLine {
  /** Lowercase property name. */
  name: string
  parameters: JCalParameters
  /** Lowercase value type. */
  type: string
  values: unknown[]
  /** The input line the content line starts on. */
  line: number
}

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
  const plain = readPlainLine(line, 0)
  if (plain === undefined) return ICAL.parse.property(line, designSet) as JCalProperty
  return [plain.name, plain.parameters, plain.type, ...plain.values]
}

/**
 * {@link parseContentLine}'s reading as parts rather than one jCal array, for the iCalendar
 * reader: the values are not copied out of the jCal array for every property.
 *
 * @example readContentLineParts('SUMMARY:Hi', 7) // { name: 'summary', parameters: {}, type: 'text', values: ['Hi'], line: 7 }
 */
export function readContentLineParts(text: string, line: number): ContentLine {
  const plain = readPlainLine(text, line)
  if (plain !== undefined) return plain
  const jcal = ICAL.parse.property(text, designSet) as JCalProperty
  return { name: jcal[0], parameters: jcal[1], type: jcal[2], values: jcal.slice(3), line }
}

/** The parts of a line read the plain way, or `undefined` when the line needs ical.js's rules. */
function readPlainLine(line: string, lineNumber: number): ContentLine | undefined {
  const length = line.length
  let index = 0
  let char = 0
  while (index < length) {
    char = line.charCodeAt(index)
    if (char === semicolon || char === colon) break
    index++
  }
  if (index === 0 || index === length) return undefined
  const spelled = line.slice(0, index)
  const known = propertyNames.get(spelled)
  const name = known === undefined ? spelled.toLowerCase() : known.name
  const design = known === undefined ? propertyDesigns.get(name) : known.design
  const parameters: JCalParameters = {}
  // VALUE says the value type and is not kept as a parameter (as in ical.js).
  let explicitType: string | undefined
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
    const spelledParameter = line.slice(nameStart, at)
    const knownParameter = parameterNames.get(spelledParameter)
    const parameter =
      knownParameter === undefined ? spelledParameter.toLowerCase() : knownParameter.name
    const parameterDesign =
      knownParameter === undefined ? parameterDesigns.get(parameter) : knownParameter.design
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
    if (parameter === 'value') explicitType = value
    else if (!addParameter(parameters, parameter, parameterDesign, value, quoted)) return undefined
  }
  const value = line.slice(index + 1)
  if (design === undefined && inherited(name)) return undefined
  if (design?.structuredValue !== undefined) return undefined
  let type: string | undefined
  if (value !== '' && design?.detectType !== undefined) type = design.detectType(value)
  if (type === undefined) {
    type =
      explicitType === undefined ? (design?.defaultType ?? 'unknown') : explicitType.toLowerCase()
  }
  const fromICAL = valueParsers.get(type)
  if (fromICAL === undefined && !valueParsers.has(type) && inherited(type)) return undefined
  const multiValue = design?.multiValue
  if (multiValue === '') return undefined
  if (multiValue === undefined) {
    const values = [fromICAL === undefined ? value : fromICAL(value, false)]
    return { name, parameters, type, values, line: lineNumber }
  }
  const values: unknown[] = []
  let start = 0
  let end = unescapedIndexOf(value, multiValue, start)
  while (end !== -1) {
    const piece = value.slice(start, end)
    values.push(fromICAL === undefined ? piece : fromICAL(piece, false))
    start = end + multiValue.length
    end = unescapedIndexOf(value, multiValue, start)
  }
  const last = value.slice(start)
  values.push(fromICAL === undefined ? last : fromICAL(last, false))
  return { name, parameters, type, values, line: lineNumber }
}

/**
 * Adds a parameter (without escapes) as ical.js does: a repeated multi-valued parameter collects
 * its values, any other is replaced; `false` when ical.js would split a quoted value (it then
 * miscounts where the property value starts).
 */
function addParameter(
  parameters: JCalParameters,
  name: string,
  design: ParameterDesign | undefined,
  raw: string,
  quoted: boolean,
): boolean {
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
