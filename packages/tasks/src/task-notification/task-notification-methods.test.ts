import { createClient, Id, UTCDate } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import {
  createTasksTestServer,
  seedTaskNotification,
} from '../../test/support/tasks-test-server.js'
import { tasks } from '../capabilities/tasks-registry.js'
import { taskIdOfNotification } from './task-notification.js'

const joe = { '@type': 'Person', name: 'Joe', principalId: 'P2' }

function setup() {
  const server = createTasksTestServer()
  const jmap = createClient({
    sessionUrl: server.sessionUrl,
    fetch: server.fetch,
    capabilities: [tasks],
  })
  const notify = (created: string, type: string, taskId: string): Id =>
    Id(
      seedTaskNotification(server, {
        created,
        changedBy: joe,
        comment: null,
        type,
        TaskId: taskId,
        isDraft: false,
        task: { '@type': 'Task', uid: `uid-${taskId}`, title: `Task ${taskId}` },
        ...(type === 'updated' ? { taskPatch: { title: 'Renamed' } } : {}),
      }),
    )
  return { server, jmap, accountId: 'u1', notify }
}

describe('TaskNotification methods against the in-memory server', () => {
  it('TaskNotification/query filters by type, task and time, sorted by created; get reads them', async () => {
    const { jmap, accountId, notify } = setup()
    notify('2030-01-01T10:00:00Z', 'created', 'T1')
    const second = notify('2030-01-02T10:00:00Z', 'updated', 'T1')
    const third = notify('2030-01-03T10:00:00Z', 'updated', 'T1')
    notify('2030-01-04T10:00:00Z', 'updated', 'T2')
    const response = await jmap.request((b) => {
      const query = b.call('TaskNotification/query', {
        accountId,
        filter: { type: 'updated', taskIds: [Id('T1')], after: UTCDate('2030-01-02T00:00:00Z') },
        sort: [{ property: 'created', isAscending: false }],
      })
      const get = b.call('TaskNotification/get', { accountId, ids: query.ref('/ids') })
      return { query, get }
    })
    expect(response.query.ids).toEqual([third, second])
    const [latest] = response.get.list
    expect(latest).toMatchObject({
      type: 'updated',
      changedBy: joe,
      taskPatch: { title: 'Renamed' },
    })
    expect(latest === undefined ? undefined : taskIdOfNotification(latest)).toBe('T1')
  })

  it('TaskNotification/set destroys (dismisses) notifications; changes and queryChanges report it', async () => {
    const { jmap, accountId, notify } = setup()
    const kept = notify('2030-01-01T10:00:00Z', 'created', 'T1')
    const dismissed = notify('2030-01-02T10:00:00Z', 'created', 'T2')
    const before = await jmap.request((b) => ({
      get: b.call('TaskNotification/get', { accountId, ids: [] }),
      query: b.call('TaskNotification/query', { accountId }),
    }))
    const set = await jmap.request((b) =>
      b.call('TaskNotification/set', { accountId, destroy: [dismissed] }),
    )
    expect(set.destroyed).toEqual([dismissed])
    const after = await jmap.request((b) => ({
      changes: b.call('TaskNotification/changes', { accountId, sinceState: before.get.state }),
      queryChanges: b.call('TaskNotification/queryChanges', {
        accountId,
        sinceQueryState: before.query.queryState,
      }),
      remaining: b.call('TaskNotification/get', { accountId, ids: null, properties: ['type'] }),
    }))
    expect(after.changes.destroyed).toEqual([dismissed])
    expect(after.queryChanges.removed).toEqual([dismissed])
    expect(after.remaining.list).toEqual([{ id: kept, type: 'created' }])
  })
})
