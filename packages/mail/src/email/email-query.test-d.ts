import { createClient, type Id, UTCDate } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { mail } from '../index.js'
import type { Thread } from '../thread/thread.js'
import type { Email } from './email.js'

declare const accountId: string
declare const inboxId: Id
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [mail] })

describe('Email/query', () => {
  test('every RFC filter condition and operator compiles', async () => {
    const found = await jmap.request((b) =>
      b.call('Email/query', {
        accountId,
        filter: {
          operator: 'AND',
          conditions: [
            { inMailbox: inboxId, hasKeyword: '$flagged', after: UTCDate('2026-01-01T00:00:00Z') },
            { operator: 'NOT', conditions: [{ from: 'spam@example.com' }] },
            { header: ['List-Id'] },
            { header: ['X-Priority', '1'], minSize: 10, hasAttachment: true },
          ],
        },
        sort: [
          { property: 'receivedAt', isAscending: false },
          { property: 'someInThreadHaveKeyword', keyword: '$flagged' },
        ],
        collapseThreads: true,
        calculateTotal: true,
      }),
    )
    expectTypeOf(found.ids).toEqualTypeOf<Id[]>()
  })

  test('an unknown filter property does not compile', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: 'mailbox' is not an Email filter property (it is inMailbox)
      b.call('Email/query', { accountId, filter: { mailbox: inboxId } }),
    )
  })

  test('an unknown sort property does not compile', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: Email/query cannot sort by 'preview'
      b.call('Email/query', { accountId, sort: [{ property: 'preview' }] }),
    )
  })

  test('a keyword sort without its keyword does not compile', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: hasKeyword sorting needs `keyword`
      b.call('Email/query', { accountId, sort: [{ property: 'hasKeyword' }] }),
    )
  })

  test('query ids feed Email/get, whose threadIds feed Thread/get', async () => {
    const { threads } = await jmap.request((b) => {
      const found = b.call('Email/query', { accountId, filter: { inMailbox: inboxId }, limit: 20 })
      const emails = b.call('Email/get', {
        accountId,
        ids: found.ref('/ids'),
        properties: ['threadId'],
      })
      const threads = b.call('Thread/get', { accountId, ids: emails.ref('/list/*/threadId') })
      return { threads }
    })
    expectTypeOf(threads.list).toEqualTypeOf<Pick<Thread, 'id' | 'emailIds'>[]>()
  })

  test('a reference to a property that was not fetched does not compile', async () => {
    await jmap.request((b) => {
      const emails = b.call('Email/get', { accountId, ids: null, properties: ['subject'] })
      // @ts-expect-error: threadId was not in `properties`, so the path resolves to nothing
      return b.call('Thread/get', { accountId, ids: emails.ref('/list/*/threadId') })
    })
  })
})

describe('Email/set', () => {
  test('keywords are patched by path and mailboxIds replaced whole', async () => {
    const set = await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        update: { [inboxId]: { 'keywords/$seen': true, mailboxIds: { [inboxId]: true } } },
      }),
    )
    expectTypeOf(set.updated).toEqualTypeOf<Record<Id, Partial<Email> | null> | null>()
  })

  test('mailboxIds/<id> and keywords/<keyword> take a member each, literal or computed', async () => {
    await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        update: {
          [inboxId]: {
            [`mailboxIds/${inboxId}`]: null,
            'mailboxIds/Marchive': true,
            'keywords/$flagged': true,
            'keywords/$seen': null,
          },
        },
      }),
    )
    await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        // @ts-expect-error: a mailboxIds member is true or null, not a Mailbox id set
        update: { [inboxId]: { 'mailboxIds/Marchive': { [inboxId]: true } } },
      }),
    )
  })

  test('a created Email answers id, blobId, threadId and size', async () => {
    const set = await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        create: {
          draft: {
            mailboxIds: { [inboxId]: true },
            subject: 'Hi',
            'header:X-Mailer:asText': 'typed-jmap',
            bodyValues: { body: { value: 'Hello' } },
            textBody: [{ partId: 'body', type: 'text/plain' }],
          },
        },
      }),
    )
    expectTypeOf(set.created?.draft?.threadId).toEqualTypeOf<Id | undefined>()
  })

  test('an immutable property cannot be patched', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: subject is immutable; only keywords and mailboxIds can change
      b.call('Email/set', { accountId, update: { [inboxId]: { subject: 'New' } } }),
    )
  })

  test('a patch path the Email does not have does not compile', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: 'keyword/$seen' is misspelt (keywords/…)
      b.call('Email/set', { accountId, update: { [inboxId]: { 'keyword/$seen': true } } }),
    )
  })

  test('a body part has partId or blobId, never both; multiparts have subParts', async () => {
    await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        create: {
          x: {
            mailboxIds: { [inboxId]: true },
            bodyValues: { t: { value: 'Hi' } },
            bodyStructure: {
              type: 'multipart/mixed',
              subParts: [
                { partId: 't', type: 'text/plain' },
                { blobId: inboxId, type: 'image/png', name: 'a.png', disposition: 'attachment' },
              ],
            },
          },
        },
      }),
    )
    await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        create: {
          // @ts-expect-error: a part cannot carry both partId and blobId
          x: { mailboxIds: { [inboxId]: true }, textBody: [{ partId: 't', blobId: inboxId }] },
        },
      }),
    )
    await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        create: {
          // @ts-expect-error: the server sets the charset of a part whose value is in bodyValues
          x: { mailboxIds: { [inboxId]: true }, textBody: [{ partId: 't', charset: 'utf-8' }] },
        },
      }),
    )
    await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        create: {
          // @ts-expect-error: textBody holds exactly one part
          x: { mailboxIds: { [inboxId]: true }, textBody: [{ partId: 'a' }, { partId: 'b' }] },
        },
      }),
    )
  })

  test('a keyword set to false does not compile', async () => {
    await jmap.request((b) =>
      b.call('Email/set', {
        accountId,
        // @ts-expect-error: set members are true; remove one by patching it to null
        create: { x: { mailboxIds: { [inboxId]: true }, keywords: { $seen: false } } },
      }),
    )
  })
})
