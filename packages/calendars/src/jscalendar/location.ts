import * as v from 'valibot'
import { type ICalComponent, ICalComponentSchema } from './icalendar-component.js'
import { type Link, LinkSchema } from './link.js'
import { type Id, type StringSet, StringSetSchema } from './primitives.js'
import type { VendorProperties } from './vendor-properties.js'

/**
 * A physical place where an event happens.
 *
 * @see draft-ietf-calext-jscalendarbis §2.4.3
 * @example { "@type": "Location", "name": "Taj Mahal", "coordinates": "geo:27.175,78.041944" }
 */
export interface Location extends VendorProperties {
  '@type'?: 'Location'
  name?: string
  /** Location types from the registry of RFC 4589 (`hotel`, `restaurant`…). */
  locationTypes?: StringSet
  /** A `geo:` URI. */
  coordinates?: string
  links?: { [id: Id]: Link }
  /** What the place is, for people (plain text unless `descriptionContentType` says otherwise). */
  description?: string
  descriptionContentType?: string
  iCalendar?: ICalComponent
}

/** Validates a {@link Location}. @see draft-ietf-calext-jscalendarbis §2.4.3 */
export const LocationSchema: v.GenericSchema<Location> = v.looseObject({
  '@type': v.exactOptional(v.literal('Location')),
  name: v.exactOptional(v.string()),
  locationTypes: v.exactOptional(StringSetSchema),
  coordinates: v.exactOptional(v.string()),
  links: v.exactOptional(v.record(v.string(), LinkSchema)),
  description: v.exactOptional(v.string()),
  descriptionContentType: v.exactOptional(v.string()),
  iCalendar: v.exactOptional(ICalComponentSchema),
})
