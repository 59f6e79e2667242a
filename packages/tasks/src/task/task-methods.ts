import type {
  ChangesMethod,
  CopyMethod,
  GetMethod,
  Identified,
  QueryChangesMethod,
  QueryMethod,
  SetMethod,
  UTCDate,
} from '@typed-jmap/core'
import type { TASKS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { Task, TaskDefaultProperty } from './task.js'
import type { TaskCreate } from './task-create.js'
import type { TaskFilterCondition, TaskSortProperty } from './task-filter.js'

/**
 * The arguments Task/get adds (CalendarEvent/get's, which the draft refers to).
 *
 * @see draft-ietf-jmap-tasks-06 §4.6
 * @example { "properties": ["title", "utcDue"], "timeZone": "Europe/Berlin" }
 */
export interface TaskGetExtraArguments {
  /** Only return overrides whose recurrence id (in UTC) is before this. */
  readonly recurrenceOverridesBefore?: UTCDate | null
  /** Only return overrides whose recurrence id (in UTC) is on or after this. */
  readonly recurrenceOverridesAfter?: UTCDate | null
  /** Only return owners and the user's own participants. */
  readonly reduceParticipants?: boolean
  /** The zone floating tasks are read in for `utcStart`/`utcDue` (default `Etc/UTC`). */
  readonly timeZone?: string
}

/**
 * `Task/get`; the response is narrowed to the `properties` asked for, and `utcStart`/`utcDue`
 * are only there when asked for.
 *
 * @see draft-ietf-jmap-tasks-06 §4.6
 */
export interface TaskGetMethod
  extends GetMethod<typeof TASKS_CAPABILITY, Task, TaskGetExtraArguments, TaskDefaultProperty> {}

/**
 * `Task/changes`.
 *
 * @see draft-ietf-jmap-tasks-06 §4.7
 */
export interface TaskChangesMethod extends ChangesMethod<typeof TASKS_CAPABILITY> {}

/**
 * The argument Task/set adds (CalendarEvent/set's).
 *
 * @see draft-ietf-jmap-tasks-06 §4.8
 * @example { "sendSchedulingMessages": true }
 */
export interface TaskSetExtraArguments {
  /** Send iTIP messages to assignees (or the organizer) for this change (default false). */
  readonly sendSchedulingMessages?: boolean
}

/**
 * `Task/set`, with `sendSchedulingMessages`.
 *
 * @see draft-ietf-jmap-tasks-06 §4.8
 */
export interface TaskSetMethod
  extends SetMethod<
    typeof TASKS_CAPABILITY,
    Task,
    TaskCreate,
    Partial<Task> & Identified,
    TaskSetExtraArguments
  > {}

/**
 * `Task/copy`: copy tasks from another account, optionally overriding properties such as
 * `taskListId`.
 *
 * @see draft-ietf-jmap-tasks-06 §4.9
 */
export interface TaskCopyMethod
  extends CopyMethod<typeof TASKS_CAPABILITY, Task, Partial<TaskCreate>> {}

/**
 * The arguments Task/query adds (CalendarEvent/query's). With `expandRecurrences: true` the
 * filter must be one condition with both `after` and `before`; the server answers
 * `cannotCalculateOccurrences` when it cannot expand.
 *
 * @see draft-ietf-jmap-tasks-06 §4.10
 * @example { "expandRecurrences": true, "timeZone": "Europe/Berlin" }
 */
export interface TaskQueryExtraArguments {
  /** Return one synthetic id per instance of a recurring task (default false). */
  readonly expandRecurrences?: boolean
  /** The zone `after`/`before` are read in (default `Etc/UTC`). */
  readonly timeZone?: string
}

/**
 * `Task/query`.
 *
 * @see draft-ietf-jmap-tasks-06 §4.10
 */
export interface TaskQueryMethod
  extends QueryMethod<
    typeof TASKS_CAPABILITY,
    TaskFilterCondition,
    TaskSortProperty,
    TaskQueryExtraArguments
  > {}

/**
 * `Task/queryChanges`.
 *
 * @see draft-ietf-jmap-tasks-06 §4.11
 */
export interface TaskQueryChangesMethod
  extends QueryChangesMethod<
    typeof TASKS_CAPABILITY,
    TaskFilterCondition,
    TaskSortProperty,
    TaskQueryExtraArguments
  > {}
