import { jsCalendarCommonProperties } from '../calendars/jscalendar-common-properties.js'
import type { DataType } from '../data-type.js'
import { compareProperty } from '../methods/query-engine.js'
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
  methods: ['get', 'changes', 'set', 'query', 'queryChanges'],
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
  filterProperties: ['role', 'hasAnyRole', 'name'],
  matches(record, condition) {
    if ('role' in condition && record.role !== condition.role) return false
    if (
      typeof condition.hasAnyRole === 'boolean' &&
      (record.role !== null) !== condition.hasAnyRole
    )
      return false
    if (
      typeof condition.name === 'string' &&
      !String(record.name).toLowerCase().includes(condition.name.toLowerCase())
    )
      return false
    return true
  },
  comparators: { sortOrder: compareProperty('sortOrder'), name: compareProperty('name') },
}

const taskProperties = [
  ...jsCalendarCommonProperties,
  'due',
  'estimatedDuration',
  'percentComplete',
  'progress',
  'progressUpdated',
  'checklists',
  'workflowStatus',
]

const taskType: DataType = {
  name: 'Task',
  capability: tasksCapability,
  idPrefix: 'K',
  properties: [
    'id',
    'taskListId',
    'isDraft',
    'utcStart',
    'utcDue',
    'mayInviteSelf',
    'mayInviteOthers',
    'hideAttendees',
    ...taskProperties,
  ],
  serverSet: ['utcStart', 'utcDue'],
  immutable: ['uid'],
  defaults: {
    '@type': 'Task',
    isDraft: false,
    title: '',
    progress: 'needs-action',
    priority: 0,
    sequence: 0,
    timeZone: null,
    showWithoutTime: false,
  },
  idReferences: { taskListId: 'id' },
  methods: ['get', 'changes', 'set', 'copy', 'query', 'queryChanges'],
  isDynamicProperty: (property) => property.includes(':'),
  read(record, property) {
    if (property === 'utcStart') return typeof record.start === 'string' ? `${record.start}Z` : null
    if (property === 'utcDue') return typeof record.due === 'string' ? `${record.due}Z` : null
    return undefined
  },
  validate(record, context) {
    const invalid: string[] = []
    if (
      typeof record.taskListId !== 'string' ||
      !context.account.store('TaskList').has(record.taskListId)
    )
      invalid.push('taskListId')
    if (record['@type'] !== 'Task') invalid.push('@type')
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
  create: (record, context) => ({
    ...record,
    uid: typeof record.uid === 'string' ? record.uid : `${context.runtime.newId('uid')}@jmap.test`,
  }),
  filterProperties: [
    'inTaskLists',
    'after',
    'before',
    'text',
    'title',
    'description',
    'uid',
    'progress',
    'status',
  ],
  matches(record, condition) {
    const text = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : '')
    if (Array.isArray(condition.inTaskLists) && !condition.inTaskLists.includes(record.taskListId))
      return false
    if (
      typeof condition.after === 'string' &&
      (typeof record.due !== 'string' || record.due < condition.after.replace(/Z$/, ''))
    )
      return false
    if (
      typeof condition.before === 'string' &&
      (typeof record.start !== 'string' || record.start >= condition.before.replace(/Z$/, ''))
    )
      return false
    if (
      typeof condition.title === 'string' &&
      !text(record.title).includes(condition.title.toLowerCase())
    )
      return false
    if (
      typeof condition.description === 'string' &&
      !text(record.description).includes(condition.description.toLowerCase())
    )
      return false
    if (
      typeof condition.text === 'string' &&
      !`${text(record.title)} ${text(record.description)}`.includes(condition.text.toLowerCase())
    )
      return false
    if (typeof condition.uid === 'string' && record.uid !== condition.uid) return false
    const progress = condition.progress ?? condition.status
    if (typeof progress === 'string' && record.progress !== progress) return false
    return true
  },
  comparators: {
    start: compareProperty('start'),
    due: compareProperty('due'),
    created: compareProperty('created'),
    updated: compareProperty('updated'),
    priority: compareProperty('priority'),
    title: compareProperty('title'),
  },
}

/**
 * JMAP Tasks (draft-ietf-jmap-tasks): TaskList and Task with JSCalendar Task
 * objects stored as JSON.
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
  dataTypes: [taskListType, taskType],
}
