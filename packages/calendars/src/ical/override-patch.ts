import { isJsonObject } from '@typed-jmap/core/internal'
import { formatJsonPointer } from '../jscalendar/patch-object.js'
import type { PatchObject } from '../jscalendar/primitives.js'
import { setOwnProperty } from '../jscalendar/set-own-property.js'

/**
 * The properties a recurrence override may not patch (JSCalendar 2.0), plus the recurrence
 * properties of the main object, which an instance never carries.
 *
 * @see draft-ietf-calext-jscalendarbis §4.3.5
 */
const notPatched = new Set([
  '@type',
  'method',
  'organizerCalendarAddress',
  'privacy',
  'prodId',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'sentBy',
  'uid',
  'recurrenceOverrides',
  'recurrenceRule',
  'excluded',
])

/**
 * The PatchObject that turns the main object into one of its instances: changed values at the
 * deepest object that differs, `null` for what the instance lacks.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.1.2
 * @example diffPatch({ title: 'a', start: '2024-01-01T10:00:00' }, { title: 'a', start: '2024-01-02T11:00:00' })
 * // → { start: '2024-01-02T11:00:00' }
 */
export function diffPatch(
  main: Record<string, unknown>,
  instance: Record<string, unknown>,
): PatchObject {
  const patch: PatchObject = {}
  diffInto(patch, [], main, instance, true)
  return patch
}

function diffInto(
  patch: PatchObject,
  path: string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  top: boolean,
): void {
  for (const key in before) diffKey(patch, path, before, after, key, top)
  for (const key in after)
    if (!Object.hasOwn(before, key)) diffKey(patch, path, before, after, key, top)
}

function diffKey(
  patch: PatchObject,
  path: string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  key: string,
  top: boolean,
): void {
  if (top && notPatched.has(key)) return
  const from = before[key]
  const to = after[key]
  if (deepEqual(from, to)) return
  const here = [...path, key]
  if (isJsonObject(from) && isJsonObject(to)) diffInto(patch, here, from, to, false)
  else setOwnProperty(patch, formatJsonPointer(here), to === undefined ? null : to)
}

/** Structural equality of JSON values (object key order does not matter). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]))
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  if (keys.length !== Object.keys(right).length) return false
  return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]))
}
