import {
  type CapabilityDefinition,
  changesResponseSchema,
  copyResponseSchema,
  defineCapability,
  getResponseSchema,
  queryChangesResponseSchema,
  queryResponseSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import { TaskSchema } from '../task/task.js'
import type {
  TaskChangesMethod,
  TaskCopyMethod,
  TaskGetMethod,
  TaskQueryChangesMethod,
  TaskQueryMethod,
  TaskSetMethod,
} from '../task/task-methods.js'
import { TaskListSchema } from '../task-list/task-list.js'
import type {
  TaskListChangesMethod,
  TaskListGetMethod,
  TaskListSetMethod,
} from '../task-list/task-list-methods.js'
import { TaskNotificationSchema } from '../task-notification/task-notification.js'
import type {
  TaskNotificationChangesMethod,
  TaskNotificationGetMethod,
  TaskNotificationQueryChangesMethod,
  TaskNotificationQueryMethod,
  TaskNotificationSetMethod,
} from '../task-notification/task-notification-methods.js'
import type {
  EmptyTasksCapability,
  TasksAccountCapability,
  TasksAssigneesAccountCapability,
  TasksRecurrencesAccountCapability,
} from './account-capabilities.js'
import { TASKS_CAPABILITY } from './capability-urns.js'

/**
 * The methods of `urn:ietf:params:jmap:tasks` (the extension capabilities add properties, not
 * methods). The draft defines no TaskList/query.
 *
 * @see draft-ietf-jmap-tasks-06 §3–5
 */
export interface TasksMethods {
  'TaskList/get': TaskListGetMethod
  'TaskList/changes': TaskListChangesMethod
  'TaskList/set': TaskListSetMethod
  'Task/get': TaskGetMethod
  'Task/changes': TaskChangesMethod
  'Task/set': TaskSetMethod
  'Task/copy': TaskCopyMethod
  'Task/query': TaskQueryMethod
  'Task/queryChanges': TaskQueryChangesMethod
  'TaskNotification/get': TaskNotificationGetMethod
  'TaskNotification/changes': TaskNotificationChangesMethod
  'TaskNotification/set': TaskNotificationSetMethod
  'TaskNotification/query': TaskNotificationQueryMethod
  'TaskNotification/queryChanges': TaskNotificationQueryChangesMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends TasksMethods {}
  interface Capabilities {
    'urn:ietf:params:jmap:tasks': {
      readonly session: EmptyTasksCapability
      readonly account: TasksAccountCapability
    }
    'urn:ietf:params:jmap:tasks:recurrences': {
      readonly session: EmptyTasksCapability
      readonly account: TasksRecurrencesAccountCapability
    }
    'urn:ietf:params:jmap:tasks:assignees': {
      readonly session: EmptyTasksCapability
      readonly account: TasksAssigneesAccountCapability
    }
    'urn:ietf:params:jmap:tasks:alerts': {
      readonly session: EmptyTasksCapability
      readonly account: EmptyTasksCapability
    }
    'urn:ietf:params:jmap:tasks:multilingual': {
      readonly session: EmptyTasksCapability
      readonly account: EmptyTasksCapability
    }
    'urn:ietf:params:jmap:tasks:customtimezones': {
      readonly session: EmptyTasksCapability
      readonly account: EmptyTasksCapability
    }
  }
}

/**
 * The runtime table of `urn:ietf:params:jmap:tasks`: how each method's response is validated.
 * `Task/get` responses are checked against the `properties` asked for.
 *
 * @see draft-ietf-jmap-tasks-06 §3–5
 * @example createClient({ sessionUrl, capabilities: [tasks] })
 */
export const tasks: CapabilityDefinition<typeof TASKS_CAPABILITY, TasksMethods> = defineCapability<
  typeof TASKS_CAPABILITY,
  TasksMethods
>({
  urn: TASKS_CAPABILITY,
  methods: {
    'TaskList/get': { response: getResponseSchema(TaskListSchema) },
    'TaskList/changes': { response: changesResponseSchema() },
    'TaskList/set': { response: setResponseSchema(TaskListSchema) },
    'Task/get': { response: getResponseSchema(TaskSchema) },
    'Task/changes': { response: changesResponseSchema() },
    'Task/set': { response: setResponseSchema(TaskSchema) },
    'Task/copy': { response: copyResponseSchema(TaskSchema) },
    'Task/query': { response: queryResponseSchema() },
    'Task/queryChanges': { response: queryChangesResponseSchema() },
    'TaskNotification/get': { response: getResponseSchema(TaskNotificationSchema) },
    'TaskNotification/changes': { response: changesResponseSchema() },
    'TaskNotification/set': { response: setResponseSchema() },
    'TaskNotification/query': { response: queryResponseSchema() },
    'TaskNotification/queryChanges': { response: queryChangesResponseSchema() },
  },
})
