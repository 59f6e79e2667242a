import ICAL from 'ical.js'
import { designSet } from '../../src/ical/design-set.js'
import { deepEqual } from '../../src/ical/override-patch.js'
import {
  type ParsedComponent,
  parseICalendar,
  propertyJCal,
} from '../../src/ical/parse-icalendar.js'
import type { JCalComponent, JCalProperty } from '../../src/jscalendar/icalendar-component.js'

// Test support: compares JSCalendar and iCalendar by meaning, not by layout. A jCal property is
// put in canonical form by writing it as iCalendar and reading it back (so "unknown" text values
// and typed values compare equal), property lists compare as multisets, and "@type" is ignored
// where the expected side leaves it out (JSCalendar 2.0 makes it optional on nested objects).

/** A jCal property in canonical form: typed by the design set, parameters as sorted lists. */
export function canonicalProperty(property: readonly unknown[]): unknown[] {
  const [name, parameters, type, ...values] = property as [
    string,
    Record<string, unknown>,
    string,
    ...unknown[],
  ]
  const jcal = [name, parameters, String(type).toLowerCase(), ...values] as JCalProperty
  // An "unknown" value is raw iCalendar text: write it as is and let the design set type it.
  const line = ICAL.stringify.property(jcal, designSet, true).replace(/;VALUE=UNKNOWN(?=[;:])/, '')
  const [reName, reParameters, reType, ...reValues] = ICAL.parse.property(
    line,
    designSet,
  ) as JCalProperty
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(reParameters).sort()) {
    const value = reParameters[key]
    sorted[key] = Array.isArray(value) ? [...value].sort() : String(value).split(',').sort()
  }
  return [reName, sorted, reType, ...reValues]
}

const multiValued = new Set([
  'categories',
  'concept',
  'exdate',
  'rdate',
  'location-type',
  'resources',
])

/** Canonical properties, one per value for the multi-valued ones (several lines mean the same). */
function canonicalProperties(properties: readonly unknown[][]): unknown[] {
  return sortByJson(
    properties.flatMap((property) => {
      const [name, parameters, type, ...values] = canonicalProperty(property)
      return multiValued.has(String(name))
        ? values.map((value) => [name, parameters, type, value])
        : [[name, parameters, type, ...values]]
    }),
  )
}

function canonicalComponent(component: readonly unknown[]): unknown[] {
  const [name, properties, components] = component as JCalComponent
  return [name, canonicalProperties(properties), sortByJson(components.map(canonicalComponent))]
}

function sortByJson(items: unknown[]): unknown[] {
  return items
    .map((item) => [JSON.stringify(item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, item]) => item)
}

/** Normalises a JSCalendar value for comparison against `expected`. */
function normalise(actual: unknown, expected: unknown, key?: string): [unknown, unknown] {
  if (key === 'properties' && Array.isArray(actual) && Array.isArray(expected)) {
    return [canonicalProperties(actual), canonicalProperties(expected)]
  }
  if (key === 'components' && Array.isArray(actual) && Array.isArray(expected)) {
    return [
      sortByJson(actual.map(canonicalComponent)),
      sortByJson(expected.map(canonicalComponent)),
    ]
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const pairs = actual.map((item, index) => normalise(item, expected[index]))
    return [pairs.map(([a]) => a), expected.map((item, index) => pairs[index]?.[1] ?? item)]
  }
  if (isObject(actual) && isObject(expected)) {
    const a: Record<string, unknown> = {}
    const e: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(actual)) {
      if (name === '@type' && !('@type' in expected)) continue
      const [na, ne] = normalise(value, expected[name], name)
      a[name] = na
      if (name in expected) e[name] = ne
    }
    for (const [name, value] of Object.entries(expected)) if (!(name in e)) e[name] = value
    return [a, e]
  }
  return [actual, expected]
}

/** Whether a JSCalendar value means what `expected` says (see the module comment). */
export function sameJSCalendar(actual: unknown, expected: unknown): boolean {
  const [a, e] = normalise(actual, expected)
  return deepEqual(a, e)
}

/** The differences of a fragment comparison: keys of `expected` whose value `actual` does not match. */
export function fragmentMismatches(
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
): string[] {
  const mismatches: string[] = []
  for (const [key, value] of Object.entries(expected)) {
    const actualEntries = actual.entries
    if (key === 'entries' && Array.isArray(value) && Array.isArray(actualEntries)) {
      if (value.length !== actualEntries.length)
        mismatches.push(`entries (length ${actualEntries.length})`)
      value.forEach((entry, index) => {
        for (const inner of fragmentMismatches(
          (actualEntries[index] ?? {}) as Record<string, unknown>,
          entry as Record<string, unknown>,
        )) {
          mismatches.push(`entries/${index}/${inner}`)
        }
      })
      continue
    }
    if (!sameJSCalendar(actual[key], value))
      mismatches.push(`${key}: ${JSON.stringify(actual[key])}`)
  }
  return mismatches
}

const mandatory: Record<string, Set<string>> = {
  vcalendar: new Set(['version', 'prodid']),
  vevent: new Set(['uid', 'dtstamp', 'dtstart']),
  vtodo: new Set(['uid', 'dtstamp']),
  vlocation: new Set(['uid']),
}

/**
 * The differences between iCalendar `actual` and the (completed) fragment `expected`: properties
 * compare as multisets, mandatory properties the fragment leaves out are ignored.
 */
export function icalendarMismatches(actual: string, expected: string): string[] {
  const [a] = parseICalendar(actual)
  const [e] = parseICalendar(expected)
  if (a === undefined || e === undefined) return ['no VCALENDAR']
  // A VTIMEZONE the writer generated for an IANA zone (TZID;DERIVED=TRUE) is an addition on
  // purpose: the input named the zone without defining it.
  const tzidOf = (component: ParsedComponent) =>
    component.properties.find((property) => property.name === 'tzid')
  const defined = new Set(e.components.map((component) => tzidOf(component)?.values[0]))
  const generated = (component: ParsedComponent): boolean => {
    const tzid = tzidOf(component)
    return (
      component.name === 'vtimezone' &&
      tzid?.parameters.derived === 'TRUE' &&
      !defined.has(tzid.values[0])
    )
  }
  return componentMismatches(
    { ...a, components: a.components.filter((component) => !generated(component)) },
    e,
    a.name,
  )
}

function componentMismatches(
  actual: ParsedComponent,
  expected: ParsedComponent,
  path: string,
): string[] {
  const omitted = new Set(
    [...(mandatory[actual.name] ?? [])].filter(
      (name) => !expected.properties.some((property) => property.name === name),
    ),
  )
  const a = canonicalProperties(
    actual.properties.filter((property) => !omitted.has(property.name)).map(propertyJCal),
  )
  const e = canonicalProperties(expected.properties.map(propertyJCal))
  const mismatches: string[] = []
  if (!deepEqual(a, e)) {
    const extra = a.filter((item) => !e.some((other) => deepEqual(item, other)))
    const missing = e.filter((item) => !a.some((other) => deepEqual(item, other)))
    mismatches.push(`${path}: extra ${JSON.stringify(extra)} missing ${JSON.stringify(missing)}`)
  }
  const names = (component: ParsedComponent) => component.components.map((sub) => sub.name).sort()
  if (!deepEqual(names(actual), names(expected))) {
    mismatches.push(
      `${path}: components ${names(actual).join(',')} vs ${names(expected).join(',')}`,
    )
    return mismatches
  }
  const byName = (component: ParsedComponent) =>
    [...component.components].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
  const actualSubs = byName(actual)
  byName(expected).forEach((sub, index) => {
    const other = actualSubs[index]
    if (other !== undefined)
      mismatches.push(...componentMismatches(other, sub, `${path}/${sub.name}`))
  })
  return mismatches
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
