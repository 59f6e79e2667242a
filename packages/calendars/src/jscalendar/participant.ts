import * as v from 'valibot'
import { type ICalComponent, ICalComponentSchema } from './icalendar-component.js'
import { type Link, LinkSchema } from './link.js'
import { type Id, type StringSet, StringSetSchema } from './primitives.js'
import type { VendorProperties } from './vendor-properties.js'

/**
 * Someone (or something) taking part in an event or task: attendee, organizer, room, resource.
 *
 * @see draft-ietf-calext-jscalendarbis §2.6.2
 * @example { "@type": "Participant", "calendarAddress": "mailto:hcabot@example.com", "name": "Henry Cabot", "participationStatus": "tentative", "expectReply": true }
 */
export interface Participant extends VendorProperties {
  '@type'?: 'Participant'
  name?: string
  email?: string
  description?: string
  descriptionContentType?: string
  /** The address to schedule with, usually `mailto:`. */
  calendarAddress?: string
  /** `individual`, `group`, `location`, `resource`, or another registered value. */
  kind?: string
  /** `owner`, `optional`, `informational`, `chair`, `required`, or another value. */
  roles?: StringSet
  /** `needs-action` (default), `accepted`, `declined`, `tentative`, `delegated`. */
  participationStatus?: string
  expectReply?: boolean
  sentBy?: string
  delegatedTo?: StringSet
  delegatedFrom?: StringSet
  memberOf?: StringSet
  links?: { [id: Id]: Link }
  /** Task only: `in-process`, `completed`, `failed`. */
  progress?: string
  /** Task only: 0–100. */
  percentComplete?: number
  /** JMAP Calendars: the sequence of the last scheduling message. */
  scheduleSequence?: number
  /** JMAP Calendars: when the last scheduling message was received. */
  scheduleUpdated?: string
  iCalendar?: ICalComponent
}

/** Validates a {@link Participant}. @see draft-ietf-calext-jscalendarbis §2.6.2 */
export const ParticipantSchema: v.GenericSchema<Participant> = v.looseObject({
  '@type': v.exactOptional(v.literal('Participant')),
  name: v.exactOptional(v.string()),
  email: v.exactOptional(v.string()),
  description: v.exactOptional(v.string()),
  descriptionContentType: v.exactOptional(v.string()),
  calendarAddress: v.exactOptional(v.string()),
  kind: v.exactOptional(v.string()),
  roles: v.exactOptional(StringSetSchema),
  participationStatus: v.exactOptional(v.string()),
  expectReply: v.exactOptional(v.boolean()),
  sentBy: v.exactOptional(v.string()),
  delegatedTo: v.exactOptional(StringSetSchema),
  delegatedFrom: v.exactOptional(StringSetSchema),
  memberOf: v.exactOptional(StringSetSchema),
  links: v.exactOptional(v.record(v.string(), LinkSchema)),
  progress: v.exactOptional(v.string()),
  percentComplete: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  scheduleSequence: v.exactOptional(v.number()),
  scheduleUpdated: v.exactOptional(v.string()),
  iCalendar: v.exactOptional(ICalComponentSchema),
})
