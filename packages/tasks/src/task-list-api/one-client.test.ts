import { createCalendarApi } from '@typed-jmap/calendars'
import { createClient } from '@typed-jmap/core'
import { calendarsPlugin, createTestServer, tasksPlugin } from '@typed-jmap/testing'
import { describe, expect, it } from 'vitest'
import { createTaskApi } from './task-api.js'

// A mail + calendar + tasks app builds the high-level APIs on the one client it already has.
function setup() {
  const server = createTestServer({ plugins: [calendarsPlugin, tasksPlugin] })
  const paths: string[] = []
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET')
    paths.push(`${method} ${new URL(input instanceof Request ? input.url : input).pathname}`)
    return server.fetch(input, init)
  }
  const jmap = createClient({ sessionUrl: server.sessionUrl, fetch })
  return { jmap, paths }
}

describe('calendar and task APIs built from an existing client', () => {
  it('share its session: one session fetch for the client and both APIs', async () => {
    const { jmap, paths } = setup()
    const calendars = createCalendarApi({ client: jmap })
    const tasks = createTaskApi({ client: jmap })
    await jmap.session()
    await calendars.listCalendars()
    await tasks.listTaskLists()
    expect(paths.filter((path) => path.startsWith('GET'))).toHaveLength(1)
    // Their requests went through the client's fetch: no connection of their own.
    expect(paths.filter((path) => path.startsWith('POST'))).toHaveLength(2)
  })
})
