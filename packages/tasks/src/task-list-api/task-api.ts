import {
  type AvailableMethods,
  type ClientOptions,
  createClient,
  type Id,
  type JmapClient,
  type JmapConnection,
} from '@typed-jmap/core'
import { tasks } from '../capabilities/tasks-registry.js'
import type { TaskWithDefaultProperties } from '../task/task.js'
import type { TaskList, TaskRights } from '../task-list/task-list.js'
import type { TaskListCreate } from '../task-list/task-list-methods.js'
import type { TaskNotification } from '../task-notification/task-notification.js'
import type { TaskInput } from '../vtodo/jscalendar-version.js'
import { TaskApiImpl } from './task-api-impl.js'

/** The capability tables the task-list API's typed client is created with. */
export type TaskCapabilityTables = readonly [typeof tasks]

/** The typed JMAP client the task-list API is built on, for calls it does not wrap. */
export type TaskClient = JmapClient<AvailableMethods<TaskCapabilityTables>>

/**
 * Options of {@link createTaskApi}: how to connect (as for `createConnection`), or an existing
 * connection.
 *
 * @example { sessionUrl: 'https://jmap.example.com/jmap/session', auth: { bearer: token } }
 */
export interface TaskApiOptions extends Omit<ClientOptions<[]>, 'capabilities'> {
  /** The account to use; defaults to the primary account for tasks. */
  readonly accountId?: string
}

/**
 * Builds the task API on an existing client: it sends through that client's
 * connection, so one session fetch, one set of limits, one push channel and
 * one auto-batcher serve mail, calendars and tasks alike.
 *
 * @see RFC 8620 §2
 * @example createTaskApi({ client: jmap })
 */
export interface TaskApiFromClient {
  /** The client (anything with a `connection`) whose connection the API shares. */
  readonly client: { readonly connection: JmapConnection }
  /** The account to use; defaults to the primary account for tasks. */
  readonly accountId?: string
}

/** Options of a write that may notify assignees. */
export interface TaskSchedulingOptions {
  /** Send iTIP messages to the task's participants (default false). */
  readonly sendSchedulingMessages?: boolean
}

/**
 * A due-range and text search in one task list, in the draft's (CalendarEvent's) terms: tasks
 * that end (are due) after `after` and start before `before`, both LocalDate read in
 * `timeZone` (default `Etc/UTC`).
 *
 * @example { after: '2030-01-01T00:00:00', before: '2030-02-01T00:00:00', text: 'report' }
 */
export interface TaskSearch {
  /** Tasks due after this LocalDate. */
  readonly after?: string
  /** Tasks that start before this LocalDate. */
  readonly before?: string
  readonly text?: string
  readonly timeZone?: string
  /** One result per occurrence of a recurring task (needs both bounds). */
  readonly expandRecurrences?: boolean
  readonly limit?: number
}

/**
 * What changed since a sync token: tasks created and updated (as they are now), ids destroyed,
 * and the token to use next time.
 *
 * @example { created: [{ id: 'T9', … }], updated: [], destroyed: ['T1'], token: 't-9', requests: 1 }
 */
export interface TaskChanges {
  readonly created: TaskWithDefaultProperties[]
  readonly updated: TaskWithDefaultProperties[]
  readonly destroyed: Id[]
  /** Pass this to the next `changesSince`. */
  readonly token: string
  /** How many requests it took to drain `hasMoreChanges`. */
  readonly requests: number
}

/**
 * One task list, as a user thinks of it: add, find, search, change, complete, delete and export
 * its tasks.
 *
 * @example const groceries = api.taskList('TL1'); await groceries.addTask(vtodoText)
 */
export interface TaskListScope {
  readonly taskListId: Id
  /** The account the task list lives in. */
  accountId(): Promise<string>
  /** Reads the task list itself. */
  get(): Promise<TaskList>
  /**
   * Adds a task from iCalendar text (one VTODO series) or a JSCalendar Task, and returns it as
   * stored (one request: set + get).
   */
  addTask(
    task: string | TaskInput,
    options?: TaskSchedulingOptions,
  ): Promise<TaskWithDefaultProperties>
  /** Finds the task with this uid in the list (one request: query + get). */
  taskByUid(uid: string): Promise<TaskWithDefaultProperties | undefined>
  /** Reads tasks by id. */
  tasks(ids: readonly Id[]): Promise<TaskWithDefaultProperties[]>
  /** Searches by due range and text in one request (query + get by reference). */
  search(search?: TaskSearch): Promise<TaskWithDefaultProperties[]>
  /** Patches a task (JMAP PatchObject paths to new values; `null` removes). */
  updateTask(
    id: Id,
    patch: Readonly<Record<string, unknown>>,
    options?: TaskSchedulingOptions,
  ): Promise<void>
  /**
   * Marks a task completed: `progress: "completed"`, `percentComplete: 100` and
   * `progressUpdated` now — or `workflowStatus: "completed"` when the task uses a workflow
   * status, since `progress` must then stay null.
   */
  completeTask(id: Id, options?: TaskSchedulingOptions): Promise<void>
  /** Destroys a task (or one synthetic instance of a recurring one). */
  deleteTask(id: Id, options?: TaskSchedulingOptions): Promise<void>
  /** Exports a task as iCalendar text holding one VTODO. */
  exportTask(id: Id): Promise<string>
  /** Grants a Principal the rights given (the others are false), or with null revokes them all. */
  shareWith(principalId: Id, rights: Partial<TaskRights> | null): Promise<void>
}

/**
 * The task-list API: task lists and tasks as users think of them, on a server that speaks JMAP
 * Tasks (draft-ietf-jmap-tasks-06). On a server whose Session lacks
 * `urn:ietf:params:jmap:tasks`, every method throws a {@link TasksNotSupportedError} before any
 * JMAP request is sent.
 *
 * @see draft-ietf-jmap-tasks-06
 * @example
 * const api = createTaskApi({ sessionUrl, auth: { bearer: token } })
 * const inbox = await api.defaultTaskList()
 * const due = await inbox.search({ after: '2030-01-01T00:00:00', before: '2030-02-01T00:00:00' })
 */
export interface TaskApi {
  /** The typed client underneath, for anything this API does not wrap. */
  readonly client: TaskClient
  /** The account tasks are read from unless told otherwise; checks the server supports tasks. */
  accountId(options?: { readonly accountId?: string }): Promise<string>
  /** Every task list of the account. */
  listTaskLists(options?: { readonly accountId?: string }): Promise<TaskList[]>
  /** A task list by id (in the default account unless `accountId` is given). */
  taskList(taskListId: Id | string, options?: { readonly accountId?: string }): TaskListScope
  /** The list with role `inbox` (or the first one when the server marks none). */
  defaultTaskList(): Promise<TaskListScope>
  /** Creates a task list and returns it as stored. */
  createTaskList(taskList: TaskListCreate): Promise<TaskList>
  /** Destroys a task list; with `removeTasks` its tasks too, otherwise a list with tasks is refused. */
  deleteTaskList(taskListId: Id, options?: { readonly removeTasks?: boolean }): Promise<void>
  /** Changes others made to tasks in the user's lists, newest first (one request). */
  notifications(options?: { readonly accountId?: string }): Promise<TaskNotification[]>
  /** Dismisses task notifications. */
  dismissNotifications(ids: readonly Id[], options?: { readonly accountId?: string }): Promise<void>
  /** A token naming the current state of the account's tasks. */
  syncToken(options?: { readonly accountId?: string }): Promise<string>
  /** Every task change since `token`, draining `hasMoreChanges` (one request per page). */
  changesSince(
    token: string,
    options?: { readonly accountId?: string; readonly maxChanges?: number },
  ): Promise<TaskChanges>
}

/**
 * Creates the task-list API over a new connection (or the one given).
 *
 * @see draft-ietf-jmap-tasks-06
 * @example const api = createTaskApi({ client: jmap }) // or ({ sessionUrl, auth }) for a client of its own
 */
export function createTaskApi(options: TaskApiOptions | TaskApiFromClient): TaskApi {
  const client: TaskClient =
    'client' in options
      ? createClient({ connection: options.client.connection, capabilities: [tasks] })
      : createClient({ ...options, capabilities: [tasks] })
  return new TaskApiImpl(client, options.accountId)
}
