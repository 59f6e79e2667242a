import { uuidV5 } from '@typed-jmap/core/internal'
import type { Link } from '../jscalendar/link.js'
import { formatJsonPointer } from '../jscalendar/patch-object.js'
import type { ComponentWriter } from './component-writer.js'
import { linkPropertyFor } from './read-links.js'

const knownLinkKeys = new Set(['@type', 'href', 'contentType', 'size', 'rel', 'display', 'title'])
const impliedRel: Record<string, string | undefined> = {
  attach: undefined,
  image: 'icon',
  url: 'describedby',
}

/**
 * Writes Links as ATTACH, IMAGE, URL or LINK properties (chosen by `rel`, or by the property
 * name the `iCalendar` property kept); `data:` URIs become BINARY values.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.4
 */
export function writeLinks(
  writer: ComponentWriter,
  links: { [id: string]: Link } | undefined,
  prefix: readonly string[] = [],
): void {
  if (links === undefined) return
  let urlUsed = false
  for (const [key, link] of Object.entries(links)) {
    const path = formatJsonPointer([...prefix, 'links', key, 'href'])
    let kind = writer.converted(path)?.name ?? linkPropertyFor(link.rel)
    if (kind === 'url' && urlUsed) kind = 'link'
    if (kind === 'url') urlUsed = true
    const parameters = writer.jsid({}, key, uuidV5(link.href))
    const data = /^data:([^;,]*)((?:;[^;,]*)*);base64,(.*)$/s.exec(link.href)
    let type = 'uri'
    let value = link.href
    if (data !== null && (kind === 'attach' || kind === 'image')) {
      type = 'binary'
      value = data[3] ?? ''
      parameters.encoding = 'BASE64'
      if (data[1]) parameters.fmttype = data[1]
    }
    if (link.contentType !== undefined) parameters.fmttype = link.contentType
    if (link.size !== undefined) parameters.size = String(link.size)
    if (link.display !== undefined)
      parameters.display = Object.keys(link.display).map((item) => item.toUpperCase())
    if (link.title !== undefined)
      parameters[kind === 'attach' || kind === 'image' ? 'filename' : 'label'] = link.title
    if (kind === 'link') {
      if (link.rel !== undefined) parameters.linkrel = link.rel
    } else if (link.rel !== impliedRel[kind]) {
      writer.jsprop([...prefix, 'links', key, 'rel'], link.rel)
    }
    writer.add(path, kind, parameters, type, value)
    writer.unknown(link, knownLinkKeys, [...prefix, 'links', key])
  }
}
