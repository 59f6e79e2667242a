export {
  type AbsoluteTrigger,
  AbsoluteTriggerSchema,
  type Alert,
  AlertSchema,
  type OffsetTrigger,
  OffsetTriggerSchema,
  type UnknownTrigger,
  UnknownTriggerSchema,
} from './alert.js'
export type { Event } from './event.js'
export { EventSchema, TaskSchema } from './event-task-schemas.js'
export { type Group, GroupSchema, type JSCalendarObject, JSCalendarObjectSchema } from './group.js'
export {
  type ICalComponent,
  ICalComponentSchema,
  type ICalProperty,
  ICalPropertySchema,
  type JCalComponent,
  JCalComponentSchema,
  type JCalParameters,
  type JCalProperty,
  JCalPropertySchema,
} from './icalendar-component.js'
export { type Link, LinkSchema } from './link.js'
export { type Location, LocationSchema } from './location.js'
export { normalizeJSCalendar, normalizePartialJSCalendar } from './normalize.js'
export { type Participant, ParticipantSchema } from './participant.js'
export { applyPatchObject, formatJsonPointer, parseJsonPointer } from './patch-object.js'
export {
  type Duration,
  DurationSchema,
  type Id,
  IdSchema,
  type LocalDateTime,
  LocalDateTimeSchema,
  type PatchObject,
  PatchObjectSchema,
  type SignedDuration,
  SignedDurationSchema,
  type StringSet,
  StringSetSchema,
  type TimeZoneId,
  TimeZoneIdSchema,
  type UTCDateTime,
  UTCDateTimeSchema,
} from './primitives.js'
export {
  type NDay,
  NDaySchema,
  type RecurrenceRule,
  RecurrenceRuleSchema,
} from './recurrence-rule.js'
export { type Relation, RelationSchema } from './relation.js'
export type { SchedulingObject } from './scheduling-object.js'
export type { Task } from './task.js'
export {
  type TimeZone,
  type TimeZoneRule,
  TimeZoneRuleSchema,
  TimeZoneSchema,
} from './time-zone.js'
export type { VendorProperties } from './vendor-properties.js'
export { type VirtualLocation, VirtualLocationSchema } from './virtual-location.js'
