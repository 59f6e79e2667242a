import { describe, expect, it } from 'vitest'
import { callOne } from '../../test/support/jmap-call.js'
import { isTestServerUsageError } from '../protocol/test-server-usage-error.js'
import { createTestServer } from '../server/create-test-server.js'

describe('seed helpers', () => {
  it('seeds a raw RFC 5322 message and bumps the EmailDelivery push state', async () => {
    const server = createTestServer()
    const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
    const changes: unknown[] = []
    server.runtime.pushListeners.add((change) => changes.push(change))
    const id = server.seed.email({
      mailboxIds: [inbox],
      raw: 'From: a@example.com\nSubject: Raw one\n\nbody\n',
      keywords: ['$Flagged'],
    })
    expect(changes).toEqual([
      {
        '@type': 'StateChange',
        changed: {
          u1: expect.objectContaining({
            Email: expect.any(String),
            EmailDelivery: '1',
            Thread: expect.any(String),
            Mailbox: expect.any(String),
          }),
        },
      },
    ])
    const list = (
      await callOne(server, [
        'Email/get',
        { accountId: 'u1', ids: [id], properties: ['subject', 'keywords', 'preview'] },
        'g',
      ])
    ).list
    expect(list).toEqual([
      { id, subject: 'Raw one', keywords: { $flagged: true }, preview: 'body' },
    ])
  })

  it('throws a TestServerUsageError for invalid seeds', () => {
    const server = createTestServer()
    const failures = [
      () => server.seed.email({ mailboxIds: ['Mnope'] }),
      () => server.seed.mailbox({ name: '' }),
      () => server.seed.mailbox({ name: 'x' }, 'nope'),
      () => server.seed.record('Nope', {}),
    ]
    for (const failure of failures) {
      let thrown: unknown
      try {
        failure()
      } catch (error) {
        thrown = error
      }
      expect(isTestServerUsageError(thrown)).toBe(true)
    }
  })
})
