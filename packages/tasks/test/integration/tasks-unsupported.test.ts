import { Id, isSessionError } from '@typed-jmap/core'
import { expect, it } from 'vitest'
import { describeOnServer, type TestServer } from '../../../../scripts/integration/servers.js'
import { createTaskApi, type TaskApi } from '../../src/task-list-api/task-api.js'
import { isTasksNotSupportedError } from '../../src/task-list-api/tasks-not-supported-error.js'

/** The task-list API over a fetch that counts the JMAP API requests (POSTs) it makes. */
function countingApi(server: TestServer): { api: TaskApi; posts: () => number } {
  let posts = 0
  const counting: typeof fetch = (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    if (method.toUpperCase() === 'POST') posts++
    return fetch(input, init)
  }
  const api = createTaskApi({
    sessionUrl: server.sessionUrl,
    auth: { basic: server.user },
    fetch: counting,
  })
  return { api, posts: () => posts }
}

describeOnServer(
  'cyrus-3.10',
  'JMAP Tasks on a server that does not implement the draft',
  (server) => {
    it('the Session has no urn:ietf:params:jmap:tasks', async () => {
      const session = await countingApi(server).api.client.session()
      expect(Object.keys(session.capabilities)).not.toContain('urn:ietf:params:jmap:tasks')
    })

    it('every task-list API method says so before sending any JMAP request', async () => {
      const { api, posts } = countingApi(server)
      const list = api.taskList('TL1')
      const calls: (() => Promise<unknown>)[] = [
        () => api.listTaskLists(),
        () => api.defaultTaskList(),
        () => api.syncToken(),
        () => api.changesSince('0'),
        () => list.addTask({ title: 'Never sent' }),
        () => list.search({ after: '2030-01-01T00:00:00', text: 'x' }),
        () => list.completeTask(Id('T1')),
        () => list.exportTask(Id('T1')),
      ]
      for (const call of calls) {
        const error = await call().then(
          () => undefined,
          (caught: unknown) => caught,
        )
        expect(isTasksNotSupportedError(error)).toBe(true)
        expect(String(error)).toContain('this server does not support JMAP Tasks')
      }
      expect(posts()).toBe(0)
    })

    it('the typed client underneath refuses a raw Task/get too, from the Session', async () => {
      const { api, posts } = countingApi(server)
      const error = await api.client
        .request((b) => b.call('Task/get', { accountId: server.user.username, ids: null }))
        .then(
          () => undefined,
          (caught: unknown) => caught,
        )
      expect(isSessionError(error) && error.problem).toBe('missingCapability')
      expect(posts()).toBe(0)
    })
  },
)
