import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { sameJSCalendar } from '../../test/ical-support/semantic-comparison.js'
import { completeICalendar, parseJsonSection } from '../../test/ical-support/vectors.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'

// The examples of draft-ietf-calext-jscalendar-icalendar-25 §3: each iCalendar example followed
// by its JSCalendar example. "..." stands for whatever else is there, so it is left out of the
// comparison; where an example elides the property a key derives from (a UID shown as "..."),
// map entries are matched by value rather than by key; defaults the draft spells out and this
// converter leaves implicit (`"showWithoutTime": false`) count as equal.
// The draft's text is the project's own copy (fixtures/specs), so a clone needs nothing beside it.
const draft = readFileSync(
  new URL('../../../../fixtures/specs/jscalendar-icalendar-25.md', import.meta.url),
  'utf8',
)
const body = draft.slice(
  draft.indexOf('# Converting iCalendar to JSCalendar'),
  draft.indexOf('# Converting JSCalendar to iCalendar'),
)
// Blank lines (some hold two spaces) separate nothing in an example; they are dropped.
const blocks = [...body.matchAll(/```\n([\s\S]*?)```/g)].map((match) =>
  (match[1] as string)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n'),
)
const isJson = (block: string) => /^\s*[{"]/.test(block)
const examples: Array<{ ical: string; json: string; index: number }> = []
blocks.forEach((block, index) => {
  const next = blocks[index + 1]
  if (!isJson(block) && next !== undefined && isJson(next))
    examples.push({ ical: block, json: next, index })
})

const maps = new Set(['alerts', 'participants', 'locations', 'links', 'virtualLocations'])
const defaults: Record<string, unknown> = { showWithoutTime: false }
type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Whether `actual` says at least what the expected fragment says ("..." ignored). */
function covers(actual: unknown, expected: unknown): boolean {
  if (!isObject(expected)) return sameJSCalendar(actual, expected)
  if (!isObject(actual)) return false
  return Object.keys(expected).every((key) => coversKey(actual, expected, key))
}

/** Whether `actual[key]` says at least what `expected[key]` says. */
function coversKey(actual: JsonObject, expected: JsonObject, key: string): boolean {
  const value = expected[key]
  const inner = actual[key]
  if (key === '...') return true
  if (inner === undefined && defaults[key] === value) return true
  if (key === 'entries' && Array.isArray(value) && Array.isArray(inner)) {
    return value.every((entry, index) => covers(rekey(inner[index], entry), entry))
  }
  // jCal lists compare as multisets, which the comparison does under their own key.
  return Array.isArray(value)
    ? sameJSCalendar({ [key]: inner }, { [key]: value })
    : covers(inner, value)
}

/** Gives the entries of `actual`'s maps the keys of the expected entries they match. */
function rekey(actual: unknown, expected: unknown): unknown {
  if (!isObject(actual) || !isObject(expected)) return actual
  const result: JsonObject = { ...actual }
  for (const [name, expectedMap] of Object.entries(expected)) {
    const actualMap = actual[name]
    if (!maps.has(name) || !isObject(expectedMap) || !isObject(actualMap)) continue
    const remaining = new Map(Object.entries(actualMap))
    const rekeyed: JsonObject = {}
    for (const [key, value] of Object.entries(expectedMap)) {
      if (key === '...') continue
      const exact = remaining.get(key)
      const found =
        exact !== undefined && covers(exact, value)
          ? key
          : [...remaining.keys()].find((candidate) => covers(remaining.get(candidate), value))
      if (found === undefined) continue
      rekeyed[key] = remaining.get(found)
      remaining.delete(found)
      if (name === 'locations' && actual.mainLocationId === found) result.mainLocationId = key
    }
    for (const [key, value] of remaining) rekeyed[key] = value
    result[name] = rekeyed
  }
  return result
}

describe('examples of draft-ietf-calext-jscalendar-icalendar-25 §3 (iCalendar → JSCalendar)', () => {
  test('there are examples to check', () => {
    expect(examples.length).toBeGreaterThan(50)
  })
  for (const { ical, json, index } of examples) {
    const title = ical.split('\n').slice(0, 2).join(' | ')
    test(`#${index}: ${title}`, () => {
      const group = icalendarToJSCalendar(completeICalendar(ical), { entryProdId: true })
      const expected = parseJsonSection(json)
      const actual = expected['@type'] === 'Group' ? group : group.entries[0]
      const rekeyed = rekey(actual, expected) as JsonObject
      const mismatches = Object.keys(expected).filter((key) => !coversKey(rekeyed, expected, key))
      expect(mismatches).toEqual([])
    })
  }
})
