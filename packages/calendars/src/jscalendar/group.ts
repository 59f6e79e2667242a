import * as v from 'valibot'
import type { Event } from './event.js'
import { EventSchema, TaskSchema } from './event-task-schemas.js'
import { type ICalComponent, ICalComponentSchema } from './icalendar-component.js'
import { type Link, LinkSchema } from './link.js'
import {
  type Id,
  type StringSet,
  StringSetSchema,
  type UTCDateTime,
  UTCDateTimeSchema,
} from './primitives.js'
import type { Task } from './task.js'
import type { VendorProperties } from './vendor-properties.js'

/**
 * A JSCalendar Group: a collection of events and tasks, the JSCalendar form of a VCALENDAR.
 *
 * @see draft-ietf-calext-jscalendarbis §5.3
 * @example { "@type": "Group", "version": "2.0", "uid": "41aa02b6", "entries": [{ "@type": "Event", "uid": "a8df6573", "start": "2024-04-01T09:00:00" }] }
 */
export interface Group extends VendorProperties {
  '@type': 'Group'
  entries: Array<Event | Task>
  /** `"2.0"`; mandatory on a Group in JSCalendar 2.0. */
  version?: string
  uid?: string
  source?: string
  prodId?: string
  created?: UTCDateTime
  updated?: UTCDateTime
  title?: string
  description?: string
  descriptionContentType?: string
  locale?: string
  keywords?: StringSet
  categories?: StringSet
  color?: string
  links?: { [id: Id]: Link }
  iCalendar?: ICalComponent
}

/**
 * Any top-level JSCalendar object.
 *
 * @see draft-ietf-calext-jscalendarbis §5
 * @example { "@type": "Task", "uid": "2a358cee", "title": "Do it" }
 */
export type JSCalendarObject = Event | Task | Group

/** Validates a {@link Group}; unknown and vendor properties are kept. @see draft-ietf-calext-jscalendarbis §5.3 */
export const GroupSchema: v.GenericSchema<Group> = v.looseObject({
  '@type': v.literal('Group'),
  entries: v.array(v.union([EventSchema, TaskSchema])),
  version: v.exactOptional(v.string()),
  uid: v.exactOptional(v.string()),
  source: v.exactOptional(v.string()),
  prodId: v.exactOptional(v.string()),
  created: v.exactOptional(UTCDateTimeSchema),
  updated: v.exactOptional(UTCDateTimeSchema),
  title: v.exactOptional(v.string()),
  description: v.exactOptional(v.string()),
  descriptionContentType: v.exactOptional(v.string()),
  locale: v.exactOptional(v.string()),
  keywords: v.exactOptional(StringSetSchema),
  categories: v.exactOptional(StringSetSchema),
  color: v.exactOptional(v.string()),
  links: v.exactOptional(v.record(v.string(), LinkSchema)),
  iCalendar: v.exactOptional(ICalComponentSchema),
})

/** Validates any {@link JSCalendarObject}. @see draft-ietf-calext-jscalendarbis §5 */
export const JSCalendarObjectSchema: v.GenericSchema<JSCalendarObject> = v.union([
  EventSchema,
  TaskSchema,
  GroupSchema,
])
