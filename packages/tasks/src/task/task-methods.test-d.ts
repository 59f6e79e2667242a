import { createClient, type Id, type PatchObject, type UTCDate } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { tasks } from '../capabilities/tasks-registry.js'
import type { TaskList, TaskRights } from '../task-list/task-list.js'
import type { TaskNotificationType } from '../task-notification/task-notification.js'
import type { Checklist } from './checklist.js'
import type { Task } from './task.js'
import type { TaskCreate } from './task-create.js'

declare const accountId: string
declare const taskId: Id
declare const taskListId: Id
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [tasks] })

describe('Task/get properties', () => {
  test('the response holds id and exactly the properties asked for', async () => {
    const got = await jmap.request((b) =>
      b.call('Task/get', {
        accountId,
        ids: [taskId],
        properties: ['title', 'taskListId', 'utcDue'],
      }),
    )
    const task = got.list[0]!
    expectTypeOf(task.id).toEqualTypeOf<Id>()
    expectTypeOf(task.taskListId).toEqualTypeOf<Id>()
    expectTypeOf(task.title).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(task.utcDue).toEqualTypeOf<UTCDate | null>()
    // @ts-expect-error: 'due' was not in `properties`
    task.due
  })

  test('without properties every property but the computed utcStart/utcDue is returned', async () => {
    const got = await jmap.request((b) => b.call('Task/get', { accountId, ids: null }))
    const task = got.list[0]!
    expectTypeOf(task.taskListId).toEqualTypeOf<Id>()
    expectTypeOf(task.checklists).toEqualTypeOf<
      Readonly<Record<string, Checklist>> | null | undefined
    >()
    expectTypeOf(task.workflowStatus).toEqualTypeOf<string | null>()
    // @ts-expect-error: utcStart must be asked for explicitly
    task.utcStart
  })

  test('taskListId is a single id, not a set as calendarIds is', async () => {
    const got = await jmap.request((b) =>
      b.call('Task/get', { accountId, properties: ['taskListId'] }),
    )
    expectTypeOf(got.list[0]!.taskListId).toEqualTypeOf<Id>()
    await jmap.request((b) =>
      b.call('Task/set', {
        accountId,
        // @ts-expect-error: taskListId is one Id, not an Id set
        create: { k1: { taskListId: { [taskListId]: true } } },
      }),
    )
  })

  test('a property a Task does not have does not compile', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: 'calendarIds' is a CalendarEvent property, not a Task one
      b.call('Task/get', { accountId, ids: [taskId], properties: ['calendarIds'] }),
    )
  })

  test('Task/get takes the CalendarEvent/get extra arguments', async () => {
    await jmap.request((b) =>
      b.call('Task/get', {
        accountId,
        ids: [taskId],
        timeZone: 'Europe/Berlin',
        reduceParticipants: true,
      }),
    )
    await jmap.request((b) =>
      // @ts-expect-error: reduceParticipants is a boolean
      b.call('Task/get', { accountId, ids: [taskId], reduceParticipants: 'yes' }),
    )
  })
})

describe('Task/set, Task/query, Task/copy', () => {
  test('create needs a taskListId', async () => {
    await jmap.request((b) =>
      b.call('Task/set', {
        accountId,
        create: { k1: { taskListId, title: 'Buy milk', due: '2023-03-12T18:00:00' } },
        sendSchedulingMessages: false,
      }),
    )
    // A task must be created in a task list.
    expectTypeOf<{ readonly title: string }>().not.toMatchTypeOf<TaskCreate>()
    expectTypeOf<{ readonly title: string; readonly taskListId: Id }>().toMatchTypeOf<TaskCreate>()
    await jmap.request((b) =>
      // @ts-expect-error: calendarIds is CalendarEvent's; a task has one taskListId
      b.call('Task/set', { accountId, create: { k1: { taskListId, calendarIds: {} } } }),
    )
  })

  test('update patches are checked against the Task', async () => {
    await jmap.request((b) =>
      b.call('Task/set', {
        accountId,
        update: { [taskId]: { progress: 'completed', percentComplete: 100, 'alerts/a1': null } },
      }),
    )
    await jmap.request((b) =>
      b.call('Task/set', {
        accountId,
        // @ts-expect-error: 'taskListIds' is not a Task property (taskListId is)
        update: { [taskId]: { taskListIds: { [taskListId]: true } } },
      }),
    )
  })

  test('a patch path below a map entry takes the type at its depth', async () => {
    await jmap.request((b) =>
      b.call('Task/set', {
        accountId,
        update: {
          [taskId]: {
            'checklists/c1/title': 'Groceries',
            'checklists/c2': null,
            'participants/p1/progress': 'in-process',
            'participants/p1/roles/attendee': true,
          },
        },
      }),
    )
    await jmap.request((b) =>
      b.call('Task/set', {
        accountId,
        // @ts-expect-error: a Checklist has a 'title', no 'titel'
        update: { [taskId]: { 'checklists/c1/titel': 'Groceries' } },
      }),
    )
    await jmap.request((b) =>
      b.call('Task/set', {
        accountId,
        // @ts-expect-error: the title of a Checklist is a string, not a Checklist
        update: { [taskId]: { 'checklists/c1/title': { title: 'Groceries' } } },
      }),
    )
  })

  test('a standalone PatchObject takes the same paths', () => {
    const patch: PatchObject<Task> = {
      'checklists/c1/title': 'Groceries',
      'checklists/c2': null,
      'participants/p1/roles/attendee': true,
    }
    expectTypeOf(patch).toMatchTypeOf<object>()
    // @ts-expect-error: the title of a Checklist is a string, not a Checklist
    const shape: PatchObject<Task> = { 'checklists/c1/title': { title: 'Groceries' } }
    expectTypeOf(shape).toMatchTypeOf<object>()
  })

  test('query filters and sorts are the draft ones', async () => {
    const found = await jmap.request((b) =>
      b.call('Task/query', {
        accountId,
        filter: { operator: 'AND', conditions: [{ inTaskLists: [taskListId] }, { text: 'milk' }] },
        sort: [{ property: 'due', isAscending: true }],
      }),
    )
    expectTypeOf(found.ids).toEqualTypeOf<Id[]>()
    await jmap.request((b) =>
      // @ts-expect-error: 'priority' is not a Task/query sort property
      b.call('Task/query', { accountId, sort: [{ property: 'priority' }] }),
    )
    await jmap.request((b) =>
      // @ts-expect-error: 'inCalendars' is CalendarEvent's filter; tasks use inTaskLists
      b.call('Task/query', { accountId, filter: { inCalendars: [taskListId] } }),
    )
  })

  test('an expanded query takes expandRecurrences and timeZone', async () => {
    await jmap.request((b) =>
      b.call('Task/query', {
        accountId,
        expandRecurrences: true,
        timeZone: 'Europe/Berlin',
        filter: { after: '2023-03-01T00:00:00', before: '2023-04-01T00:00:00' },
      }),
    )
    await jmap.request((b) =>
      // @ts-expect-error: expandRecurrences is a boolean
      b.call('Task/query', { accountId, expandRecurrences: 'yes' }),
    )
  })

  test('copy names the source task and may move it to another list', async () => {
    const copied = await jmap.request((b) =>
      b.call('Task/copy', {
        fromAccountId: 'other',
        accountId,
        create: { c1: { id: taskId, taskListId } },
      }),
    )
    expectTypeOf(copied.created).toMatchTypeOf<Record<string, { readonly id: Id }> | null>()
  })
})

describe('TaskList and TaskNotification', () => {
  test('TaskList/get returns TaskLists and TaskList/set takes onDestroyRemoveTasks', async () => {
    const { lists, set } = await jmap.request((b) => ({
      lists: b.call('TaskList/get', { accountId, ids: null }),
      set: b.call('TaskList/set', { accountId, destroy: [taskListId], onDestroyRemoveTasks: true }),
    }))
    expectTypeOf(lists.list[0]!).toEqualTypeOf<TaskList>()
    expectTypeOf(lists.list[0]!.myRights).toEqualTypeOf<TaskRights>()
    expectTypeOf(set.destroyed).toEqualTypeOf<Id[] | null>()
    await jmap.request((b) =>
      // @ts-expect-error: onDestroyRemoveTasks is a boolean
      b.call('TaskList/set', { accountId, destroy: [taskListId], onDestroyRemoveTasks: 'yes' }),
    )
  })

  test('the draft defines no TaskList/query', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: TaskList/query is not in draft-ietf-jmap-tasks-06
      b.call('TaskList/query', { accountId }),
    )
  })

  test('TaskNotification/set only destroys', async () => {
    await jmap.request((b) => b.call('TaskNotification/set', { accountId, destroy: [taskId] }))
    await jmap.request((b) =>
      // @ts-expect-error: notifications are created by the server only
      b.call('TaskNotification/set', { accountId, create: { n1: {} }, destroy: [] }),
    )
  })

  test('TaskNotification/get narrows and query filters by type', async () => {
    const got = await jmap.request((b) =>
      b.call('TaskNotification/get', { accountId, ids: null, properties: ['type', 'TaskId'] }),
    )
    expectTypeOf(got.list[0]!.type).toEqualTypeOf<TaskNotificationType>()
    await jmap.request((b) =>
      b.call('TaskNotification/query', {
        accountId,
        filter: { type: 'updated', taskIds: [taskId] },
        sort: [{ property: 'created' }],
      }),
    )
    await jmap.request((b) =>
      // @ts-expect-error: 'moved' is not a notification type
      b.call('TaskNotification/query', { accountId, filter: { type: 'moved' } }),
    )
  })
})
