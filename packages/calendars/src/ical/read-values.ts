import type { LocalDateTime } from '../jscalendar/primitives.js'
import type { ParsedProperty } from './parse-icalendar.js'

/**
 * A DATE or DATE-TIME value read as JSCalendar sees it: a LocalDateTime in a zone (`undefined`
 * for floating, `Etc/UTC` for UTC).
 */
export interface TemporalValue {
  local: LocalDateTime
  zone: string | undefined
  isDate: boolean
}

/** Reads one DATE or DATE-TIME value of a property. */
export function readTemporal(
  property: ParsedProperty,
  value: unknown = property.values[0],
): TemporalValue {
  const text = String(value)
  if (property.type === 'date' || text.length === 10) {
    return { local: `${text.slice(0, 10)}T00:00:00`, zone: undefined, isDate: true }
  }
  if (text.endsWith('Z')) return { local: text.slice(0, 19), zone: 'Etc/UTC', isDate: false }
  const tzid = property.parameters.tzid
  return {
    local: text.slice(0, 19),
    zone: typeof tzid === 'string' ? tzid : undefined,
    isDate: false,
  }
}

/**
 * Reads a DATE-TIME value that must be UTC as a UTCDateTime (a floating one is read as UTC, a
 * DATE as its midnight in UTC).
 */
export function readUtc(property: ParsedProperty): string {
  const value = String(property.values[0])
  return value.length === 10 ? `${value}T00:00:00Z` : `${value.slice(0, 19)}Z`
}

/** The first value as text. */
export function readText(property: ParsedProperty): string {
  return String(property.values[0] ?? '')
}

/** All values of a (possibly multi-valued) property as text. */
export function readTextList(property: ParsedProperty): string[] {
  return property.values.map(String)
}

/** A parameter value as one string (multiple values joined by commas), or `undefined`. */
export function parameterText(property: ParsedProperty, name: string): string | undefined {
  const value = property.parameters[name]
  if (value === undefined) return undefined
  return Array.isArray(value) ? value.join(',') : value
}

/** A parameter value as a list (a single string is split at commas). */
export function parameterList(property: ParsedProperty, name: string): string[] {
  const value = property.parameters[name]
  if (value === undefined) return []
  const items = Array.isArray(value) ? value : value.split(',')
  // Empty items are rare, so most lists skip the filter; a parameter's own array is still copied
  // (callers may change the list they get).
  if (items.includes('')) return items.filter((item) => item !== '')
  return items === value ? items.slice() : items
}

/** Whether the DERIVED parameter is TRUE. */
export function isDerived(property: ParsedProperty): boolean {
  return parameterText(property, 'derived')?.toUpperCase() === 'TRUE'
}

/** A key not yet used in `map`: `key`, else `key-2`, `key-3`… (deterministic). */
export function uniqueKey(map: object, key: string): string {
  if (!Object.hasOwn(map, key)) return key
  let suffix = 2
  while (Object.hasOwn(map, `${key}-${suffix}`)) suffix++
  return `${key}-${suffix}`
}

/** Formats a number of seconds as a JSCalendar Duration (days, then hours, minutes, seconds). */
export function formatSeconds(total: number): string {
  const sign = total < 0 ? '-' : ''
  let rest = Math.abs(Math.round(total))
  const days = Math.floor(rest / 86400)
  rest -= days * 86400
  const hours = Math.floor(rest / 3600)
  rest -= hours * 3600
  const minutes = Math.floor(rest / 60)
  const seconds = rest - minutes * 60
  let time = ''
  if (hours > 0) time += `${hours}H`
  if (minutes > 0) time += `${minutes}M`
  if (seconds > 0) time += `${seconds}S`
  if (days === 0 && time === '') return `${sign}PT0S`
  return `${sign}P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`
}
