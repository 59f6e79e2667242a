import ICAL from 'ical.js'
import type { JCalComponent, JCalProperty } from '../jscalendar/icalendar-component.js'
import { designSet } from './design-set.js'

interface PropertyDesign {
  defaultType?: string
  multiValue?: string
  structuredValue?: string
}

interface ParameterDesign {
  multiValue?: string
  multiValueSeparateDQuote?: boolean
}

type ToICAL = (value: unknown, structuredValue?: string | false) => string

const propertyDesigns = designSet.property as unknown as Record<string, PropertyDesign>
const parameterDesigns = designSet.param as unknown as Record<string, ParameterDesign>
const valueDesigns = designSet.value as unknown as Record<string, { toICAL?: ToICAL }>
const rfc6868Escapes: Record<string, string> = { '"': "^'", '\n': '^n', '^': '^^' }

/**
 * Writes a jCal component as iCalendar text, exactly as `ICAL.stringify.component(component,
 * designSet)` does (stringify-jcal.test.ts compares them on the world corpus).
 *
 * ical.js measures every line code point by code point to fold it; here a line that is ASCII and
 * no longer than the fold length is taken as it is, and only the others go through ical.js's
 * folding. Parameters without characters to escape or quote skip the replacements.
 *
 * @see RFC 5545 §3.1, RFC 7265 §3
 * @example stringifyComponent(['vcalendar', [['version', {}, 'text', '2.0']], []]) // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR'
 */
export function stringifyComponent(component: JCalComponent): string {
  const name = component[0].toUpperCase()
  let text = `BEGIN:${name}\r\n`
  for (const property of component[1]) text += `${stringifyProperty(property)}\r\n`
  for (const sub of component[2] ?? []) text += `${stringifyComponent(sub)}\r\n`
  return `${text}END:${name}`
}

function stringifyProperty(property: JCalProperty): string {
  const jsName = property[0]
  let line = jsName.toUpperCase()
  const parameters = property[1]
  for (const parameter in parameters) {
    if (!Object.hasOwn(parameters, parameter)) continue
    const value = parameters[parameter] as string | string[]
    const design = Object.hasOwn(parameterDesigns, parameter)
      ? parameterDesigns[parameter]
      : (parameterDesigns[parameter] as ParameterDesign | undefined)
    const multiValue = design?.multiValue
    if (multiValue && Array.isArray(value)) {
      let joined = ''
      for (let index = 0; index < value.length; index++) {
        if (index > 0) joined += multiValue
        joined += parameterValue(value[index] as string, design?.multiValueSeparateDQuote)
      }
      line += `;${parameter.toUpperCase()}=${joined}`
    } else {
      line += `;${parameter.toUpperCase()}=${parameterValue(value as string, undefined)}`
    }
  }
  if (property.length === 3) return `${line}:`
  const type = property[2]
  const design = jsName in propertyDesigns ? propertyDesigns[jsName] : undefined
  const multiValue = design !== undefined && 'multiValue' in design ? design.multiValue : undefined
  const structuredValue =
    design !== undefined && 'structuredValue' in design && Array.isArray(property[3])
      ? design.structuredValue
      : undefined
  const isDefault =
    design !== undefined && 'defaultType' in design
      ? type === design.defaultType
      : type === 'unknown'
  if (!isDefault) line += `;VALUE=${type.toUpperCase()}`
  line += ':'
  const toICAL = type in valueDesigns ? valueDesigns[type]?.toICAL : undefined
  if (multiValue && structuredValue) {
    line += joinValues(
      property[3] as unknown[],
      structuredValue,
      toICAL,
      multiValue,
      structuredValue,
    )
  } else if (multiValue) {
    line += joinValues(property.slice(3), multiValue, toICAL, undefined, false)
  } else if (structuredValue) {
    line += joinValues(
      property[3] as unknown[],
      structuredValue,
      toICAL,
      undefined,
      structuredValue,
    )
  } else {
    line += toICAL === undefined ? property[3] : toICAL(property[3], false)
  }
  return fold(line)
}

/** A parameter value with RFC 6868 escapes, quoted when it holds `,`, `:` or `;` (or `force`). */
function parameterValue(raw: string, force: boolean | undefined): string {
  let value = raw
  for (let index = 0; index < raw.length; index++) {
    const char = raw.charCodeAt(index)
    if (char === 34 || char === 10 || char === 94) {
      value = raw.replace(/[\n^"]/g, (found) => rfc6868Escapes[found] as string)
      break
    }
  }
  if (force || value.includes(',') || value.includes(':') || value.includes(';'))
    return `"${value}"`
  return value
}

function joinValues(
  values: readonly unknown[],
  delimiter: string,
  toICAL: ToICAL | undefined,
  innerDelimiter: string | undefined,
  structuredValue: string | false,
): string {
  let text = ''
  for (let index = 0; index < values.length; index++) {
    const value = values[index]
    if (innerDelimiter && Array.isArray(value))
      text += joinValues(value, innerDelimiter, toICAL, undefined, structuredValue)
    else text += toICAL === undefined ? value : toICAL(value, structuredValue)
    if (index !== values.length - 1) text += delimiter
  }
  return text
}

/** Folds a line as ical.js does; an ASCII line within the fold length needs no folding. */
function fold(line: string): string {
  if (line.length <= ICAL.foldLength) {
    let ascii = true
    for (let index = 0; index < line.length; index++) {
      if (line.charCodeAt(index) > 127) {
        ascii = false
        break
      }
    }
    if (ascii) return line
  }
  return ICAL.helpers.foldline(line)
}
