import { Id } from '@typed-jmap/core'
import { calendarsPlugin, createTestServer, type TestServer } from '@typed-jmap/testing'
import { describe, expect, it } from 'vitest'
import {
  createTasksTestServer,
  seedTaskNotification,
} from '../../test/support/tasks-test-server.js'
import { createTaskApi } from './task-api.js'
import { isTaskApiError } from './task-api-error.js'
import { isTaskWriteError } from './task-write-error.js'
import { isTasksNotSupportedError } from './tasks-not-supported-error.js'

/** Counts the requests that reach the server, by path. */
function counting(server: TestServer) {
  const paths: string[] = []
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input)
    paths.push(url.pathname)
    return server.fetch(input, init)
  }
  return { paths, fetch }
}

const vtodo = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Tasks//EN',
  'BEGIN:VTODO',
  'UID:report-1',
  'DTSTAMP:20300101T100000Z',
  'DTSTART:20300113T090000Z',
  'DUE:20300117T170000Z',
  'SUMMARY:Prepare quarterly report',
  'STATUS:NEEDS-ACTION',
  'PERCENT-COMPLETE:10',
  'RELATED-TO:project-7',
  'RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4',
  'END:VTODO',
  'END:VCALENDAR',
  '',
].join('\r\n')

function setup() {
  const server = createTasksTestServer()
  const { paths, fetch } = counting(server)
  const api = createTaskApi({ sessionUrl: server.sessionUrl, fetch })
  const listId = Id(server.seed.taskList({ name: 'Personal', role: 'inbox' }))
  return { server, api, listId, paths }
}

describe('task-list API on the in-memory server', () => {
  it('lists task lists, finds the inbox, and creates and deletes a list', async () => {
    const { api, listId } = setup()
    expect((await api.defaultTaskList()).taskListId).toBe(listId)
    const created = await api.createTaskList({ name: 'Groceries' })
    expect((await api.listTaskLists()).map((list) => list.name).sort()).toEqual([
      'Groceries',
      'Personal',
    ])
    await api.deleteTaskList(created.id)
    expect((await api.listTaskLists()).map((list) => list.name)).toEqual(['Personal'])
  })

  it('refuses to delete a list with tasks unless removeTasks is set', async () => {
    const { api, listId } = setup()
    await api.taskList(listId).addTask({ title: 'Inside' })
    const refused = await api.deleteTaskList(listId).catch((error: unknown) => error)
    expect(isTaskWriteError(refused) && refused.setError.type).toBe('taskListHasTask')
    await api.deleteTaskList(listId, { removeTasks: true })
    expect(await api.listTaskLists()).toEqual([])
  })

  it('adds a task from VTODO text in one request and finds it by uid', async () => {
    const { api, listId, paths } = setup()
    const list = api.taskList(listId)
    await list.accountId()
    const before = paths.length
    const task = await list.addTask(vtodo)
    expect(paths.length - before).toBe(1)
    expect(task).toMatchObject({
      taskListId: listId,
      uid: 'report-1',
      title: 'Prepare quarterly report',
      start: '2030-01-13T09:00:00',
      due: '2030-01-17T17:00:00',
      timeZone: 'Etc/UTC',
      progress: 'needs-action',
      percentComplete: 10,
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'monthly', interval: 3, count: 4 }],
      relatedTo: { 'project-7': { '@type': 'Relation' } },
    })
    expect((await list.taskByUid('report-1'))?.id).toBe(task.id)
    expect(await list.taskByUid('missing')).toBeUndefined()
  })

  it('adds a task from a JSCalendar Task and refuses text without a VTODO', async () => {
    const { api, listId } = setup()
    const list = api.taskList(listId)
    const task = await list.addTask({
      '@type': 'Task',
      title: 'Water plants',
      due: '2030-01-07T08:00:00',
    })
    expect(task).toMatchObject({ title: 'Water plants', taskListId: listId })
    const refused = await list
      .addTask('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n')
      .catch((error: unknown) => error)
    expect(isTaskApiError(refused)).toBe(true)
  })

  it('searches by due range and text in one request', async () => {
    const { api, listId, paths } = setup()
    const list = api.taskList(listId)
    const weekly = await list.addTask({
      title: 'Weekly report',
      start: '2030-01-01T09:00:00',
      due: '2030-01-05T17:00:00',
    })
    const quarterly = await list.addTask({
      title: 'Quarterly report',
      start: '2030-01-01T09:00:00',
      due: '2030-01-20T17:00:00',
    })
    await list.addTask({
      title: 'Old report',
      start: '2029-01-01T09:00:00',
      due: '2029-01-05T17:00:00',
    })
    await list.addTask({
      title: 'Water plants',
      start: '2030-01-01T09:00:00',
      due: '2030-01-06T17:00:00',
    })
    const before = paths.length
    const found = await list.search({
      after: '2030-01-01T00:00:00',
      before: '2030-02-01T00:00:00',
      text: 'report',
    })
    expect(paths.length - before).toBe(1)
    expect(found.map((task) => task.id)).toEqual([weekly.id, quarterly.id])
  })

  it('updates, completes, exports and deletes a task', async () => {
    const { api, listId } = setup()
    const list = api.taskList(listId)
    const task = await list.addTask(vtodo)
    await list.updateTask(task.id, { title: 'Prepare Q1 report', percentComplete: 50 })
    await list.completeTask(task.id)
    const [done] = await list.tasks([task.id])
    expect(done).toMatchObject({
      title: 'Prepare Q1 report',
      progress: 'completed',
      percentComplete: 100,
    })
    expect(done?.progressUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    const text = await list.exportTask(task.id)
    expect(text).toContain('BEGIN:VTODO')
    expect(text).toContain('UID:report-1')
    expect(text).toContain('SUMMARY:Prepare Q1 report')
    expect(text).toContain('STATUS:COMPLETED')
    expect(text).toContain(`COMPLETED:${(done?.progressUpdated ?? '').replace(/[-:]/g, '')}`)
    await list.deleteTask(task.id)
    expect(await list.tasks([task.id])).toEqual([])
    const again = await list.deleteTask(task.id).catch((error: unknown) => error)
    expect(isTaskWriteError(again) && again.setError.type).toBe('notFound')
    expect(again).toMatchObject({ operation: 'destroy', objectId: task.id, method: 'Task/set' })
  })

  it('completes a task that uses a workflow status through workflowStatus, not progress', async () => {
    const { api, listId } = setup()
    const list = api.taskList(listId)
    const task = await list.addTask({ title: 'Triage', workflowStatus: 'pending', progress: null })
    await list.completeTask(task.id)
    const [done] = await list.tasks([task.id])
    expect(done?.workflowStatus).toBe('completed')
    expect(done?.progress).not.toBe('completed')
  })

  it('gives a sync token and the changes since it, one request per page', async () => {
    const { api, listId, paths } = setup()
    const list = api.taskList(listId)
    const kept = await list.addTask({ title: 'Kept' })
    const doomed = await list.addTask({ title: 'Doomed' })
    const token = await api.syncToken()
    const added = await list.addTask({ title: 'New' })
    await list.updateTask(kept.id, { title: 'Kept!' })
    await list.deleteTask(doomed.id)
    const more = await Promise.all([1, 2, 3].map((n) => list.addTask({ title: `More ${n}` })))
    const before = paths.length
    const changes = await api.changesSince(token, { maxChanges: 2 })
    expect(paths.length - before).toBe(changes.requests)
    expect(changes.requests).toBeGreaterThan(1)
    expect(changes.created.map((task) => task.id).sort()).toEqual(
      [added.id, ...more.map((task) => task.id)].sort(),
    )
    expect(changes.updated.map((task) => task.title)).toEqual(['Kept!'])
    expect(changes.destroyed).toEqual([doomed.id])
    expect(changes.token).toBe(await api.syncToken())
  })
})

describe('task-list API on a server without JMAP Tasks', () => {
  it('says plainly that the server does not support JMAP Tasks, before any API request', async () => {
    const server = createTestServer({ plugins: [calendarsPlugin] })
    const { paths, fetch } = counting(server)
    const api = createTaskApi({ sessionUrl: server.sessionUrl, fetch })
    const calls = [
      () => api.listTaskLists(),
      () => api.syncToken(),
      () => api.changesSince('0'),
      () => api.createTaskList({ name: 'x' }),
      () => api.taskList('TL1').addTask({ title: 'x' }),
      () => api.taskList('TL1').search({ text: 'x' }),
      () => api.taskList('TL1').exportTask(Id('T1')),
    ]
    for (const call of calls) {
      const error = await call().catch((caught: unknown) => caught)
      expect(isTasksNotSupportedError(error) && error.reason).toBe('noCapability')
      expect((error as Error).message).toMatch(/^this server does not support JMAP Tasks/)
    }
    // Only the Session was fetched: no JMAP API request reached the server.
    expect(new Set(paths)).toEqual(new Set([new URL(server.sessionUrl).pathname]))
  })

  it('refuses an account that lacks the tasks capability', async () => {
    const server = createTasksTestServer()
    const api = createTaskApi({
      sessionUrl: server.sessionUrl,
      fetch: server.fetch,
      accountId: 'nobody',
    })
    const error = await api.listTaskLists().catch((caught: unknown) => caught)
    expect(isTasksNotSupportedError(error) && [error.reason, error.accountId]).toEqual([
      'accountLacksCapability',
      'nobody',
    ])
  })
})

describe('task-list API write errors', () => {
  it('reports a refused creation as a TaskWriteError naming the SetError', async () => {
    const { api } = setup()
    const error = await api
      .taskList('no-such-list')
      .addTask({ title: 'Lost' })
      .catch((caught: unknown) => caught)
    expect(isTaskWriteError(error) && error.setError).toMatchObject({
      type: 'invalidProperties',
      properties: ['taskListId'],
    })
    expect(error).toMatchObject({ operation: 'create', objectId: 'task', method: 'Task/set' })
  })
})

describe('task-list API round trip through the server', () => {
  it('keeps what JSCalendar cannot say: VTODO in, VTODO out', async () => {
    const { api, listId } = setup()
    const list = api.taskList(listId)
    const text = vtodo.replace(
      'STATUS:NEEDS-ACTION',
      'STATUS:NEEDS-ACTION\r\nX-EXAMPLE-BOARD:doing\r\nCOMPLETED:20300110T120000Z',
    )
    const task = await list.addTask(text)
    const exported = await list.exportTask(task.id)
    expect(exported).toContain('X-EXAMPLE-BOARD:doing')
    expect(exported).toContain('COMPLETED:20300110T120000Z')
    expect(exported).toContain('RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4')
  })
})

describe('task-list API sharing and notifications', () => {
  it('shares a list with a principal and revokes it again', async () => {
    const { api, listId } = setup()
    const list = api.taskList(listId)
    await list.shareWith(Id('P2'), { mayReadItems: true, mayWriteOwn: true })
    expect((await list.get()).shareWith).toEqual({
      P2: {
        mayReadItems: true,
        mayWriteAll: false,
        mayWriteOwn: true,
        mayUpdatePrivate: false,
        mayRSVP: false,
        mayAdmin: false,
        mayDelete: false,
      },
    })
    await list.shareWith(Id('P2'), null)
    expect((await list.get()).shareWith).toEqual({})
  })

  it('lists notifications newest first and dismisses them', async () => {
    const { server, api } = setup()
    const notify = (created: string, taskId: string): string =>
      seedTaskNotification(server, {
        created,
        changedBy: { '@type': 'Person', name: 'Joe' },
        comment: null,
        type: 'created',
        TaskId: taskId,
        task: { '@type': 'Task', uid: `uid-${taskId}` },
      })
    const older = notify('2030-01-01T10:00:00Z', 'T1')
    const newer = notify('2030-01-02T10:00:00Z', 'T2')
    expect((await api.notifications()).map((notification) => notification.id)).toEqual([
      newer,
      older,
    ])
    await api.dismissNotifications([Id(older)])
    expect((await api.notifications()).map((notification) => notification.id)).toEqual([newer])
  })
})
