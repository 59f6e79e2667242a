import { setOwnProperty } from '../jscalendar/set-own-property.js'
import { hasOwnKeys } from './has-own-keys.js'
import type { ICalendarRecord } from './icalendar-record.js'
import type { ParsedProperty } from './parse-icalendar.js'
import { readTextList } from './read-values.js'

/**
 * Reads the CATEGORIES (to `keywords`) and CONCEPT (to `categories`) lines of one component.
 *
 * Lines without parameters merge into one set, as they mean the same. Once a line has
 * parameters (LANGUAGE, say), each line from there on is recorded at its first value
 * (`keywords/<value>`), so the writer starts a new line there with that line's parameters; a line
 * whose values are all already in the set stays unconverted.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.6, §3.3.10
 */
export class KeywordLines {
  readonly #split = new Set<string>()

  /** Adds one CATEGORIES or CONCEPT line to `target`. */
  read(property: ParsedProperty, target: Record<string, unknown>, record: ICalendarRecord): void {
    const key = property.name === 'categories' ? 'keywords' : 'categories'
    const existing = target[key] as Record<string, true> | undefined
    const values = readTextList(property)
    const fresh = values.filter(
      (value) => existing === undefined || !Object.hasOwn(existing, value),
    )
    const [first] = fresh
    if (existing !== undefined && first === undefined) {
      record.unconverted(property)
      return
    }
    const set = existing ?? {}
    for (const value of values) setOwnProperty(set, value, true)
    target[key] = set
    const hasParameters = hasOwnKeys(property.parameters)
    if (existing === undefined) {
      if (hasParameters) this.#split.add(key)
      record.converted(key, property, [])
    } else if (hasParameters || this.#split.has(key)) {
      this.#split.add(key)
      record.converted([key, first as string], property, [], true)
    } else record.converted(key, property, [])
  }
}
