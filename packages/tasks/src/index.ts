/**
 * JMAP Tasks (draft-ietf-jmap-tasks-06, expired and built on RFC 8984): data types, schemas,
 * registry entries and the runtime table. Importing this module registers the methods.
 *
 * @module @typed-jmap/tasks
 */
export {
  type EmptyTasksCapability,
  EmptyTasksCapabilitySchema,
  type LocalDate,
  LocalDateSchema,
  type TasksAccountCapability,
  TasksAccountCapabilitySchema,
  type TasksAssigneesAccountCapability,
  TasksAssigneesAccountCapabilitySchema,
  type TasksPrincipalCapability,
  TasksPrincipalCapabilitySchema,
  type TasksRecurrencesAccountCapability,
  TasksRecurrencesAccountCapabilitySchema,
} from './capabilities/account-capabilities.js'
export {
  TASKS_ALERTS_CAPABILITY,
  TASKS_ASSIGNEES_CAPABILITY,
  TASKS_CAPABILITY,
  TASKS_CUSTOM_TIME_ZONES_CAPABILITY,
  TASKS_MULTILINGUAL_CAPABILITY,
  TASKS_RECURRENCES_CAPABILITY,
} from './capabilities/capability-urns.js'
export { type TasksMethods, tasks } from './capabilities/tasks-registry.js'
export type { PropertySchemas } from './property-schemas/property-schemas.js'
export {
  type CheckItem,
  CheckItemSchema,
  type Checklist,
  ChecklistSchema,
} from './task/checklist.js'
export { type Comment, CommentSchema } from './task/comment.js'
export { type Person, PersonSchema } from './task/person.js'
export {
  type Task,
  type TaskDefaultProperty,
  type TaskProgress,
  type TaskRelationType,
  TaskSchema,
  type TaskWithDefaultProperties,
  taskPropertySchemas,
} from './task/task.js'
export type { TaskCreate } from './task/task-create.js'
export type { TaskFilterCondition, TaskSortProperty } from './task/task-filter.js'
export type {
  TaskChangesMethod,
  TaskCopyMethod,
  TaskGetExtraArguments,
  TaskGetMethod,
  TaskQueryChangesMethod,
  TaskQueryExtraArguments,
  TaskQueryMethod,
  TaskSetExtraArguments,
  TaskSetMethod,
} from './task/task-methods.js'
export { type TaskParticipant, TaskParticipantSchema } from './task/task-participant.js'
export {
  defaultWorkflowStatuses,
  type TaskList,
  type TaskListRole,
  TaskListSchema,
  type TaskRights,
  TaskRightsSchema,
  taskListPropertySchemas,
} from './task-list/task-list.js'
export {
  isTaskListHasTaskSetError,
  type TaskListHasTaskSetError,
} from './task-list/task-list-has-task-set-error.js'
export type {
  TaskListChangesMethod,
  TaskListCreate,
  TaskListCreated,
  TaskListGetMethod,
  TaskListSetExtraArguments,
  TaskListSetMethod,
} from './task-list/task-list-methods.js'
export {
  createTaskApi,
  type TaskApi,
  type TaskApiFromClient,
  type TaskApiOptions,
  type TaskCapabilityTables,
  type TaskChanges,
  type TaskClient,
  type TaskListScope,
  type TaskSchedulingOptions,
  type TaskSearch,
} from './task-list-api/task-api.js'
export { isTaskApiError, TaskApiError } from './task-list-api/task-api-error.js'
export { isTaskWriteError, TaskWriteError } from './task-list-api/task-write-error.js'
export {
  isTasksNotSupportedError,
  TasksNotSupportedError,
  type TasksUnsupportedReason,
} from './task-list-api/tasks-not-supported-error.js'
export {
  type JSTask,
  JSTaskSchema,
  type TaskJmapProperty,
  type TaskNotification,
  type TaskNotificationFilterCondition,
  TaskNotificationSchema,
  type TaskNotificationType,
  taskIdOfNotification,
  taskNotificationPropertySchemas,
} from './task-notification/task-notification.js'
export type {
  TaskNotificationChangesMethod,
  TaskNotificationGetMethod,
  TaskNotificationQueryChangesMethod,
  TaskNotificationQueryMethod,
  TaskNotificationSetMethod,
} from './task-notification/task-notification-methods.js'
export {
  completedToProgressUpdated,
  type ProgressedTask,
  progressUpdatedToCompleted,
} from './vtodo/completed-property.js'
export {
  type TaskInput,
  taskFromJSCalendar,
  taskToJSCalendar,
} from './vtodo/jscalendar-version.js'
export { taskToVTodo } from './vtodo/task-to-vtodo.js'
export { vtodoToTasks } from './vtodo/vtodo-to-tasks.js'
