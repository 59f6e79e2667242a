import { createClient, Id } from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { describe, expect, it } from 'vitest'
import { createTestServer } from './server/create-test-server.js'

// The way an app unit-tests its typed-jmap code: the client talks to the
// in-memory server through `fetch: server.fetch`, no port, no mock.
describe('the typed-jmap client against the in-memory server', () => {
  it('runs a query → get chain with a result reference', async () => {
    const server = createTestServer()
    const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
    server.seed.email({
      mailboxIds: [inbox],
      from: 'ann@example.com',
      subject: 'Lunch?',
      text: 'Pizza at noon',
      receivedAt: '2026-01-01T12:00:00Z',
    })
    server.seed.email({
      mailboxIds: [inbox],
      from: 'bob@example.com',
      subject: 'Re: Lunch?',
      text: 'Yes',
      receivedAt: '2026-01-01T12:05:00Z',
    })

    const jmap = createClient({
      sessionUrl: server.sessionUrl,
      fetch: server.fetch,
      capabilities: [mail],
    })
    const session = await jmap.session()
    const accountId = session.primaryAccounts['urn:ietf:params:jmap:mail'] as string
    // Two round trips rather than one with found.ref('/ids'): returning a handle
    // whose arguments hold a result reference does not yet type-check under
    // TypeScript 5.9 in @typed-jmap/core.
    const found = await jmap.request((b) =>
      b.call('Email/query', {
        accountId,
        filter: { inMailbox: Id(inbox) },
        sort: [{ property: 'receivedAt', isAscending: false }],
      }),
    )
    const emails = await jmap.request((b) =>
      b.call('Email/get', { accountId, ids: found.ids, properties: ['subject', 'from'] }),
    )
    expect(emails.list.map((email) => email.subject)).toEqual(['Re: Lunch?', 'Lunch?'])
  })
})

// The README's example, kept here so the documented code keeps working.
async function unreadSubjects(sessionUrl: string, fetch: typeof globalThis.fetch) {
  const jmap = createClient({ sessionUrl, fetch, capabilities: [mail] })
  const session = await jmap.session()
  const accountId = session.primaryAccounts['urn:ietf:params:jmap:mail'] as string
  const found = await jmap.request((b) =>
    b.call('Email/query', { accountId, filter: { notKeyword: '$seen' } }),
  )
  const emails = await jmap.request((b) =>
    b.call('Email/get', { accountId, ids: found.ids, properties: ['subject'] }),
  )
  return emails.list.map((email) => email.subject)
}

describe('README example', () => {
  it('lists the subjects of unread mail', async () => {
    const server = createTestServer()
    const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
    server.seed.email({
      mailboxIds: [inbox],
      from: 'ann@example.com',
      subject: 'Lunch?',
      text: 'Noon?',
    })
    server.seed.email({ mailboxIds: [inbox], subject: 'Old news', keywords: ['$seen'] })

    expect(await unreadSubjects(server.sessionUrl, server.fetch)).toEqual(['Lunch?'])
  })
})
