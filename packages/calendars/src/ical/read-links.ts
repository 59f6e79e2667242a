import { uuidV5 } from '@typed-jmap/core/internal'
import type { Link } from '../jscalendar/link.js'
import { setOwnProperty } from '../jscalendar/set-own-property.js'
import type { ICalendarRecord } from './icalendar-record.js'
import type { ParsedProperty } from './parse-icalendar.js'
import { parameterList, parameterText, readText, uniqueKey } from './read-values.js'

/** The iCalendar properties that become Link objects. */
export const linkPropertyNames: ReadonlySet<string> = new Set(['attach', 'image', 'link', 'url'])

/**
 * The property a Link converts back to, by its `rel`, following the draft's guideline.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.4
 */
export function linkPropertyFor(rel: string | undefined): 'attach' | 'image' | 'url' | 'link' {
  if (rel === undefined || rel === 'enclosure') return 'attach'
  if (rel === 'icon') return 'image'
  if (rel === 'describedby') return 'url'
  return 'link'
}

/**
 * Converts an ATTACH, IMAGE, LINK or URL property into a Link in `links`; returns false when the
 * property cannot be a Link (a LINK whose value is not a URI).
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.3, §3.3.24, §3.3.26, §3.3.46
 */
export function readLink(
  property: ParsedProperty,
  links: { [id: string]: Link },
  record: ICalendarRecord,
): boolean {
  const kind = property.name
  if (kind === 'link' && property.type !== 'uri') return false
  const consumed = ['fmttype', 'size', 'display', 'encoding']
  const value = readText(property)
  const contentType = parameterText(property, 'fmttype')
  const href = property.type === 'binary' ? `data:${contentType ?? ''};base64,${value}` : value
  const link: Link = { '@type': 'Link', href }
  if (contentType !== undefined) link.contentType = contentType
  const size = parameterText(property, 'size')
  if (size !== undefined && /^\d+$/.test(size)) link.size = Number(size)
  else if (size !== undefined) consumed.splice(consumed.indexOf('size'), 1)
  let rel: string | undefined
  if (kind === 'image') rel = 'icon'
  else if (kind === 'url') rel = 'describedby'
  else if (kind === 'link') {
    rel = parameterText(property, 'linkrel')
    consumed.push('linkrel')
  }
  if (rel !== undefined) link.rel = rel
  const display = parameterList(property, 'display')
  if (display.length > 0) {
    link.display = {}
    for (const item of display) setOwnProperty(link.display, item.toLowerCase(), true)
  }
  const filename = parameterText(property, 'filename')
  const label = parameterText(property, 'label')
  if (filename !== undefined) {
    link.title = filename
    consumed.push('filename')
  } else if (label !== undefined) {
    link.title = label
    consumed.push('label')
  }
  // The writer makes only the first "describedby" link a URL; the others become LINK.
  const urlTaken =
    rel === 'describedby' && Object.values(links).some((other) => other.rel === 'describedby')
  const jsid = parameterText(property, 'jsid')
  const key = jsid ?? uniqueKey(links, uuidV5(href))
  setOwnProperty(links, key, link)
  // The property name only needs keeping when `rel` would lead back to another property.
  const back = urlTaken ? 'link' : linkPropertyFor(rel)
  record.converted(['links', key, 'href'], property, consumed, back !== kind ? true : undefined)
  return true
}
