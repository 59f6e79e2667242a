import { Id, throwFirstSetError } from '@typed-jmap/core'
import {
  drainChangesWithObjects,
  type ReadBackErrors,
  readBackCreated,
} from '@typed-jmap/core/internal'
import { TASKS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { TaskWithDefaultProperties } from '../task/task.js'
import type { TaskCreate } from '../task/task-create.js'
import type { TaskList, TaskRights } from '../task-list/task-list.js'
import type { TaskListCreate } from '../task-list/task-list-methods.js'
import type { TaskNotification } from '../task-notification/task-notification.js'
import type { TaskInput } from '../vtodo/jscalendar-version.js'
import { taskToVTodo } from '../vtodo/task-to-vtodo.js'
import { vtodoToTasks } from '../vtodo/vtodo-to-tasks.js'
import type {
  TaskApi,
  TaskChanges,
  TaskClient,
  TaskListScope,
  TaskSchedulingOptions,
  TaskSearch,
} from './task-api.js'
import { TaskApiError } from './task-api-error.js'
import { TaskWriteError } from './task-write-error.js'
import { TasksNotSupportedError } from './tasks-not-supported-error.js'

// shareWith holds complete TaskRights; a right the caller does not grant is withheld.
const noRights: TaskRights = {
  mayReadItems: false,
  mayWriteAll: false,
  mayWriteOwn: false,
  mayUpdatePrivate: false,
  mayRSVP: false,
  mayAdmin: false,
  mayDelete: false,
}

const readBackErrors: ReadBackErrors = {
  refused: TaskWriteError,
  notReadBack: (message) => new TaskApiError(message),
}

interface AccountOption {
  readonly accountId?: string
}

/** The task-list API over a typed client created with the tasks capability table. */
export class TaskApiImpl implements TaskApi {
  readonly client: TaskClient
  readonly #accountId: string | undefined

  constructor(client: TaskClient, accountId: string | undefined) {
    this.client = client
    this.#accountId = accountId
  }

  async accountId(options: AccountOption = {}): Promise<string> {
    // Every method passes through here before it sends anything, so a server without JMAP
    // Tasks is reported from the Session alone, never by a failing API request.
    const session = await this.client.session()
    if (!Object.hasOwn(session.capabilities, TASKS_CAPABILITY)) {
      throw new TasksNotSupportedError('noCapability')
    }
    const chosen =
      options.accountId ??
      this.#accountId ??
      session.primaryAccounts[TASKS_CAPABILITY] ??
      Object.entries(session.accounts).find(([, account]) =>
        Object.hasOwn(account.accountCapabilities, TASKS_CAPABILITY),
      )?.[0]
    if (chosen === undefined) throw new TasksNotSupportedError('noAccount')
    const account = session.accounts[chosen]
    if (account === undefined || !Object.hasOwn(account.accountCapabilities, TASKS_CAPABILITY)) {
      throw new TasksNotSupportedError('accountLacksCapability', chosen)
    }
    return chosen
  }

  async listTaskLists(options: AccountOption = {}): Promise<TaskList[]> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) =>
      b.call('TaskList/get', { accountId, ids: null }),
    )
    return response.list
  }

  taskList(taskListId: Id | string, options: AccountOption = {}): TaskListScope {
    return new TaskListScopeImpl(this, Id(taskListId), options.accountId)
  }

  async defaultTaskList(): Promise<TaskListScope> {
    const lists = await this.listTaskLists()
    const chosen = lists.find((list) => list.role === 'inbox') ?? lists[0]
    if (chosen === undefined) throw new TaskApiError('the account has no task list')
    return this.taskList(chosen.id)
  }

  async createTaskList(taskList: TaskListCreate): Promise<TaskList> {
    const accountId = await this.accountId()
    // Lists are few: reading them all avoids a creation-id reference in /get, which RFC 8620
    // does not define and which would hide a refused creation behind an unknown id.
    const response = await this.client.requestSettled((b) => ({
      set: b.call('TaskList/set', { accountId, create: { list: taskList } }),
      get: b.call('TaskList/get', { accountId, ids: null }),
    }))
    return readBackCreated(response.set, response.get, 'list', readBackErrors)
  }

  async deleteTaskList(
    taskListId: Id,
    options: { readonly removeTasks?: boolean } = {},
  ): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.client.request((b) =>
      b.call('TaskList/set', {
        accountId,
        destroy: [taskListId],
        onDestroyRemoveTasks: options.removeTasks === true,
      }),
    )
    throwFirstSetError('TaskList/set', response, TaskWriteError)
  }

  async notifications(options: AccountOption = {}): Promise<TaskNotification[]> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) => {
      const query = b.call('TaskNotification/query', {
        accountId,
        sort: [{ property: 'created', isAscending: false }],
      })
      return b.call('TaskNotification/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list
  }

  async dismissNotifications(ids: readonly Id[], options: AccountOption = {}): Promise<void> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) =>
      b.call('TaskNotification/set', { accountId, destroy: ids }),
    )
    throwFirstSetError('TaskNotification/set', response, TaskWriteError)
  }

  async syncToken(options: AccountOption = {}): Promise<string> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) => b.call('Task/get', { accountId, ids: [] }))
    return response.state
  }

  async changesSince(
    token: string,
    options: AccountOption & { readonly maxChanges?: number } = {},
  ): Promise<TaskChanges> {
    const accountId = await this.accountId(options)
    const { maxChanges } = options
    return drainChangesWithObjects<TaskWithDefaultProperties>(this.client, 'Task/changes', {
      accountId,
      sinceState: token,
      maxChanges,
    })
  }
}

/** One task list of an account. */
class TaskListScopeImpl implements TaskListScope {
  readonly taskListId: Id
  readonly #api: TaskApiImpl
  readonly #accountId: string | undefined

  constructor(api: TaskApiImpl, taskListId: Id, accountId: string | undefined) {
    this.#api = api
    this.taskListId = taskListId
    this.#accountId = accountId
  }

  accountId(): Promise<string> {
    return this.#api.accountId(this.#accountId === undefined ? {} : { accountId: this.#accountId })
  }

  async get(): Promise<TaskList> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('TaskList/get', { accountId, ids: [this.taskListId] }),
    )
    const list = response.list[0]
    if (list === undefined) {
      throw new TaskApiError(`no task list "${this.taskListId}" in account "${accountId}"`)
    }
    return list
  }

  async addTask(
    task: string | TaskInput,
    options: TaskSchedulingOptions = {},
  ): Promise<TaskWithDefaultProperties> {
    const accountId = await this.accountId()
    const input = inputOf(task)
    // RFC 8984 makes uid mandatory; choosing it here lets the same request find the new task by
    // uid instead of by a creation-id reference, which RFC 8620 does not define for /get.
    const uid = input.uid ?? globalThis.crypto.randomUUID()
    const create: TaskCreate = { ...input, uid, taskListId: this.taskListId }
    const response = await this.#api.client.requestSettled((b) => {
      const set = b.call('Task/set', {
        accountId,
        create: { task: create },
        ...schedulingArgument(options),
      })
      const query = b.call('Task/query', {
        accountId,
        filter: { inTaskLists: [this.taskListId], uid },
      })
      const get = b.call('Task/get', { accountId, ids: query.ref('/ids') })
      return { set, get }
    })
    return readBackCreated(response.set, response.get, 'task', readBackErrors)
  }

  async taskByUid(uid: string): Promise<TaskWithDefaultProperties | undefined> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) => {
      const query = b.call('Task/query', {
        accountId,
        filter: { inTaskLists: [this.taskListId], uid },
      })
      return b.call('Task/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list.find((task) => task.uid === uid)
  }

  async tasks(ids: readonly Id[]): Promise<TaskWithDefaultProperties[]> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) => b.call('Task/get', { accountId, ids }))
    return response.list
  }

  async search(search: TaskSearch = {}): Promise<TaskWithDefaultProperties[]> {
    const accountId = await this.accountId()
    if (
      search.expandRecurrences === true &&
      (search.after === undefined || search.before === undefined)
    ) {
      throw new TaskApiError('expandRecurrences needs both `after` and `before`')
    }
    const filter = {
      inTaskLists: [this.taskListId],
      ...(search.after === undefined ? {} : { after: search.after }),
      ...(search.before === undefined ? {} : { before: search.before }),
      ...(search.text === undefined ? {} : { text: search.text }),
    }
    const response = await this.#api.client.request((b) => {
      const query = b.call('Task/query', {
        accountId,
        filter,
        sort: [{ property: 'due' }],
        ...(search.timeZone === undefined ? {} : { timeZone: search.timeZone }),
        ...(search.expandRecurrences === true ? { expandRecurrences: true } : {}),
        ...(search.limit === undefined ? {} : { limit: search.limit }),
      })
      return b.call('Task/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list
  }

  async updateTask(
    id: Id,
    patch: Readonly<Record<string, unknown>>,
    options: TaskSchedulingOptions = {},
  ): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('Task/set', {
        accountId,
        // The patch is the caller's; its paths are checked by the server, not the compiler.
        update: { [id]: patch } as Record<Id, never>,
        ...schedulingArgument(options),
      }),
    )
    throwFirstSetError('Task/set', response, TaskWriteError)
  }

  async completeTask(id: Id, options: TaskSchedulingOptions = {}): Promise<void> {
    const accountId = await this.accountId()
    const current = await this.#api.client.request((b) =>
      b.call('Task/get', { accountId, ids: [id], properties: ['workflowStatus'] }),
    )
    const task = current.list[0]
    if (task === undefined) throw new TaskApiError(`no task "${id}"`)
    // The draft forbids a progress next to a workflowStatus, so a task that uses one is
    // completed through it.
    const patch =
      task.workflowStatus === null
        ? {
            progress: 'completed',
            percentComplete: 100,
            progressUpdated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          }
        : { workflowStatus: 'completed' }
    const response = await this.#api.client.request((b) =>
      b.call('Task/set', {
        accountId,
        ifInState: current.state,
        update: { [id]: patch } as Record<Id, never>,
        ...schedulingArgument(options),
      }),
    )
    throwFirstSetError('Task/set', response, TaskWriteError)
  }

  async deleteTask(id: Id, options: TaskSchedulingOptions = {}): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('Task/set', { accountId, destroy: [id], ...schedulingArgument(options) }),
    )
    throwFirstSetError('Task/set', response, TaskWriteError)
  }

  async exportTask(id: Id): Promise<string> {
    const [task] = await this.tasks([id])
    if (task === undefined) throw new TaskApiError(`no task "${id}"`)
    return taskToVTodo(task)
  }

  async shareWith(principalId: Id, rights: Partial<TaskRights> | null): Promise<void> {
    const accountId = await this.accountId()
    const current = await this.#api.client.request((b) =>
      b.call('TaskList/get', { accountId, ids: [this.taskListId], properties: ['shareWith'] }),
    )
    const list = current.list[0]
    if (list === undefined) throw new TaskApiError(`no task list "${this.taskListId}"`)
    // A patch may only point into an object that exists (RFC 8620 §5.3): while the list is
    // shared with nobody, `shareWith` is null and has to be set whole.
    const granted = rights === null ? null : { ...noRights, ...rights }
    const patch =
      list.shareWith === null
        ? { shareWith: granted === null ? null : { [principalId]: granted } }
        : { [`shareWith/${principalId}`]: granted }
    const response = await this.#api.client.request((b) =>
      b.call('TaskList/set', {
        accountId,
        ifInState: current.state,
        // The principal id is only known at run time, so the path cannot be checked statically.
        update: { [this.taskListId]: patch } as Record<Id, never>,
      }),
    )
    throwFirstSetError('TaskList/set', response, TaskWriteError)
  }
}

function inputOf(task: string | TaskInput): TaskInput {
  if (typeof task !== 'string') return task
  const [first, second] = vtodoToTasks(task)
  if (first === undefined) throw new TaskApiError('the iCalendar text holds no VTODO')
  if (second !== undefined) {
    throw new TaskApiError('the iCalendar text holds more than one task; add them one at a time')
  }
  return first
}

function schedulingArgument(options: TaskSchedulingOptions): { sendSchedulingMessages?: boolean } {
  return options.sendSchedulingMessages === undefined
    ? {}
    : { sendSchedulingMessages: options.sendSchedulingMessages }
}
