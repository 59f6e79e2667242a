import {
  type Alert,
  AlertSchema,
  type ICalComponent,
  ICalComponentSchema,
  type Link,
  LinkSchema,
  type Location,
  LocationSchema,
  type PatchObject,
  PatchObjectSchema,
  type RecurrenceRule,
  RecurrenceRuleSchema,
  type Relation,
  RelationSchema,
  type StringSet,
  StringSetSchema,
  type TimeZone,
  TimeZoneSchema,
  type VendorProperties,
  type VirtualLocation,
  VirtualLocationSchema,
} from '@typed-jmap/calendars'
import type { PropertySchemas } from '@typed-jmap/core'
import {
  type Id,
  IdSchema,
  type UnsignedInt,
  UnsignedIntSchema,
  type UTCDate,
  UTCDateSchema,
} from '@typed-jmap/core'
import * as v from 'valibot'
import { type Checklist, ChecklistSchema } from './checklist.js'
import { type Comment, CommentSchema } from './comment.js'
import { type TaskParticipant, TaskParticipantSchema } from './task-participant.js'

/**
 * The `relation` keys the draft adds to JSCalendar's (`parent`, `child`, `first`, `next`).
 *
 * @see draft-ietf-jmap-tasks-06 §4.1.1
 * @example "depends-on"
 */
export type TaskRelationType = 'depends-on' | 'clone' | 'duplicate' | 'cause'

/**
 * The RFC 8984 `progress` values of a task (a server may use others).
 *
 * @see RFC 8984 §5.2.5
 * @example "in-process"
 */
export type TaskProgress = 'needs-action' | 'in-process' | 'completed' | 'failed' | 'cancelled'

/**
 * A JMAP Task: an RFC 8984 JSTask plus the properties the draft adds.
 *
 * JSCalendar properties are optional and may be `null`: a JMAP server answers `null` for a
 * property the task does not have when it is asked for (as Cyrus does for CalendarEvent), and
 * `null` in a create or update means "absent". `utcStart` and `utcDue` are computed and only
 * returned when asked for. Properties of the extensions (recurrences, assignees, alerts,
 * multilingual, custom time zones) are here too; a server without the extension leaves them out.
 *
 * @see draft-ietf-jmap-tasks-06 §4, RFC 8984 §5.2
 * @example { "id": "T1", "taskListId": "TL1", "isDraft": false, "sortOrder": 0, "workflowStatus": null, "@type": "Task", "uid": "2a358cee-6489-4f14-a57f-c104db4dc357", "updated": "2023-03-10T10:00:00Z", "title": "Buy groceries", "due": "2023-03-12T18:00:00", "timeZone": "Europe/Berlin", "progress": "needs-action", "estimatedWork": 3 }
 */
export interface Task extends VendorProperties {
  // JMAP properties (draft §4)
  readonly id: Id
  /** The one TaskList the task is in (not a set, unlike `calendarIds`). */
  readonly taskListId: Id
  /** Can only become false; never inside `recurrenceOverrides`. */
  readonly isDraft: boolean
  /** Computed in UTC from `start`; only returned when asked for. */
  readonly utcStart: UTCDate | null
  /** Computed in UTC from `due`; only returned when asked for. */
  readonly utcDue: UTCDate | null
  /** Lower first; 0 ≤ sortOrder < 2^31. */
  readonly sortOrder: UnsignedInt
  /** One of the TaskList's `workflowStatuses`; when set, `progress` must be null. */
  readonly workflowStatus: string | null
  /** Recurrences extension: the real task a synthetic instance id was expanded from. */
  readonly baseTaskId?: Id | null
  /** Assignees extension (server-set): whether this account controls scheduling. */
  readonly isOrigin?: boolean

  // RFC 8984 §4.1 metadata
  readonly '@type': 'Task'
  readonly uid: string
  readonly relatedTo?: Readonly<Record<string, Relation>> | null
  readonly prodId?: string | null
  readonly created?: string | null
  readonly updated?: string | null
  readonly sequence?: number | null
  readonly method?: string | null
  // §4.2 what and where
  readonly title?: string | null
  readonly description?: string | null
  readonly descriptionContentType?: string | null
  readonly showWithoutTime?: boolean | null
  readonly locations?: Readonly<Record<string, Location>> | null
  readonly virtualLocations?: Readonly<Record<string, VirtualLocation>> | null
  readonly links?: Readonly<Record<string, Link>> | null
  readonly locale?: string | null
  readonly keywords?: StringSet | null
  readonly categories?: StringSet | null
  readonly color?: string | null
  // §4.3 recurrence (recurrences extension)
  readonly recurrenceId?: string | null
  readonly recurrenceIdTimeZone?: string | null
  readonly recurrenceRules?: readonly RecurrenceRule[] | null
  readonly excludedRecurrenceRules?: readonly RecurrenceRule[] | null
  readonly recurrenceOverrides?: Readonly<Record<string, PatchObject>> | null
  readonly excluded?: boolean | null
  // §4.4 sharing and scheduling (priority, privacy, replyTo are core; the rest assignees)
  /** 0 (undefined) or 1 (highest) to 9 (lowest). */
  readonly priority?: number | null
  readonly freeBusyStatus?: string | null
  readonly privacy?: string | null
  readonly replyTo?: Readonly<Record<string, string>> | null
  readonly sentBy?: string | null
  readonly participants?: Readonly<Record<string, TaskParticipant>> | null
  readonly requestStatus?: string | null
  // §4.5 alerts (alerts extension)
  readonly useDefaultAlerts?: boolean | null
  readonly alerts?: Readonly<Record<string, Alert>> | null
  // §4.6 multilingual extension
  readonly localizations?: Readonly<Record<string, PatchObject>> | null
  // §4.7 time zones (timeZones: custom time zones extension)
  readonly timeZone?: string | null
  readonly timeZones?: Readonly<Record<string, TimeZone>> | null
  // §5.2 task properties
  readonly due?: string | null
  readonly start?: string | null
  readonly estimatedDuration?: string | null
  /** 0–100. */
  readonly percentComplete?: number | null
  readonly progress?: TaskProgress | (string & {}) | null
  readonly progressUpdated?: string | null
  // draft §4.2: JSCalendar properties the draft adds
  /** Story points: no unit, larger means more work. */
  readonly estimatedWork?: number | null
  /** Severity, e.g. `minor`, `major`, `blocker`. */
  readonly impact?: string | null
  readonly checklists?: Readonly<Record<string, Checklist>> | null
  readonly comments?: Readonly<Record<string, Comment>> | null
  // draft §4.5.3: assignees extension
  readonly mayInviteSelf?: boolean | null
  readonly mayInviteOthers?: boolean | null
  readonly hideAttendees?: boolean | null
  /** What a VTODO held that JSCalendar cannot say, kept by the iCalendar converter. */
  readonly iCalendar?: ICalComponent | null
}

/**
 * The Task properties a `Task/get` without `properties` returns: all but the computed
 * `utcStart` and `utcDue`, which must be asked for.
 *
 * @see draft-ietf-jmap-tasks-06 §4.1
 * @example "title"
 */
export type TaskDefaultProperty = Exclude<keyof Task, 'utcStart' | 'utcDue'>

/**
 * A Task as `Task/get` returns it without `properties`: every property but `utcStart` and
 * `utcDue`.
 *
 * @see draft-ietf-jmap-tasks-06 §4.6
 * @example { "id": "T1", "taskListId": "TL1", "isDraft": false, "sortOrder": 0, "workflowStatus": null, "@type": "Task", "uid": "2a358cee", "title": "Buy groceries" }
 */
export interface TaskWithDefaultProperties extends Pick<Task, TaskDefaultProperty> {}

function optionalNullable<TOutput>(
  schema: v.GenericSchema<unknown, TOutput>,
): v.GenericSchema<unknown, TOutput | null> {
  return v.exactOptional(v.nullable(schema))
}

const stringSchema = v.string()
const integerSchema = v.pipe(v.number(), v.integer())
// JSCalendar numbers stay plain numbers (as in the calendars model); only JMAP's own sortOrder
// is an UnsignedInt.
const countSchema = v.pipe(v.number(), v.integer(), v.minValue(0))
const percentSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))
const byIdSchema = <TValue>(
  schema: v.GenericSchema<unknown, TValue>,
): v.GenericSchema<unknown, Readonly<Record<string, TValue>> | null> =>
  optionalNullable(v.record(v.string(), schema))

/**
 * The schema of each Task property. Draft properties with a default read as that default when a
 * server leaves them out.
 *
 * @see draft-ietf-jmap-tasks-06 §4, RFC 8984 §4–5
 */
export const taskPropertySchemas: PropertySchemas<Task> = {
  id: IdSchema,
  taskListId: IdSchema,
  isDraft: v.optional(v.boolean(), false),
  utcStart: v.nullable(UTCDateSchema),
  utcDue: v.nullable(UTCDateSchema),
  sortOrder: v.optional(UnsignedIntSchema, 0 as UnsignedInt),
  workflowStatus: v.optional(v.nullable(v.string()), null),
  baseTaskId: optionalNullable(IdSchema),
  isOrigin: v.exactOptional(v.boolean()),
  '@type': v.literal('Task'),
  uid: v.string(),
  relatedTo: byIdSchema(RelationSchema),
  prodId: optionalNullable(stringSchema),
  created: optionalNullable(stringSchema),
  updated: optionalNullable(stringSchema),
  sequence: optionalNullable(countSchema),
  method: optionalNullable(stringSchema),
  title: optionalNullable(stringSchema),
  description: optionalNullable(stringSchema),
  descriptionContentType: optionalNullable(stringSchema),
  showWithoutTime: optionalNullable(v.boolean()),
  locations: byIdSchema(LocationSchema),
  virtualLocations: byIdSchema(VirtualLocationSchema),
  links: byIdSchema(LinkSchema),
  locale: optionalNullable(stringSchema),
  keywords: optionalNullable(StringSetSchema),
  categories: optionalNullable(StringSetSchema),
  color: optionalNullable(stringSchema),
  recurrenceId: optionalNullable(stringSchema),
  recurrenceIdTimeZone: optionalNullable(stringSchema),
  recurrenceRules: optionalNullable(v.array(RecurrenceRuleSchema)),
  excludedRecurrenceRules: optionalNullable(v.array(RecurrenceRuleSchema)),
  recurrenceOverrides: byIdSchema(PatchObjectSchema),
  excluded: optionalNullable(v.boolean()),
  priority: optionalNullable(integerSchema),
  freeBusyStatus: optionalNullable(stringSchema),
  privacy: optionalNullable(stringSchema),
  replyTo: byIdSchema(stringSchema),
  sentBy: optionalNullable(stringSchema),
  participants: byIdSchema(TaskParticipantSchema),
  requestStatus: optionalNullable(stringSchema),
  useDefaultAlerts: optionalNullable(v.boolean()),
  alerts: byIdSchema(AlertSchema),
  localizations: byIdSchema(PatchObjectSchema),
  timeZone: optionalNullable(stringSchema),
  timeZones: byIdSchema(TimeZoneSchema),
  due: optionalNullable(stringSchema),
  start: optionalNullable(stringSchema),
  estimatedDuration: optionalNullable(stringSchema),
  percentComplete: optionalNullable(percentSchema),
  progress: optionalNullable(stringSchema),
  progressUpdated: optionalNullable(stringSchema),
  estimatedWork: optionalNullable(countSchema),
  impact: optionalNullable(stringSchema),
  checklists: byIdSchema(ChecklistSchema),
  comments: byIdSchema(CommentSchema),
  mayInviteSelf: optionalNullable(v.boolean()),
  mayInviteOthers: optionalNullable(v.boolean()),
  hideAttendees: optionalNullable(v.boolean()),
  iCalendar: optionalNullable(ICalComponentSchema),
}

/**
 * Validates a whole Task as a server sends it (without the computed `utcStart`/`utcDue` unless
 * present); unknown and vendor properties are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §4
 */
export const TaskSchema: v.GenericSchema<
  unknown,
  Omit<Task, 'utcStart' | 'utcDue'>
> = v.looseObject({
  ...taskPropertySchemas,
  utcStart: v.exactOptional(taskPropertySchemas.utcStart),
  utcDue: v.exactOptional(taskPropertySchemas.utcDue),
})
