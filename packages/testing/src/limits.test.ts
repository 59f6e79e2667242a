import { describe, expect, it } from 'vitest'
import { callOne } from '../test/support/jmap-call.js'
import { createTestServer } from './server/create-test-server.js'

// Each test shows one documented limit of the server (README, "Limits of this server"), so the
// list cannot silently go stale: when a limit is lifted, its test fails and the README changes.

describe('documented limits', () => {
  it('joins threads by In-Reply-To/References only, never by subject', async () => {
    const server = createTestServer()
    const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
    const first = server.seed.email({ mailboxIds: [inbox], subject: 'Plans', messageId: 'a@x' })
    const sameSubject = server.seed.email({ mailboxIds: [inbox], subject: 'Re: Plans' })
    const reply = server.seed.email({ mailboxIds: [inbox], subject: 'Re: Plans', inReplyTo: 'a@x' })
    const { list } = await callOne(server, [
      'Email/get',
      { accountId: 'u1', ids: [first, sameSubject, reply], properties: ['threadId'] },
      'g',
    ])
    const [a, b, c] = list as Array<{ threadId: string }>
    expect(c?.threadId).toBe(a?.threadId)
    expect(b?.threadId).not.toBe(a?.threadId)
  })

  it('does not serve sharing (Principals)', async () => {
    const server = createTestServer()
    const session = (await (await server.fetch(server.sessionUrl)).json()) as {
      capabilities: Record<string, unknown>
    }
    expect(Object.keys(session.capabilities)).not.toContain('urn:ietf:params:jmap:principals')
  })

  it('counts Quota used at read time: a delivery leaves the Quota state alone', async () => {
    const server = createTestServer()
    const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
    const before = await callOne(server, ['Quota/get', { accountId: 'u1', ids: null }, 'g'])
    server.seed.email({ mailboxIds: [inbox], subject: 'big', text: 'x'.repeat(1000) })
    const after = await callOne(server, ['Quota/get', { accountId: 'u1', ids: null }, 'g'])
    expect(after.state).toBe(before.state)
    const [quota] = after.list as Array<{ used: number }>
    expect(quota?.used).toBeGreaterThan(1000)
  })

  it('does not enforce a Quota hardLimit (no overQuota)', async () => {
    const server = createTestServer()
    const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
    server.seed.record('Quota', {
      name: 'one',
      resourceType: 'count',
      hardLimit: 1,
      types: ['Email'],
    })
    server.seed.email({ mailboxIds: [inbox], subject: 'first' })
    const set = await callOne(server, [
      'Email/set',
      { accountId: 'u1', create: { k: { mailboxIds: { [inbox]: true }, subject: 'second' } } },
      's',
    ])
    expect(set.notCreated).toBeNull()
  })

  it('refuses utcStart on create: it is server-set here', async () => {
    const server = createTestServer()
    const calendar = server.seed.calendar({ name: 'Work' })
    const set = await callOne(server, [
      'CalendarEvent/set',
      {
        accountId: 'u1',
        create: {
          e: {
            calendarIds: { [calendar]: true },
            start: '2026-03-10T10:00:00',
            utcStart: '2026-03-10T09:00:00Z',
          },
        },
      },
      's',
    ])
    expect(set.notCreated).toMatchObject({
      e: { type: 'invalidProperties', properties: ['utcStart'] },
    })
  })

  it('answers a recurring task once to Task/query with expandRecurrences, by its first instance', async () => {
    const server = createTestServer()
    const taskListId = server.seed.taskList({ name: 'Chores' })
    const taskId = server.seed.task({
      taskListId,
      title: 'Water the plants',
      start: '2026-03-02T10:00:00',
      due: '2026-03-02T11:00:00',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 3 }],
    })
    const { ids } = await callOne(server, [
      'Task/query',
      {
        accountId: 'u1',
        filter: { after: '2026-03-01T00:00:00', before: '2026-03-10T00:00:00' },
        expandRecurrences: true,
      },
      'q',
    ])
    expect(ids).toEqual([taskId])
    const third = await callOne(server, [
      'Task/query',
      { accountId: 'u1', filter: { after: '2026-03-04T00:00:00', before: '2026-03-05T00:00:00' } },
      'q',
    ])
    expect(third.ids).toEqual([])
  })
})
