import * as v from 'valibot'
import { type ICalComponent, ICalComponentSchema } from './icalendar-component.js'
import { type StringSet, StringSetSchema } from './primitives.js'
import type { VendorProperties } from './vendor-properties.js'

/**
 * A link to an external resource: an attachment, an image, a web page.
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.11
 * @example { "@type": "Link", "href": "https://example.com/foo.pdf", "contentType": "application/pdf" }
 */
export interface Link extends VendorProperties {
  '@type'?: 'Link'
  /** The URI of the resource (a `data:` URI for inline content). */
  href: string
  contentType?: string
  size?: number
  /** The link relation; `enclosure` when absent. */
  rel?: string
  /** Where to show it: `badge`, `graphic`, `fullsize`, `thumbnail`. */
  display?: StringSet
  title?: string
  /** JMAP: the blob holding the content. */
  blobId?: string
  iCalendar?: ICalComponent
}

/** Validates a {@link Link}. @see draft-ietf-calext-jscalendarbis §1.4.11 */
export const LinkSchema: v.GenericSchema<Link> = v.looseObject({
  '@type': v.exactOptional(v.literal('Link')),
  href: v.string(),
  contentType: v.exactOptional(v.string()),
  size: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  rel: v.exactOptional(v.string()),
  display: v.exactOptional(StringSetSchema),
  title: v.exactOptional(v.string()),
  blobId: v.exactOptional(v.string()),
  iCalendar: v.exactOptional(ICalComponentSchema),
})
