import {
  compareProperty,
  createTestServer,
  type DataType,
  type JsonObject,
  RecordRejectedError,
  type TestServer,
  type TestServerPlugin,
  tasksPlugin,
} from '@typed-jmap/testing'

// @typed-jmap/testing serves TaskList and Task at wire level but (so far) without the draft's
// extra arguments, the taskListHasTask SetError, TaskNotification, the draft's own Task
// properties (sortOrder, estimatedWork, impact, comments), keeping data it does not know
// (`iCalendar`, as the draft asks of servers), and it returns the computed utcStart/utcDue by
// default. These tests run against
// its TaskList and Task types, extended here with exactly those draft rules, so every method of
// the draft can be exercised end to end.

const baseTypes = new Map((tasksPlugin.dataTypes ?? []).map((type) => [type.name, type]))

function baseType(name: string): DataType {
  const type = baseTypes.get(name)
  if (type === undefined) throw new Error(`@typed-jmap/testing has no ${name} type`)
  return type
}

const taskListType: DataType = {
  ...baseType('TaskList'),
  // The draft defines no TaskList/query.
  methods: ['get', 'changes', 'set'],
  extraArguments: { set: ['onDestroyRemoveTasks'] },
  beforeDestroy(record, context) {
    const store = context.account.store('Task')
    const tasks = store.all().filter((task) => task.taskListId === record.id)
    if (tasks.length === 0) return
    if (context.args.onDestroyRemoveTasks !== true) {
      throw new RecordRejectedError('taskListHasTask', `the list has ${tasks.length} tasks`)
    }
    for (const task of tasks) store.destroy(task.id as string)
  },
}

const baseTask = baseType('Task')

const taskProperties = [
  ...baseTask.properties,
  'sortOrder',
  'estimatedWork',
  'impact',
  'comments',
  'iCalendar',
]

const taskType: DataType = {
  ...baseTask,
  properties: taskProperties,
  defaults: { ...baseTask.defaults, sortOrder: 0, workflowStatus: null },
  // utcStart and utcDue are "not included by default and must be requested explicitly".
  defaultGetProperties: taskProperties.filter(
    (property) => property !== 'utcStart' && property !== 'utcDue',
  ),
  extraArguments: {
    get: [
      'recurrenceOverridesBefore',
      'recurrenceOverridesAfter',
      'reduceParticipants',
      'timeZone',
    ],
    set: ['sendSchedulingMessages'],
    query: ['expandRecurrences', 'timeZone'],
    queryChanges: ['expandRecurrences', 'timeZone'],
  },
}

const taskNotificationType: DataType = {
  name: 'TaskNotification',
  capability: 'urn:ietf:params:jmap:tasks',
  idPrefix: 'N',
  properties: [
    'id',
    'created',
    'changedBy',
    'comment',
    'type',
    'TaskId',
    'isDraft',
    'task',
    'taskPatch',
  ],
  methods: ['get', 'changes', 'set', 'query', 'queryChanges'],
  validate: (_record, context) =>
    context.args.create === undefined && context.args.update === undefined ? [] : ['type'],
  filterProperties: ['after', 'before', 'type', 'taskIds'],
  matches(record, condition) {
    const created = String(record.created)
    if (typeof condition.after === 'string' && created < condition.after) return false
    if (typeof condition.before === 'string' && created >= condition.before) return false
    if (typeof condition.type === 'string' && record.type !== condition.type) return false
    if (Array.isArray(condition.taskIds) && !condition.taskIds.includes(record.TaskId)) return false
    return true
  },
  comparators: { created: compareProperty('created') },
}

/** The draft's TaskList, Task and TaskNotification on the in-memory server. */
export const draftTasksPlugin: TestServerPlugin = {
  ...tasksPlugin,
  name: 'draft-tasks',
  dataTypes: [taskListType, taskType, taskNotificationType],
}

/** An in-memory server with JMAP Tasks (as the draft defines it) and a second account. */
export function createTasksTestServer(): TestServer {
  return createTestServer({
    plugins: [draftTasksPlugin],
    accounts: [
      { id: 'u1', name: 'test@example.com' },
      { id: 'u2', name: 'shared' },
    ],
  })
}

/** Seeds a TaskNotification as a server would record another user's change. */
export function seedTaskNotification(server: TestServer, notification: JsonObject): string {
  return server.seed.record('TaskNotification', notification)
}
