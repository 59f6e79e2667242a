import type { Alert } from '@typed-jmap/calendars'
import type {
  ChangesMethod,
  GetMethod,
  Id,
  Identified,
  SetMethod,
  UnsignedInt,
} from '@typed-jmap/core'
import type { TASKS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { TaskList, TaskListRole, TaskRights } from './task-list.js'

/**
 * The properties a client may give when creating a TaskList; `id` and `myRights` are
 * server-set.
 *
 * @see draft-ietf-jmap-tasks-06 §3.5
 * @example { "name": "Groceries", "color": "green", "isSubscribed": true }
 */
export interface TaskListCreate {
  readonly name: string
  readonly role?: TaskListRole | null
  readonly description?: string | null
  readonly color?: string | null
  readonly keywordColors?: Readonly<Record<string, string>> | null
  readonly categoryColors?: Readonly<Record<string, string>> | null
  readonly sortOrder?: UnsignedInt
  readonly isSubscribed?: boolean
  readonly timeZone?: string | null
  readonly workflowStatuses?: readonly string[]
  readonly shareWith?: Readonly<Record<Id, TaskRights>> | null
  readonly defaultAlertsWithTime?: Readonly<Record<Id, Alert>> | null
  readonly defaultAlertsWithoutTime?: Readonly<Record<Id, Alert>> | null
}

/**
 * What the server answers for a created TaskList: its id and the server-set properties.
 *
 * @see draft-ietf-jmap-tasks-06 §3.5
 * @example { "id": "TL2", "myRights": { "mayReadItems": true, … } }
 */
export interface TaskListCreated extends Partial<Omit<TaskList, 'id'>>, Identified {}

/**
 * The argument TaskList/set adds: destroy a list together with its tasks.
 *
 * @see draft-ietf-jmap-tasks-06 §3.5
 * @example { "onDestroyRemoveTasks": true }
 */
export interface TaskListSetExtraArguments {
  /** If false (default), destroying a list that has tasks fails with `taskListHasTask`. */
  readonly onDestroyRemoveTasks?: boolean
}

/**
 * `TaskList/get`: task lists by id, or all with `ids: null`.
 *
 * @see draft-ietf-jmap-tasks-06 §3.3
 */
export interface TaskListGetMethod extends GetMethod<typeof TASKS_CAPABILITY, TaskList> {}

/**
 * `TaskList/changes`.
 *
 * @see draft-ietf-jmap-tasks-06 §3.4
 */
export interface TaskListChangesMethod extends ChangesMethod<typeof TASKS_CAPABILITY> {}

/**
 * `TaskList/set`, with `onDestroyRemoveTasks`.
 *
 * @see draft-ietf-jmap-tasks-06 §3.5
 */
export interface TaskListSetMethod
  extends SetMethod<
    typeof TASKS_CAPABILITY,
    TaskList,
    TaskListCreate,
    TaskListCreated,
    TaskListSetExtraArguments
  > {}
