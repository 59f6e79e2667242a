import type { StringSet } from '../jscalendar/primitives.js'
import type { ComponentWriter } from './component-writer.js'

/**
 * Writes `keywords` as CATEGORIES: one comma-separated line, or one line per keyword when a
 * keyword holds a backslash, which ical.js would otherwise split wrongly when reading it back.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.6
 */
export function writeKeywords(writer: ComponentWriter, keywords: StringSet | undefined): void {
  if (keywords === undefined) return
  const values = Object.keys(keywords)
  if (values.length === 0) {
    writer.jsprop(['keywords'], keywords)
    return
  }
  if (values.some((value) => value.includes('\\'))) {
    for (const value of values) writer.add('keywords', 'categories', {}, 'text', value)
  } else {
    writer.add('keywords', 'categories', {}, 'text', ...values)
  }
}
