import ICAL from 'ical.js'

/** A RECUR value as jCal has it: lowercase part names, numbers where ical.js reads numbers. */
export type RecurValue = Record<string, unknown>

const semicolon = 59
const equals = 61
const plus = 43
const minus = 45

/** ical.js's converters of the UNTIL part (the design set's own, as ical.js calls them). */
const dateTimeValue = ICAL.design.icalendar.value['date-time'] as {
  fromICAL(value: string): string
}
const dateValue = ICAL.design.icalendar.value.date as { fromICAL(value: string): string }

/** Integer BY parts with the range ical.js allows, keyed by the name as RFC 5545 spells it. */
const numericParts = new Map<string, { name: string; min: number; max: number }>(
  (
    [
      ['BYSECOND', 0, 60],
      ['BYMINUTE', 0, 59],
      ['BYHOUR', 0, 23],
      ['BYMONTHDAY', -31, 31],
      ['BYYEARDAY', -366, 366],
      ['BYWEEKNO', -53, 53],
      ['BYMONTH', 1, 12],
      ['BYSETPOS', -366, 366],
    ] as const
  ).map(([name, min, max]) => [name, { name: name.toLowerCase(), min, max }]),
)

const frequencies = new Set([
  'SECONDLY',
  'MINUTELY',
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
])
/** WKST as ical.js reads it: the day's number, Sunday 1. */
const weekStarts = new Map([
  ['SU', 1],
  ['MO', 2],
  ['TU', 3],
  ['WE', 4],
  ['TH', 5],
  ['FR', 6],
  ['SA', 7],
])
const bydayPart = /^([+-])?(5[0-3]|[1-4][0-9]|[1-9])?(SU|MO|TU|WE|TH|FR|SA)$/

/**
 * Reads a RECUR value (`FREQ=WEEKLY;BYDAY=MO,TU`) exactly as ical.js's `fromICAL` does, in one
 * pass without splitting the text into arrays of parts; `undefined` for what it leaves to ical.js
 * (lowercase or unknown part names, a part without `=` or with a second one, empty or malformed
 * values, numbers out of range: ical.js throws, keeps or reads those in ways of its own).
 *
 * ical.js puts each part into a fresh object in input order, a repeated part keeping its first
 * place and its last value, and BY parts' values without repeats (one value as itself, more as
 * an array); so does this reader.
 *
 * @see RFC 5545 §3.3.10
 * @example readRecurValue('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU') // { freq: 'YEARLY', bymonth: 10, byday: '-1SU' }
 */
export function readRecurValue(text: string): RecurValue | undefined {
  // A plain object, not ical.js's prototype-less one: V8 keeps those as dictionaries, whose keys
  // cost ~0.5 µs to list in each stage; it only ever gets the part names below, none of which an
  // object inherits, and keeps them in input order all the same.
  const recur: RecurValue = {}
  const length = text.length
  let start = 0
  while (start < length) {
    let equal = -1
    let end = start
    while (end < length) {
      const char = text.charCodeAt(end)
      if (char === semicolon) break
      if (char === equals) {
        if (equal !== -1) return undefined
        equal = end
      }
      end++
    }
    if (equal === -1 || equal === end - 1) return undefined
    const part = text.slice(start, equal)
    const value = text.slice(equal + 1, end)
    if (!readPart(recur, part, value)) return undefined
    // A ';' at the very end leaves an empty part, which ical.js keeps as `'': undefined`.
    if (end === length - 1) return undefined
    start = end + 1
  }
  return start === 0 ? undefined : recur
}

/** Adds one part, or `false` when ical.js would read it another way than the plain one. */
function readPart(recur: RecurValue, part: string, value: string): boolean {
  const numeric = numericParts.get(part)
  if (numeric !== undefined) {
    return setList(recur, numeric.name, value, (item) =>
      boundedInteger(item, numeric.min, numeric.max),
    )
  }
  switch (part) {
    case 'FREQ':
      if (!frequencies.has(value)) return false
      recur.freq = value
      return true
    case 'COUNT': {
      const count = unsignedInteger(value)
      if (count === undefined) return false
      recur.count = count
      return true
    }
    case 'INTERVAL': {
      const interval = unsignedInteger(value)
      if (interval === undefined) return false
      recur.interval = Math.max(interval, 1)
      return true
    }
    case 'UNTIL':
      recur.until = value.length > 10 ? dateTimeValue.fromICAL(value) : dateValue.fromICAL(value)
      return true
    case 'WKST': {
      const day = weekStarts.get(value)
      if (day === undefined) return false
      recur.wkst = day
      return true
    }
    case 'BYDAY':
      return setList(recur, 'byday', value, (item) => (bydayPart.test(item) ? item : undefined))
    default:
      return false
  }
}

/**
 * Sets a BY part from its comma-separated items, each read by `read` (`undefined`: not the plain
 * way), without repeats; one item is kept as itself, more as an array.
 */
function setList<T>(
  recur: RecurValue,
  name: string,
  value: string,
  read: (item: string) => T | undefined,
): boolean {
  if (value.indexOf(',') === -1) {
    const item = read(value)
    if (item === undefined) return false
    recur[name] = item
    return true
  }
  const items: T[] = []
  let start = 0
  while (start <= value.length) {
    let end = value.indexOf(',', start)
    if (end === -1) end = value.length
    const item = read(value.slice(start, end))
    if (item === undefined) return false
    if (!items.includes(item)) items.push(item)
    start = end + 1
  }
  recur[name] = items.length === 1 ? items[0] : items
  return true
}

/** Digits only, as a number (what `parseInt` reads of them); `undefined` for anything else. */
function unsignedInteger(text: string): number | undefined {
  if (text.length === 0 || text.length > 15) return undefined
  for (let index = 0; index < text.length; index++) {
    const digit = text.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return undefined
  }
  return Number.parseInt(text, 10)
}

/** An integer with an optional sign within `min`…`max`; `undefined` for anything else. */
function boundedInteger(text: string, min: number, max: number): number | undefined {
  const first = text.charCodeAt(0)
  const signed = first === plus || first === minus
  const magnitude = unsignedInteger(signed ? text.slice(1) : text)
  if (magnitude === undefined) return undefined
  // -0 is read as 0, as ical.js's Set of values makes it.
  const number = first === minus && magnitude !== 0 ? -magnitude : magnitude
  return number < min || number > max ? undefined : number
}
