import { createClient, type Id, UnsignedInt } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { mail } from '../capabilities/mail-capabilities.js'
import type { Mailbox, MailboxRights } from './mailbox.js'

declare const accountId: string
declare const mailboxId: Id
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [mail] })

describe('Mailbox methods', () => {
  test('Mailbox/get narrows to properties and keeps myRights typed', async () => {
    const got = await jmap.request((b) =>
      b.call('Mailbox/get', { accountId, ids: null, properties: ['name', 'role', 'myRights'] }),
    )
    expectTypeOf(got.list).toEqualTypeOf<Pick<Mailbox, 'id' | 'name' | 'role' | 'myRights'>[]>()
    expectTypeOf(got.list[0]!.myRights).toEqualTypeOf<MailboxRights>()
  })

  test('Mailbox/changes.updatedProperties feeds Mailbox/get properties', async () => {
    const { updated } = await jmap.request((b) => {
      const changes = b.call('Mailbox/changes', { accountId, sinceState: 's1' })
      const updated = b.call('Mailbox/get', {
        accountId,
        ids: changes.ref('/updated'),
        properties: changes.ref('/updatedProperties'),
      })
      return { updated }
    })
    expectTypeOf(updated.list[0]!.id).toEqualTypeOf<Id>()
    expectTypeOf(updated.list[0]!.name).toEqualTypeOf<string | undefined>()
  })

  test('Mailbox/query takes its own filter, sort and tree arguments', async () => {
    const found = await jmap.request((b) =>
      b.call('Mailbox/query', {
        accountId,
        filter: { parentId: null, hasAnyRole: false },
        sort: [{ property: 'sortOrder' }, { property: 'name' }],
        sortAsTree: true,
        filterAsTree: true,
      }),
    )
    expectTypeOf(found.ids).toEqualTypeOf<Id[]>()
    await jmap.request((b) =>
      // @ts-expect-error: Mailbox/query cannot sort by totalEmails
      b.call('Mailbox/query', { accountId, sort: [{ property: 'totalEmails' }] }),
    )
    await jmap.request((b) =>
      // @ts-expect-error: 'inMailbox' is an Email filter, not a Mailbox one
      b.call('Mailbox/query', { accountId, filter: { inMailbox: mailboxId } }),
    )
  })

  test('Mailbox/set creates with a name and destroys with onDestroyRemoveEmails', async () => {
    const set = await jmap.request((b) =>
      b.call('Mailbox/set', {
        accountId,
        create: { box: { name: 'Receipts', parentId: null } },
        destroy: [mailboxId],
        onDestroyRemoveEmails: true,
      }),
    )
    expectTypeOf(set.created?.box?.id).toEqualTypeOf<Id | undefined>()
    await jmap.request((b) =>
      // @ts-expect-error: totalEmails is server-set and cannot be patched
      b.call('Mailbox/set', { accountId, update: { [mailboxId]: { totalEmails: 0 } } }),
    )
    await jmap.request((b) =>
      b.call('Mailbox/set', {
        accountId,
        update: { [mailboxId]: { name: 'Renamed', sortOrder: UnsignedInt(5) } },
      }),
    )
    await jmap.request((b) =>
      // @ts-expect-error: Mailbox/set has no 'removeEmails' argument (it is onDestroyRemoveEmails)
      b.call('Mailbox/set', { accountId, destroy: [mailboxId], removeEmails: true }),
    )
  })
})
