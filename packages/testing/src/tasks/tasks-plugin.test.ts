import { beforeEach, describe, expect, it } from 'vitest'
import { callOne } from '../../test/support/jmap-call.js'
import { createTestServer, type TestServer } from '../server/create-test-server.js'

let server: TestServer

beforeEach(() => {
  server = createTestServer()
})

describe('TaskList and Task (draft-ietf-jmap-tasks)', () => {
  it('creates tasks in a list and filters by progress', async () => {
    const list = server.seed.taskList({ name: 'Chores' })
    const done = server.seed.task({
      taskListId: list,
      title: 'Dishes',
      progress: 'completed',
      due: '2026-03-01T18:00:00',
    })
    const open = server.seed.task({
      taskListId: list,
      title: 'Laundry',
      due: '2026-03-03T18:00:00',
    })
    expect(
      (
        await callOne(server, [
          'Task/query',
          { accountId: 'u1', filter: { progress: 'needs-action' } },
          'q',
        ])
      ).ids,
    ).toEqual([open])
    expect(
      (
        await callOne(server, [
          'Task/query',
          { accountId: 'u1', sort: [{ property: 'due', isAscending: false }] },
          'q',
        ])
      ).ids,
    ).toEqual([open, done])
    const got = (
      await callOne(server, [
        'Task/get',
        { accountId: 'u1', ids: [done], properties: ['@type', 'utcDue', 'progress'] },
        'g',
      ])
    ).list
    expect(got).toEqual([
      { id: done, '@type': 'Task', utcDue: '2026-03-01T18:00:00Z', progress: 'completed' },
    ])
  })

  it('rejects a task in a list that does not exist and a percentComplete over 100', async () => {
    const list = server.seed.taskList({ name: 'Chores' })
    const result = await callOne(server, [
      'Task/set',
      {
        accountId: 'u1',
        create: { a: { taskListId: 'Lnope' }, b: { taskListId: list, percentComplete: 120 } },
      },
      's',
    ])
    expect(result.notCreated).toEqual({
      a: { type: 'invalidProperties', properties: ['taskListId'] },
      b: { type: 'invalidProperties', properties: ['percentComplete'] },
    })
  })
})

describe('Task times and TaskList destruction', () => {
  it('computes utcStart and utcDue in the task time zone, only when asked for', async () => {
    const list = server.seed.taskList({ name: 'Chores' })
    const id = server.seed.task({
      taskListId: list,
      start: '2026-03-10T10:00:00',
      due: '2026-07-10T10:00:00',
      timeZone: 'Europe/Berlin',
    })
    const get = (properties?: string[]) =>
      callOne(server, [
        'Task/get',
        { accountId: 'u1', ids: [id], ...(properties === undefined ? {} : { properties }) },
        'g',
      ])
    expect((await get(['utcStart', 'utcDue'])).list).toEqual([
      { id, utcStart: '2026-03-10T09:00:00Z', utcDue: '2026-07-10T08:00:00Z' },
    ])
    expect((await get()).list).toEqual([expect.not.objectContaining({ utcDue: expect.anything() })])
  })

  it('refuses to destroy a list with tasks (taskListHasTask) unless onDestroyRemoveTasks', async () => {
    const list = server.seed.taskList({ name: 'Chores' })
    const task = server.seed.task({ taskListId: list, title: 'Dishes' })
    const refused = await callOne(server, [
      'TaskList/set',
      { accountId: 'u1', destroy: [list] },
      's',
    ])
    expect(refused.notDestroyed).toMatchObject({ [list]: { type: 'taskListHasTask' } })
    const destroyed = await callOne(server, [
      'TaskList/set',
      { accountId: 'u1', destroy: [list], onDestroyRemoveTasks: true },
      's',
    ])
    expect(destroyed.destroyed).toEqual([list])
    const gone = await callOne(server, ['Task/get', { accountId: 'u1', ids: [task] }, 'g'])
    expect(gone.notFound).toEqual([task])
  })
})
