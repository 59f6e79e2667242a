import type { ParsedProperty } from './parse-icalendar.js'
import { parameterText } from './read-values.js'

/**
 * Whether a DESCRIPTION or STYLED-DESCRIPTION can be the description (not derived; styled ones
 * only as text), and is preferred over the one already chosen.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.16, §3.3.44
 */
export function readDescription(
  property: ParsedProperty,
  current: ParsedProperty | undefined,
): boolean {
  if (parameterText(property, 'derived')?.toUpperCase() === 'TRUE') return false
  if (property.name === 'styled-description') {
    if (property.type !== 'text') return false
    const type = parameterText(property, 'fmttype')
    if (type !== undefined && !type.toLowerCase().startsWith('text/')) return false
    return current === undefined || current.name === 'description'
  }
  return current === undefined
}
