import type { ComponentWriter } from './component-writer.js'

/**
 * Writes `description` as DESCRIPTION (plain text) or STYLED-DESCRIPTION (any other content type).
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.2
 */
export function writeDescription(
  writer: ComponentWriter,
  object: { description?: string; descriptionContentType?: string },
): void {
  const { description, descriptionContentType } = object
  if (description === undefined) {
    if (descriptionContentType !== undefined)
      writer.jsprop(['descriptionContentType'], descriptionContentType)
    return
  }
  const styled =
    writer.converted('description')?.name === 'styled-description' ||
    (descriptionContentType !== undefined && descriptionContentType !== 'text/plain')
  if (!styled) {
    writer.add('description', 'description', {}, 'text', description)
    if (descriptionContentType !== undefined)
      writer.jsprop(['descriptionContentType'], descriptionContentType)
    return
  }
  const parameters = descriptionContentType === undefined ? {} : { fmttype: descriptionContentType }
  writer.add('description', 'styled-description', parameters, 'text', description)
}
