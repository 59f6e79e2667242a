import { setOwnProperty } from '../jscalendar/set-own-property.js'

/**
 * A deep copy of a JSON value (as ical.js returns jCal: arrays, plain objects, primitives).
 *
 * Whatever parsed jCal goes into a converted object is copied on the way out: the parser's
 * properties (also read by the time zone rules) and two converted objects must never share (and
 * so mutate) the same array.
 *
 * @example copyJson(['summary', {}, 'text', 'Hi'])
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length)
    for (let index = 0; index < value.length; index++) copy[index] = copyJson(value[index])
    return copy as T
  }
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value))
    setOwnProperty(copy, key, copyJson((value as Record<string, unknown>)[key]))
  return copy as T
}
