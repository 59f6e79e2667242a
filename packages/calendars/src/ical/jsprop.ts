import { parseJsonPointer } from '../jscalendar/patch-object.js'
import { setOwnProperty } from '../jscalendar/set-own-property.js'
import { ICalendarParseError } from './icalendar-parse-error.js'
import type { ParsedProperty } from './parse-icalendar.js'
import { parameterText, readText } from './read-values.js'

/**
 * Applies the JSPROP properties of a component to the object it converted to: each sets a new
 * property at its JSPTR pointer, and a pointer to a property that already exists is ignored.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §5.1.2
 */
export function applyJsprops(
  target: Record<string, unknown>,
  jsprops: readonly ParsedProperty[],
): void {
  for (const property of jsprops) {
    const pointer = parameterText(property, 'jsptr')
    if (pointer === undefined || pointer.startsWith('/')) {
      throw new ICalendarParseError({
        line: property.line,
        reason: 'JSPROP needs a JSPTR parameter that does not start with "/"',
      })
    }
    let value: unknown
    try {
      value = JSON.parse(readText(property))
    } catch (error) {
      throw new ICalendarParseError(
        {
          line: property.line,
          reason: `JSPROP value is not JSON: ${readText(property).slice(0, 40)}`,
        },
        { cause: error },
      )
    }
    if (value === null) continue
    const tokens = parseJsonPointer(pointer)
    let parent: Record<string, unknown> = target
    for (const token of tokens.slice(0, -1)) {
      // Own properties only: a pointer through "__proto__" must never reach a shared prototype.
      const child = Object.hasOwn(parent, token) ? parent[token] : undefined
      if (child === undefined) {
        const created: Record<string, unknown> = {}
        setOwnProperty(parent, token, created)
        parent = created
      } else if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
        parent = child as Record<string, unknown>
      } else {
        parent = {}
        break
      }
    }
    const last = tokens[tokens.length - 1] ?? ''
    if (!Object.hasOwn(parent, last)) setOwnProperty(parent, last, value)
  }
}
