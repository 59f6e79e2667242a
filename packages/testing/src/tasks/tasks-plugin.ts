import { jsCalendarObjectType, recordTimeZone } from '../calendars/jscalendar-object-type.js'
import { utcInstant } from '../calendars/utc-instant.js'
import type { DataType, RecordContext } from '../data-type.js'
import type { JsonObject } from '../json.js'
import { compareProperty } from '../methods/query-engine.js'
import { RecordRejectedError } from '../protocol/record-rejected-error.js'
import type { TestServerPlugin } from '../server/server-runtime.js'

/** The JMAP Tasks capability URN. */
export const tasksCapability = 'urn:ietf:params:jmap:tasks'

const taskListType: DataType = {
  name: 'TaskList',
  capability: tasksCapability,
  idPrefix: 'L',
  properties: [
    'id',
    'role',
    'name',
    'description',
    'color',
    'keywordColors',
    'categoryColors',
    'sortOrder',
    'isSubscribed',
    'timeZone',
    'workflowStatuses',
    'shareWith',
    'myRights',
  ],
  serverSet: ['myRights'],
  defaults: {
    role: null,
    description: null,
    color: null,
    keywordColors: null,
    categoryColors: null,
    sortOrder: 0,
    isSubscribed: true,
    timeZone: null,
    workflowStatuses: ['completed', 'failed', 'in-process', 'needs-action', 'cancelled', 'pending'],
    shareWith: null,
  },
  // The draft defines no TaskList/query.
  methods: ['get', 'changes', 'set'],
  read: (_record, property) =>
    property === 'myRights'
      ? {
          mayReadItems: true,
          mayWriteAll: true,
          mayWriteOwn: true,
          mayUpdatePrivate: true,
          mayRSVP: true,
          mayAdmin: true,
          mayDelete: true,
        }
      : undefined,
  validate: (record) => (typeof record.name === 'string' && record.name !== '' ? [] : ['name']),
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

/** A LocalDateTime of a task as a UTC instant (ms) in its time zone; NaN when it has none. */
function instantOf(local: unknown, record: JsonObject, context: RecordContext): number {
  return typeof local === 'string' ? utcInstant(local, recordTimeZone(record, context)) : Number.NaN
}

const taskType: DataType = jsCalendarObjectType({
  name: 'Task',
  jsCalendarType: 'Task',
  capability: tasksCapability,
  idPrefix: 'K',
  jmapProperties: [
    'id',
    'taskListId',
    'isDraft',
    'mayInviteSelf',
    'mayInviteOthers',
    'hideAttendees',
  ],
  ownProperties: [
    'due',
    'duration',
    'estimatedDuration',
    'percentComplete',
    'progress',
    'progressUpdated',
    'checklists',
    'workflowStatus',
    'sortOrder',
    'estimatedWork',
    'impact',
    'comments',
  ],
  utcProperties: {
    utcStart: (record) => (typeof record.start === 'string' ? record.start : undefined),
    utcDue: (record) => (typeof record.due === 'string' ? record.due : undefined),
  },
  defaults: {
    progress: 'needs-action',
    priority: 0,
    sortOrder: 0,
    workflowStatus: null,
  },
  idReferences: { taskListId: 'id' },
  methods: ['get', 'changes', 'set', 'copy', 'query', 'queryChanges'],
  validate(record, context) {
    const invalid: string[] = []
    if (
      typeof record.taskListId !== 'string' ||
      !context.account.store('TaskList').has(record.taskListId)
    )
      invalid.push('taskListId')
    if (
      record.percentComplete !== undefined &&
      (typeof record.percentComplete !== 'number' ||
        record.percentComplete < 0 ||
        record.percentComplete > 100)
    ) {
      invalid.push('percentComplete')
    }
    return invalid
  },
  filterProperties: ['inTaskLists', 'after', 'before', 'progress', 'status'],
  matches(record, condition, context) {
    const queryZone = typeof context.args.timeZone === 'string' ? context.args.timeZone : 'Etc/UTC'
    if (Array.isArray(condition.inTaskLists) && !condition.inTaskLists.includes(record.taskListId))
      return false
    // A task is after a moment when it is due at or after it, before one when it starts before.
    if (
      typeof condition.after === 'string' &&
      !(instantOf(record.due, record, context) >= utcInstant(condition.after, queryZone))
    )
      return false
    if (
      typeof condition.before === 'string' &&
      !(instantOf(record.start, record, context) < utcInstant(condition.before, queryZone))
    )
      return false
    const progress = condition.progress ?? condition.status
    if (typeof progress === 'string' && record.progress !== progress) return false
    return true
  },
  comparators: {
    due: compareProperty('due'),
    priority: compareProperty('priority'),
    sortOrder: compareProperty('sortOrder'),
  },
  extraArguments: {
    get: ['recurrenceOverridesBefore', 'recurrenceOverridesAfter', 'reduceParticipants'],
    set: ['sendSchedulingMessages'],
    query: ['expandRecurrences'],
    queryChanges: ['expandRecurrences'],
  },
})

const taskNotificationType: DataType = {
  name: 'TaskNotification',
  capability: tasksCapability,
  idPrefix: 'N',
  properties: [
    'id',
    'created',
    'changedBy',
    'comment',
    'type',
    // The draft spells the property `TaskId` (its filter says `taskId`); clients send it so.
    'TaskId',
    'isDraft',
    'task',
    'taskPatch',
  ],
  methods: ['get', 'changes', 'set', 'query', 'queryChanges'],
  // Only the server records notifications; a client may only destroy (dismiss) them.
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

/**
 * JMAP Tasks (draft-ietf-jmap-tasks): TaskList (no /query, `onDestroyRemoveTasks` and
 * `taskListHasTask`), Task with JSCalendar Task objects stored as JSON (the draft's own
 * properties too), and TaskNotification (recorded by `server.seed.record`).
 *
 * @see draft-ietf-jmap-tasks
 */
export const tasksPlugin: TestServerPlugin = {
  name: 'tasks',
  capabilities: {
    [tasksCapability]: {
      session: {},
      account: {
        minDateTime: '1900-01-01T00:00:00',
        maxDateTime: '2100-01-01T00:00:00',
        mayCreateTaskList: true,
      },
    },
  },
  dataTypes: [taskListType, taskType, taskNotificationType],
}
