import type { Id, ResyncNeeded } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import type { MailClient } from '../../test/support/in-memory-mail-server.js'
import { createClient } from '../client/create-client.js'
import { changesWithObjects } from './changes-with-objects.js'
import { drainChanges } from './drain-changes.js'
import { queryPages } from './query-pages.js'

declare const jmap: MailClient
const accountId = 'u1'

describe('queryPages', () => {
  test('pages carry ids and the response typed by the /query method', async () => {
    for await (const page of queryPages(
      jmap,
      'Email/query',
      { accountId, filter: { inMailbox: 'M1' as Id }, collapseThreads: true },
      { pageSize: 50 },
    )) {
      expectTypeOf(page.ids).toEqualTypeOf<readonly Id[]>()
      expectTypeOf(page.response.queryState).toEqualTypeOf<string>()
      expectTypeOf(page.response.canCalculateChanges).toEqualTypeOf<boolean>()
    }
  })

  test('refuses a method that is not a /query', () => {
    // @ts-expect-error: Email/get is not a /query method
    queryPages(jmap, 'Email/get', { accountId }, { pageSize: 10 })
  })

  test('refuses arguments the /query does not take, and the window it drives', () => {
    // @ts-expect-error: Email/query has no `colour` filter condition
    queryPages(jmap, 'Email/query', { accountId, filter: { colour: 'red' } }, { pageSize: 10 })
    // @ts-expect-error: the pager sets `position` itself
    queryPages(jmap, 'Email/query', { accountId, position: 5 }, { pageSize: 10 })
  })

  test('refuses a method of a capability the client was not created with', () => {
    const coreOnly = createClient({ sessionUrl: 'https://jmap.example/session' })
    // @ts-expect-error: the client has no mail table, so Email/query is not available
    queryPages(coreOnly, 'Email/query', { accountId }, { pageSize: 10 })
  })
})

describe('drainChanges', () => {
  test('merged ids are Ids; resync is a value; each page keeps extra members', async () => {
    const result = await drainChanges(jmap, 'Mailbox/changes', { accountId, sinceState: 's1' })
    if (result.kind === 'resync') {
      expectTypeOf(result).toEqualTypeOf<ResyncNeeded>()
      return
    }
    expectTypeOf(result.created).toEqualTypeOf<readonly Id[]>()
    expectTypeOf(result.responses[0]?.updatedProperties).toMatchTypeOf<
      readonly string[] | null | undefined
    >()
    // @ts-expect-error: Mailbox/changes responses have no `updatedEmails`
    result.responses[0]?.updatedEmails
  })

  test('refuses a method that is not a /changes', () => {
    // @ts-expect-error: Mailbox/get is not a /changes method
    drainChanges(jmap, 'Mailbox/get', { accountId, sinceState: 's1' })
  })
})

describe('changesWithObjects', () => {
  test('records are typed by the /get of the same type, narrowed to the properties', async () => {
    const result = await changesWithObjects(jmap, 'Mailbox/changes', {
      accountId,
      sinceState: 's1',
      get: { properties: ['name', 'parentId'] },
    })
    if (result.kind === 'resync') return
    expectTypeOf(result.created[0]).toEqualTypeOf<
      { readonly id: Id; readonly name: string; readonly parentId: Id | null } | undefined
    >()
    expectTypeOf(result.destroyed).toEqualTypeOf<readonly Id[]>()
    // @ts-expect-error: `role` was not among the properties asked for
    result.updated[0]?.role
  })

  test('without properties, records have the type’s default properties', async () => {
    const result = await changesWithObjects(jmap, 'Email/changes', { accountId, sinceState: 's' })
    if (result.kind === 'resync') return
    expectTypeOf(result.created[0]?.subject).toEqualTypeOf<string | null | undefined>()
  })

  test('refuses a property the data type does not have', () => {
    changesWithObjects(jmap, 'Mailbox/changes', {
      accountId,
      sinceState: 's1',
      // @ts-expect-error: Mailbox has no `subject`
      get: { properties: ['subject'] },
    })
  })

  test('refuses a /changes whose type has no /get', () => {
    // @ts-expect-error: Email/queryChanges is not a /changes with a /get
    changesWithObjects(jmap, 'Email/queryChanges', { accountId, sinceState: 's1' })
  })
})
