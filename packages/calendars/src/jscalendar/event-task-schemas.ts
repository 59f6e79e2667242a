import * as v from 'valibot'
import { AlertSchema } from './alert.js'
import type { Event } from './event.js'
import { ICalComponentSchema } from './icalendar-component.js'
import { LinkSchema } from './link.js'
import { LocationSchema } from './location.js'
import { ParticipantSchema } from './participant.js'
import {
  DurationSchema,
  LocalDateTimeSchema,
  PatchObjectSchema,
  StringSetSchema,
  TimeZoneIdSchema,
  UTCDateTimeSchema,
} from './primitives.js'
import { RecurrenceRuleSchema } from './recurrence-rule.js'
import { RelationSchema } from './relation.js'
import type { Task } from './task.js'
import { VirtualLocationSchema } from './virtual-location.js'

// One entries table for both schemas keeps Event and Task validation from drifting apart;
// it stays private because its inferred type cannot be exported under isolatedDeclarations.
const schedulingObjectEntries = {
  uid: v.string(),
  version: v.exactOptional(v.string()),
  relatedTo: v.exactOptional(v.record(v.string(), RelationSchema)),
  prodId: v.exactOptional(v.string()),
  created: v.exactOptional(UTCDateTimeSchema),
  updated: v.exactOptional(UTCDateTimeSchema),
  sequence: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  method: v.exactOptional(v.string()),
  title: v.exactOptional(v.string()),
  description: v.exactOptional(v.string()),
  descriptionContentType: v.exactOptional(v.string()),
  showWithoutTime: v.exactOptional(v.boolean()),
  locations: v.exactOptional(v.record(v.string(), LocationSchema)),
  mainLocationId: v.exactOptional(v.string()),
  virtualLocations: v.exactOptional(v.record(v.string(), VirtualLocationSchema)),
  links: v.exactOptional(v.record(v.string(), LinkSchema)),
  locale: v.exactOptional(v.string()),
  keywords: v.exactOptional(StringSetSchema),
  categories: v.exactOptional(StringSetSchema),
  color: v.exactOptional(v.string()),
  recurrenceId: v.exactOptional(LocalDateTimeSchema),
  recurrenceIdTimeZone: v.exactOptional(TimeZoneIdSchema),
  recurrenceRule: v.exactOptional(RecurrenceRuleSchema),
  recurrenceOverrides: v.exactOptional(v.record(LocalDateTimeSchema, PatchObjectSchema)),
  priority: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9))),
  freeBusyStatus: v.exactOptional(v.string()),
  privacy: v.exactOptional(v.string()),
  organizerCalendarAddress: v.exactOptional(v.string()),
  sentBy: v.exactOptional(v.string()),
  participants: v.exactOptional(v.record(v.string(), ParticipantSchema)),
  alerts: v.exactOptional(v.record(v.string(), AlertSchema)),
  timeZone: v.exactOptional(TimeZoneIdSchema),
  iCalendar: v.exactOptional(ICalComponentSchema),
}

/** Validates an {@link Event}; unknown and vendor properties are kept. @see draft-ietf-calext-jscalendarbis §5.1 */
export const EventSchema: v.GenericSchema<Event> = v.looseObject({
  ...schedulingObjectEntries,
  '@type': v.literal('Event'),
  start: v.exactOptional(LocalDateTimeSchema),
  duration: v.exactOptional(DurationSchema),
  endTimeZone: v.exactOptional(TimeZoneIdSchema),
  status: v.exactOptional(v.string()),
})

/** Validates a {@link Task}; unknown and vendor properties are kept. @see draft-ietf-calext-jscalendarbis §5.2 */
export const TaskSchema: v.GenericSchema<Task> = v.looseObject({
  ...schedulingObjectEntries,
  '@type': v.literal('Task'),
  due: v.exactOptional(LocalDateTimeSchema),
  start: v.exactOptional(LocalDateTimeSchema),
  estimatedDuration: v.exactOptional(DurationSchema),
  duration: v.exactOptional(DurationSchema),
  percentComplete: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  progress: v.exactOptional(v.string()),
})
