import ICAL from 'ical.js'
import type { JCalParameters, JCalProperty } from '../jscalendar/icalendar-component.js'
import { designSet } from './design-set.js'
import { knownNameAt, nameHash, namesByHash } from './known-name.js'
import { readDateTimeValue, readDateValue, readTextValue } from './plain-values.js'
import { readRecurValue } from './recur-value.js'

interface PropertyDesign {
  defaultType?: string
  multiValue?: string
  structuredValue?: string
  detectType?: (value: string) => string
}

type FromICAL = (value: string, structuredValue?: string | false) => unknown

/** A property's design with its default type's converter looked up once, not on every line. */
interface PropertyReading extends PropertyDesign {
  defaultType: string
  defaultFromICAL: FromICAL | undefined
  /** Whether ical.js would look the default type up among what objects inherit. */
  defaultInherited: boolean
}

interface ParameterDesign {
  valueType?: string
  multiValue?: string
  multiValueSeparateDQuote?: boolean
}

interface ValueDesign {
  fromICAL?: FromICAL
}

// What plain objects inherit under a lowercase name ('constructor', '__proto__'): the names this
// reader passes are lowercase, and a list of two is cheaper to search than `in` is on a string
// cut from the input (which it would first have to intern).
const inheritedLowercase = Object.getOwnPropertyNames(Object.prototype).filter(
  (name) => name === name.toLowerCase(),
)
/** Whether ical.js's `name in design` would find what objects inherit, for a lowercase name. */
const inherited = (name: string): boolean => inheritedLowercase.includes(name)

// The design set's own entries as maps: ical.js looks names up with `in`, which also finds what
// plain objects inherit ("constructor"); such names are left to ical.js.
const parameterDesigns = ownEntries<ParameterDesign>(designSet.param)
const valueParsers = new Map(
  [...ownEntries<ValueDesign>(designSet.value)].map(([type, design]) => [type, design.fromICAL]),
)
// RECUR, TEXT, DATE and DATE-TIME values are read in one pass where they are plain, by ical.js's
// rules otherwise (a structured TEXT value, which this reader leaves to ical.js, has escapes of
// its own).
const recurFromICAL = valueParsers.get('recur')
if (recurFromICAL !== undefined) {
  valueParsers.set('recur', (value) => readRecurValue(value) ?? recurFromICAL(value, false))
}
valueParsers.set('text', readTextValue)
valueParsers.set('date', readDateValue)
valueParsers.set('date-time', readDateTimeValue)

const propertyDesigns = new Map(
  [...ownEntries<PropertyDesign>(designSet.property)].map(([name, design]) => {
    const defaultType = design.defaultType ?? 'unknown'
    const reading: PropertyReading = {
      ...design,
      defaultType,
      defaultFromICAL: valueParsers.get(defaultType),
      defaultInherited: !valueParsers.has(defaultType) && inherited(defaultType),
    }
    return [name, reading]
  }),
)

function ownEntries<T>(designs: object): Map<string, T> {
  return new Map(Object.entries(designs) as Array<[string, T]>)
}

const propertyNames = namesByHash(propertyDesigns, [])
// Parameters of RFC 5545 §3.2, RFC 7986, RFC 9073, RFC 9253 and the conversion draft that ical.js
// has no design for.
const parameterNames = namesByHash(parameterDesigns, [
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
  const plain = readContentLineAt(line, 0, line.length, 0)
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
  const plain = readContentLineAt(text, 0, text.length, line)
  if (plain !== undefined) return plain
  const jcal = ICAL.parse.property(text, designSet) as JCalProperty
  return { name: jcal[0], parameters: jcal[1], type: jcal[2], values: jcal.slice(3), line }
}

/**
 * Reads the content line `source` holds between `from` and `to` (the iCalendar reader passes the
 * whole input, so a line that is not folded is never copied out of it) the plain way, or
 * `undefined` when the line needs ical.js's rules: then {@link readContentLineParts} reads it.
 *
 * @example readContentLineAt('UID:1\r\nSUMMARY:Hi', 7, 17, 2) // { name: 'summary', parameters: {}, type: 'text', values: ['Hi'], line: 2 }
 */
export function readContentLineAt(
  source: string,
  from: number,
  to: number,
  lineNumber: number,
): ContentLine | undefined {
  let index = from
  let char = 0
  let hash = 0
  while (index < to) {
    char = source.charCodeAt(index)
    if (char === semicolon || char === colon) break
    hash = nameHash(hash, char)
    index++
  }
  if (index === from || index === to) return undefined
  let name: string
  let design: PropertyReading | undefined
  const known = knownNameAt(propertyNames, hash, source, from, index)
  if (known === undefined) {
    name = source.slice(from, index).toLowerCase()
    design = propertyDesigns.get(name)
    if (design === undefined && inherited(name)) return undefined
  } else {
    name = known.name
    design = known.design
  }
  const parameters: JCalParameters = {}
  // VALUE says the value type and is not kept as a parameter (as in ical.js).
  let explicitType: string | undefined
  while (char === semicolon) {
    // A parameter: NAME=value or NAME="value", then ";" (another one) or ":" (the value).
    const nameStart = index + 1
    let at = nameStart
    hash = 0
    while (at < to) {
      char = source.charCodeAt(at)
      if (char === equals || char === semicolon || char === colon || char === quote) break
      hash = nameHash(hash, char)
      at++
    }
    if (char !== equals || at === nameStart) return undefined
    let parameter: string
    let parameterDesign: ParameterDesign | undefined
    const knownParameter = knownNameAt(parameterNames, hash, source, nameStart, at)
    if (knownParameter === undefined) {
      parameter = source.slice(nameStart, at).toLowerCase()
      parameterDesign = parameterDesigns.get(parameter)
      if (parameterDesign === undefined && inherited(parameter)) return undefined
    } else {
      parameter = knownParameter.name
      parameterDesign = knownParameter.design
    }
    let value: string
    at++
    const quoted = at < to && source.charCodeAt(at) === quote
    if (quoted) at++
    const valueStart = at
    // The value ends at the closing quote, or unquoted at ";" or ":"; escapes (and a quote inside
    // an unquoted value) are ical.js's to read.
    while (at < to) {
      char = source.charCodeAt(at)
      if (char === quote) break
      if (char === backslash || char === caret) return undefined
      if (!quoted && (char === semicolon || char === colon)) break
      at++
    }
    if (at === to || char === quote) {
      if (!quoted || at === to) return undefined
      value = source.slice(valueStart, at)
      index = at + 1
      char = index < to ? source.charCodeAt(index) : 0
      if (char !== semicolon && char !== colon) return undefined
    } else {
      value = source.slice(valueStart, at)
      index = at
    }
    if (parameter === 'value') explicitType = value
    else if (!addParameter(parameters, parameter, parameterDesign, value, quoted)) return undefined
  }
  const value = source.slice(index + 1, to)
  if (design?.structuredValue !== undefined) return undefined
  let type: string | undefined
  let fromICAL: FromICAL | undefined
  if (value !== '' && design?.detectType !== undefined) type = design.detectType(value)
  if (type === undefined && explicitType === undefined) {
    // The default type (X- properties: 'unknown', which has no converter).
    if (design === undefined) type = 'unknown'
    else {
      if (design.defaultInherited) return undefined
      type = design.defaultType
      fromICAL = design.defaultFromICAL
    }
  } else {
    type ??= (explicitType as string).toLowerCase()
    fromICAL = valueParsers.get(type)
    if (fromICAL === undefined && !valueParsers.has(type) && inherited(type)) return undefined
  }
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
