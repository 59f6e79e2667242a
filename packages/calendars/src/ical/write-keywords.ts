import { formatJsonPointer } from '../jscalendar/patch-object.js'
import type { StringSet } from '../jscalendar/primitives.js'
import type { ComponentWriter } from './component-writer.js'

/**
 * Writes `keywords` as CATEGORIES: one comma-separated line, a new line at each keyword the
 * `iCalendar` property recorded a line of its own for (with that line's parameters), or one line
 * per keyword when a keyword holds a backslash, which ical.js would otherwise split wrongly when
 * reading it back.
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
  const perValue = values.some((value) => value.includes('\\'))
  const lines: Array<{ path: string; values: string[] }> = []
  for (const value of values) {
    const own = formatJsonPointer(['keywords', value])
    const current = lines[lines.length - 1]
    if (current === undefined) lines.push({ path: 'keywords', values: [value] })
    else if (perValue || writer.converted(own) !== undefined)
      lines.push({ path: own, values: [value] })
    else current.values.push(value)
  }
  for (const line of lines) writer.add(line.path, 'categories', {}, 'text', ...line.values)
}
