import type { BlobCopyResponse, Id } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import type { MailClient } from '../../test/support/in-memory-mail-server.js'
import { copyBlobs } from '../blob/copy-blobs.js'
import { getInChunks } from './get-in-chunks.js'
import { setInChunks } from './set-in-chunks.js'

declare const jmap: MailClient
declare const ids: Id[]
const accountId = 'u1'

describe('getInChunks', () => {
  test('the merged response is narrowed to the properties asked for', async () => {
    const { list, notFound } = await getInChunks(jmap, 'Email/get', {
      accountId,
      ids,
      properties: ['subject', 'threadId'],
    })
    expectTypeOf(list[0]).toEqualTypeOf<
      { readonly id: Id; readonly subject: string | null; readonly threadId: Id } | undefined
    >()
    expectTypeOf(notFound).toMatchTypeOf<readonly string[]>()
    // @ts-expect-error: `from` was not among the properties asked for
    list[0]?.from
  })

  test('refuses a /get of every record (ids: null) and a property the type lacks', () => {
    // @ts-expect-error: ids must be a list to be cut into chunks
    getInChunks(jmap, 'Mailbox/get', { accountId, ids: null })
    // @ts-expect-error: Mailbox has no `subject`
    getInChunks(jmap, 'Mailbox/get', { accountId, ids, properties: ['subject'] })
  })

  test('refuses a method that is not a /get', () => {
    // @ts-expect-error: Mailbox/set is not a /get
    getInChunks(jmap, 'Mailbox/set', { accountId, ids })
  })
})

describe('setInChunks', () => {
  test('the merged response is the /set response of the method', async () => {
    const result = await setInChunks(jmap, 'Mailbox/set', { accountId, destroy: ids })
    expectTypeOf(result.destroyed).toEqualTypeOf<Id[] | null>()
    expectTypeOf(result.newState).toEqualTypeOf<string>()
  })

  test('refuses a create the data type does not accept', () => {
    setInChunks(jmap, 'Mailbox/set', {
      accountId,
      // @ts-expect-error: a Mailbox has no `colour`
      create: { k1: { name: 'A', colour: 'red' } },
    })
    // @ts-expect-error: Mailbox/get is not a /set
    setInChunks(jmap, 'Mailbox/get', { accountId })
  })
})

describe('copyBlobs', () => {
  test('resolves with the Blob/copy response; the arguments are checked', async () => {
    expectTypeOf(
      await copyBlobs(jmap, { fromAccountId: 'u1', accountId: 'u2', blobIds: ids }),
    ).toEqualTypeOf<BlobCopyResponse>()
    // @ts-expect-error: blobIds must be Ids, not plain strings
    copyBlobs(jmap, { fromAccountId: 'u1', accountId: 'u2', blobIds: ['B1' as string] })
  })
})
