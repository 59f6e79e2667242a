import * as v from 'valibot'
import { type ICalComponent, ICalComponentSchema } from './icalendar-component.js'
import { type StringSet, StringSetSchema } from './primitives.js'
import type { VendorProperties } from './vendor-properties.js'

/**
 * A place on the network where an event happens: a video call, a chat room, a phone bridge.
 *
 * @see draft-ietf-calext-jscalendarbis §2.4.5
 * @example { "@type": "VirtualLocation", "uri": "https://chat.example.com/audio?id=123456", "features": { "audio": true } }
 */
export interface VirtualLocation extends VendorProperties {
  '@type'?: 'VirtualLocation'
  uri: string
  name?: string
  /** `audio`, `chat`, `feed`, `moderator`, `phone`, `screen`, `video`. */
  features?: StringSet
  descriptionContentType?: string
  iCalendar?: ICalComponent
}

/** Validates a {@link VirtualLocation}. @see draft-ietf-calext-jscalendarbis §2.4.5 */
export const VirtualLocationSchema: v.GenericSchema<VirtualLocation> = v.looseObject({
  '@type': v.exactOptional(v.literal('VirtualLocation')),
  uri: v.string(),
  name: v.exactOptional(v.string()),
  features: v.exactOptional(StringSetSchema),
  descriptionContentType: v.exactOptional(v.string()),
  iCalendar: v.exactOptional(ICalComponentSchema),
})
