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
