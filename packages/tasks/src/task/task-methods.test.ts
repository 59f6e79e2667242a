import { createClient, Id } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { createTasksTestServer } from '../../test/support/tasks-test-server.js'
import { tasks } from '../capabilities/tasks-registry.js'

function setup() {
  const server = createTasksTestServer()
  const jmap = createClient({
    sessionUrl: server.sessionUrl,
    fetch: server.fetch,
    capabilities: [tasks],
  })
  const listId = Id(server.seed.taskList({ name: 'Personal' }))
  const seedTask = (properties: Record<string, unknown>): Id =>
    Id(server.seed.task({ '@type': 'Task', taskListId: listId, ...properties } as never))
  return { server, jmap, accountId: 'u1', listId, seedTask }
}

describe('Task methods against the in-memory server', () => {
  it('Task/set creates a task in one list and Task/get reads it back with the JMAP properties', async () => {
    const { jmap, accountId, listId } = setup()
    const { set, get } = await jmap.request((b) => {
      const set = b.call('Task/set', {
        accountId,
        create: {
          milk: {
            taskListId: listId,
            '@type': 'Task',
            title: 'Buy milk',
            due: '2030-01-10T18:00:00',
            estimatedDuration: 'PT20M',
            checklists: {
              c1: {
                '@type': 'Checklist',
                checkItems: [{ '@type': 'CheckItem', title: 'Oat', isComplete: false }],
              },
            },
          },
        },
        sendSchedulingMessages: false,
      })
      const get = b.call('Task/get', { accountId, ids: [set.created('milk')] })
      return { set, get }
    })
    expect(set.notCreated).toBeNull()
    const [task] = get.list
    expect(task).toMatchObject({
      taskListId: listId,
      isDraft: false,
      title: 'Buy milk',
      due: '2030-01-10T18:00:00',
      estimatedDuration: 'PT20M',
      progress: 'needs-action',
    })
    expect(task?.uid).toBeTypeOf('string')
    expect(task?.checklists?.c1?.checkItems?.[0]?.title).toBe('Oat')
    expect(task).not.toHaveProperty('utcDue')
  })

  it('Task/get narrows to the properties asked for, computed utcStart/utcDue included', async () => {
    const { jmap, accountId, seedTask } = setup()
    const id = seedTask({
      title: 'Report',
      start: '2030-01-08T09:00:00',
      due: '2030-01-10T17:00:00',
    })
    const response = await jmap.request((b) =>
      b.call('Task/get', {
        accountId,
        ids: [id],
        properties: ['title', 'utcStart', 'utcDue'],
        timeZone: 'Etc/UTC',
      }),
    )
    expect(response.list).toEqual([
      { id, title: 'Report', utcStart: '2030-01-08T09:00:00Z', utcDue: '2030-01-10T17:00:00Z' },
    ])
  })

  it('Task/set moves a task to another list by setting its single taskListId', async () => {
    const { server, jmap, accountId, seedTask } = setup()
    const id = seedTask({ title: 'Move me' })
    const other = Id(server.seed.taskList({ name: 'Other' }))
    const response = await jmap.request((b) => ({
      set: b.call('Task/set', { accountId, update: { [id]: { taskListId: other } } }),
      get: b.call('Task/get', { accountId, ids: [id], properties: ['taskListId'] }),
    }))
    expect(response.set.updated).toHaveProperty(id)
    expect(response.get.list[0]?.taskListId).toBe(other)
  })

  it('Task/set rejects a task whose list does not exist', async () => {
    const { jmap, accountId } = setup()
    const response = await jmap.request((b) =>
      b.call('Task/set', { accountId, create: { k: { taskListId: Id('nope'), title: 'x' } } }),
    )
    expect(response.notCreated?.k).toMatchObject({
      type: 'invalidProperties',
      properties: ['taskListId'],
    })
  })

  it('Task/changes lists what changed since a state', async () => {
    const { jmap, accountId, seedTask } = setup()
    const kept = seedTask({ title: 'Kept' })
    const doomed = seedTask({ title: 'Doomed' })
    const { state } = await jmap.request((b) => b.call('Task/get', { accountId, ids: [] }))
    await jmap.request((b) =>
      b.call('Task/set', { accountId, update: { [kept]: { title: 'Kept!' } }, destroy: [doomed] }),
    )
    const changes = await jmap.request((b) =>
      b.call('Task/changes', { accountId, sinceState: state }),
    )
    expect(changes).toMatchObject({
      created: [],
      updated: [kept],
      destroyed: [doomed],
      hasMoreChanges: false,
    })
  })

  it('Task/query filters by list, due range and text and sorts by due', async () => {
    const { server, jmap, accountId, listId, seedTask } = setup()
    const late = seedTask({
      title: 'Quarterly report',
      start: '2030-01-01T09:00:00',
      due: '2030-01-20T17:00:00',
    })
    const early = seedTask({
      title: 'Weekly report',
      start: '2030-01-01T09:00:00',
      due: '2030-01-05T17:00:00',
    })
    seedTask({
      title: 'Quarterly report',
      start: '2029-01-01T09:00:00',
      due: '2029-01-20T17:00:00',
    })
    seedTask({ title: 'Water plants', start: '2030-01-01T09:00:00', due: '2030-01-07T17:00:00' })
    const elsewhere = Id(server.seed.taskList({ name: 'Elsewhere' }))
    server.seed.task({
      '@type': 'Task',
      taskListId: elsewhere,
      title: 'report',
      due: '2030-01-06T00:00:00',
    })
    const response = await jmap.request((b) =>
      b.call('Task/query', {
        accountId,
        filter: {
          operator: 'AND',
          conditions: [
            { inTaskLists: [listId] },
            { after: '2030-01-01T00:00:00', before: '2030-02-01T00:00:00', text: 'report' },
          ],
        },
        sort: [{ property: 'due', isAscending: true }],
        calculateTotal: true,
      }),
    )
    expect(response.ids).toEqual([early, late])
    expect(response.total).toBe(2)
  })

  it('Task/queryChanges reports a task that entered the query', async () => {
    const { jmap, accountId, listId, seedTask } = setup()
    seedTask({ title: 'a', due: '2030-01-01T00:00:00' })
    const filter = { inTaskLists: [listId] }
    const first = await jmap.request((b) => b.call('Task/query', { accountId, filter }))
    const added = seedTask({ title: 'b', due: '2030-01-02T00:00:00' })
    const changes = await jmap.request((b) =>
      b.call('Task/queryChanges', { accountId, filter, sinceQueryState: first.queryState }),
    )
    expect(changes.added).toEqual([{ id: added, index: 1 }])
    expect(changes.removed).toEqual([])
  })

  it('Task/copy copies a task into another account and list', async () => {
    const { server, jmap, accountId, seedTask } = setup()
    const source = seedTask({ title: 'Shared chore', due: '2030-03-01T10:00:00' })
    const target = Id(server.seed.taskList({ name: 'Theirs' }, 'u2'))
    const response = await jmap.request((b) => {
      const copy = b.call('Task/copy', {
        fromAccountId: accountId,
        accountId: 'u2',
        create: { c1: { id: source, taskListId: target } },
      })
      const get = b.call('Task/get', {
        accountId: 'u2',
        ids: [copy.created('c1')],
        properties: ['title', 'taskListId'],
      })
      return { copy, get }
    })
    expect(response.copy.notCreated).toBeNull()
    expect(response.get.list).toEqual([
      { id: response.copy.created?.c1?.id, title: 'Shared chore', taskListId: target },
    ])
  })
})
