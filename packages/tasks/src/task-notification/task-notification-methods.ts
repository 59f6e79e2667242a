import type { DestroyOnlySetMethod } from '@typed-jmap/calendars'
import type { ChangesMethod, GetMethod, QueryChangesMethod, QueryMethod } from '@typed-jmap/core'
import type { TASKS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { TaskNotification, TaskNotificationFilterCondition } from './task-notification.js'

/**
 * `TaskNotification/get`.
 *
 * @see draft-ietf-jmap-tasks-06 §5.2
 */
export interface TaskNotificationGetMethod
  extends GetMethod<typeof TASKS_CAPABILITY, TaskNotification> {}

/**
 * `TaskNotification/changes`.
 *
 * @see draft-ietf-jmap-tasks-06 §5.3
 */
export interface TaskNotificationChangesMethod extends ChangesMethod<typeof TASKS_CAPABILITY> {}

/**
 * `TaskNotification/set`: destroy only; creating or updating is a compile error (the server
 * would refuse it with `forbidden`).
 *
 * @see draft-ietf-jmap-tasks-06 §5.4
 */
export interface TaskNotificationSetMethod
  extends DestroyOnlySetMethod<typeof TASKS_CAPABILITY, TaskNotification> {}

/**
 * `TaskNotification/query`; `created` is the sort property the draft requires.
 *
 * @see draft-ietf-jmap-tasks-06 §5.5
 */
export interface TaskNotificationQueryMethod
  extends QueryMethod<typeof TASKS_CAPABILITY, TaskNotificationFilterCondition, 'created'> {}

/**
 * `TaskNotification/queryChanges`.
 *
 * @see draft-ietf-jmap-tasks-06 §5.6
 */
export interface TaskNotificationQueryChangesMethod
  extends QueryChangesMethod<typeof TASKS_CAPABILITY, TaskNotificationFilterCondition, 'created'> {}
