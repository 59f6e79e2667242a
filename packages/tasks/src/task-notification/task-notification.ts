import { type PatchObject, PatchObjectSchema } from '@typed-jmap/calendars'
import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema, type UTCDate, UTCDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { type Person, PersonSchema } from '../task/person.js'
import { type Task, taskPropertySchemas } from '../task/task.js'

/**
 * The JMAP-only properties of a Task, which a bare JSTask does not have.
 *
 * @see draft-ietf-jmap-tasks-06 §4
 * @example "taskListId"
 */
export type TaskJmapProperty =
  | 'id'
  | 'taskListId'
  | 'isDraft'
  | 'utcStart'
  | 'utcDue'
  | 'sortOrder'
  | 'workflowStatus'
  | 'baseTaskId'
  | 'isOrigin'

/**
 * An RFC 8984 JSTask as a notification carries it: a {@link Task} without its JMAP properties.
 *
 * @see draft-ietf-jmap-tasks-06 §5.1
 * @example { "@type": "Task", "uid": "2a358cee", "title": "Buy groceries" }
 */
export interface JSTask extends Omit<Task, TaskJmapProperty> {}

/**
 * What happened to the task a notification is about.
 *
 * @see draft-ietf-jmap-tasks-06 §5.1
 * @example "updated"
 */
export type TaskNotificationType = 'created' | 'updated' | 'destroyed'

/**
 * A record of a change someone else made to a task in a list the user is subscribed to.
 *
 * The draft names the task id `TaskId` in the object and `taskId` in the filter text; both
 * spellings are typed, since a server may follow either. Read it with
 * {@link taskIdOfNotification}.
 *
 * @see draft-ietf-jmap-tasks-06 §5.1
 * @example { "id": "N1", "created": "2023-03-10T10:00:00Z", "changedBy": { "@type": "Person", "name": "Joe" }, "comment": null, "type": "updated", "TaskId": "T1", "isDraft": false, "task": { "@type": "Task", "uid": "2a358cee", "title": "Buy groceries" }, "taskPatch": { "title": "Buy groceries and wine" } }
 */
export interface TaskNotification {
  readonly id: Id
  readonly created: UTCDate
  readonly changedBy: Person
  readonly comment: string | null
  readonly type: TaskNotificationType
  /** The task changed, as the draft spells it. */
  readonly TaskId?: Id | null
  /** The task changed, as the draft's filter text spells it. */
  readonly taskId?: Id | null
  /** created/updated only (`null` or absent otherwise). */
  readonly isDraft?: boolean | null
  /** The task before the change (updated, destroyed) or after it (created). */
  readonly task: JSTask
  /** updated only (`null` or absent otherwise): the change from `task` to the task after. */
  readonly taskPatch?: PatchObject | null
}

/**
 * The id of the task a notification is about, whichever spelling the server used.
 *
 * @see draft-ietf-jmap-tasks-06 §5.1
 * @example taskIdOfNotification({ …, TaskId: 'T1' }) // 'T1'
 */
export function taskIdOfNotification(
  notification: Pick<TaskNotification, 'TaskId' | 'taskId'>,
): Id | undefined {
  return notification.TaskId ?? notification.taskId ?? undefined
}

const {
  id: _id,
  taskListId: _taskListId,
  isDraft: _isDraft,
  utcStart: _utcStart,
  utcDue: _utcDue,
  sortOrder: _sortOrder,
  workflowStatus: _workflowStatus,
  baseTaskId: _baseTaskId,
  isOrigin: _isOrigin,
  ...jsTaskPropertySchemas
} = taskPropertySchemas

/**
 * Validates a {@link JSTask}; unknown and vendor properties are kept.
 *
 * @see RFC 8984 §5.2
 */
export const JSTaskSchema: v.GenericSchema<unknown, JSTask> = v.looseObject(
  jsTaskPropertySchemas satisfies PropertySchemas<JSTask>,
)

/**
 * The schema of each TaskNotification property.
 *
 * @see draft-ietf-jmap-tasks-06 §5.1
 */
export const taskNotificationPropertySchemas: PropertySchemas<TaskNotification> = {
  id: IdSchema,
  created: UTCDateSchema,
  changedBy: PersonSchema,
  comment: v.optional(v.nullable(v.string()), null),
  type: v.picklist(['created', 'updated', 'destroyed']),
  TaskId: v.exactOptional(v.nullable(IdSchema)),
  taskId: v.exactOptional(v.nullable(IdSchema)),
  isDraft: v.exactOptional(v.nullable(v.boolean())),
  task: JSTaskSchema,
  taskPatch: v.exactOptional(v.nullable(PatchObjectSchema)),
}

/**
 * Validates a whole TaskNotification; unknown properties are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §5.1
 */
export const TaskNotificationSchema: v.GenericSchema<unknown, TaskNotification> = v.looseObject(
  taskNotificationPropertySchemas,
)

/**
 * A TaskNotification/query filter condition.
 *
 * @see draft-ietf-jmap-tasks-06 §5.5.1
 * @example { "after": "2023-03-01T00:00:00Z", "type": "updated", "taskIds": ["T1"] }
 */
export interface TaskNotificationFilterCondition {
  /** Created on or after this time. */
  readonly after?: UTCDate | null
  /** Created before this time. */
  readonly before?: UTCDate | null
  readonly type?: TaskNotificationType
  /** The notification is about one of these tasks. */
  readonly taskIds?: readonly Id[] | null
}
