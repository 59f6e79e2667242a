import { createClient, Id } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { createTasksTestServer } from '../../test/support/tasks-test-server.js'
import { tasks } from '../capabilities/tasks-registry.js'
import { isTaskListHasTaskSetError } from './task-list-has-task-set-error.js'

function setup() {
  const server = createTasksTestServer()
  const jmap = createClient({
    sessionUrl: server.sessionUrl,
    fetch: server.fetch,
    capabilities: [tasks],
  })
  return { server, jmap, accountId: 'u1' }
}

describe('TaskList methods against the in-memory server', () => {
  it('TaskList/set creates a list and TaskList/get reads it with the draft defaults', async () => {
    const { jmap, accountId } = setup()
    const { set, get } = await jmap.request((b) => {
      const set = b.call('TaskList/set', {
        accountId,
        create: { groceries: { name: 'Groceries', color: 'green', role: 'inbox' } },
      })
      const get = b.call('TaskList/get', { accountId, ids: [set.created('groceries')] })
      return { set, get }
    })
    expect(set.created?.groceries?.id).toBeTypeOf('string')
    expect(get.list).toEqual([
      expect.objectContaining({
        name: 'Groceries',
        color: 'green',
        role: 'inbox',
        sortOrder: 0,
        isSubscribed: true,
        workflowStatuses: [
          'completed',
          'failed',
          'in-process',
          'needs-action',
          'cancelled',
          'pending',
        ],
        myRights: expect.objectContaining({ mayAdmin: true, mayDelete: true }),
      }),
    ])
  })

  it('TaskList/get with properties returns just those', async () => {
    const { server, jmap, accountId } = setup()
    server.seed.taskList({ name: 'Work' })
    const response = await jmap.request((b) =>
      b.call('TaskList/get', { accountId, ids: null, properties: ['name'] }),
    )
    expect(response.list).toEqual([{ id: expect.any(String), name: 'Work' }])
  })

  it('TaskList/changes reports creations, updates and destroys since a state', async () => {
    const { server, jmap, accountId } = setup()
    const first = server.seed.taskList({ name: 'One' })
    const { state } = await jmap.request((b) => b.call('TaskList/get', { accountId, ids: [] }))
    const { set } = await jmap.request((b) => ({
      set: b.call('TaskList/set', {
        accountId,
        create: { two: { name: 'Two' } },
        update: { [Id(first)]: { name: 'One!' } },
      }),
    }))
    const changes = await jmap.request((b) =>
      b.call('TaskList/changes', { accountId, sinceState: state }),
    )
    expect(changes.created).toEqual([set.created?.two?.id])
    expect(changes.updated).toEqual([first])
    expect(changes.destroyed).toEqual([])
    expect(changes.oldState).toBe(state)
  })

  it('TaskList/set refuses to destroy a list with tasks unless onDestroyRemoveTasks is true', async () => {
    const { server, jmap, accountId } = setup()
    const list = Id(server.seed.taskList({ name: 'Full' }))
    const task = server.seed.task({ '@type': 'Task', taskListId: list, title: 'Inside' })
    const refused = await jmap.request((b) =>
      b.call('TaskList/set', { accountId, destroy: [list] }),
    )
    expect(isTaskListHasTaskSetError(refused.notDestroyed?.[list])).toBe(true)
    const removed = await jmap.request((b) =>
      b.call('TaskList/set', { accountId, destroy: [list], onDestroyRemoveTasks: true }),
    )
    expect(removed.destroyed).toEqual([list])
    const gone = await jmap.request((b) => b.call('Task/get', { accountId, ids: [Id(task)] }))
    expect(gone.notFound).toEqual([task])
  })
})
