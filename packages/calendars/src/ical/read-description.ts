import type { ICalendarRecord } from './icalendar-record.js'
import type { ParsedProperty } from './parse-icalendar.js'
import { parameterText, readText } from './read-values.js'

/**
 * Whether a DESCRIPTION or STYLED-DESCRIPTION can be the description (not derived; styled ones
 * only as text), and is preferred over the one already chosen.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.16, §3.3.44
 */
function readDescription(property: ParsedProperty, current: ParsedProperty | undefined): boolean {
  if (parameterText(property, 'derived')?.toUpperCase() === 'TRUE') return false
  if (property.name === 'styled-description') {
    if (property.type !== 'text') return false
    const type = parameterText(property, 'fmttype')
    if (type !== undefined && !type.toLowerCase().startsWith('text/')) return false
    return current === undefined || current.name === 'description'
  }
  return current === undefined
}

/**
 * The description property to convert after reading `property`: `property` when
 * {@link readDescription} prefers it (the one it replaces is kept unconverted), else `current`
 * (and `property` is kept unconverted).
 */
export function chooseDescription(
  property: ParsedProperty,
  current: ParsedProperty | undefined,
  record: ICalendarRecord,
): ParsedProperty | undefined {
  if (!readDescription(property, current)) {
    record.unconverted(property)
    return current
  }
  if (current !== undefined) record.unconverted(current)
  return property
}

/** An object with a JSCalendar description (Group, Event, Task, Participant). */
export interface DescribedObject {
  description?: string
  descriptionContentType?: string
}

/**
 * Sets `description` (and, from a STYLED-DESCRIPTION's FMTTYPE, `descriptionContentType`)
 * from the chosen property, and records the conversion. `markStyled` says, per owner, when a
 * STYLED-DESCRIPTION must be marked so that writing it back gives STYLED-DESCRIPTION again.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.16, §3.3.44
 */
export function applyDescription(
  description: ParsedProperty,
  target: DescribedObject,
  record: ICalendarRecord,
  markStyled: (contentType: string | undefined) => boolean = () => false,
): void {
  target.description = readText(description)
  const styled = description.name === 'styled-description'
  const type = parameterText(description, 'fmttype')
  if (styled && type !== undefined) target.descriptionContentType = type
  record.converted(
    'description',
    description,
    ['fmttype'],
    styled && markStyled(type) ? true : undefined,
  )
}
