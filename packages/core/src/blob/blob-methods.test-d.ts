import {
  blob,
  blobText,
  createClient,
  type Id,
  type ResponseOf,
  type UnsignedInt,
} from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { describe, expectTypeOf, test } from 'vitest'

const jmap = createClient({ sessionUrl: 'https://jmap.example/s', capabilities: [blob, mail] })
const coreOnly = createClient({ sessionUrl: 'https://jmap.example/s' })
const accountId = 'u1'
declare const blobId: Id

describe('Blob (RFC 9404) witnesses', () => {
  test('Blob/get items carry exactly the asked properties', () => {
    type Default = ResponseOf<'Blob/get', { accountId: 'u1'; ids: [] }>['list'][number]
    expectTypeOf<Default['size']>().toEqualTypeOf<UnsignedInt>()
    expectTypeOf<Default>().toHaveProperty('data:asText')
    type Asked = ResponseOf<
      'Blob/get',
      { accountId: 'u1'; ids: []; properties: readonly ['data:asText', 'digest:sha-256'] }
    >['list'][number]
    expectTypeOf<Asked['data:asText']>().toEqualTypeOf<string | null>()
    expectTypeOf<Asked['digest:sha-256']>().toEqualTypeOf<string>()
    expectTypeOf<Asked>().not.toHaveProperty('size')
    expectTypeOf<Asked>().not.toHaveProperty('data:asBase64')
  })

  test('Blob/lookup keys matchedIds by the asked type names', () => {
    type Info = ResponseOf<
      'Blob/lookup',
      { accountId: 'u1'; typeNames: readonly ['Email', 'Thread']; ids: [] }
    >['list'][number]
    expectTypeOf<keyof Info['matchedIds']>().toEqualTypeOf<'Email' | 'Thread'>()
  })

  test('an upload creation id is an Id for Email/import in the same request', () => {
    jmap.prepare((b) => {
      const upload = b.call('Blob/upload', {
        accountId,
        create: {
          m: { data: [blobText('From: a@example.com\r\n\r\nhi')], type: 'message/rfc822' },
        },
      })
      b.call('Email/import', {
        accountId,
        emails: { e: { blobId: upload.created('m'), mailboxIds: { [blobId]: true } } },
      })
      b.call('Email/import', {
        accountId,
        // @ts-expect-error: RFC 8620 §3.7 result references replace whole arguments only; use upload.created('m')
        emails: { e: { blobId: upload.ref('/created/m/id'), mailboxIds: { [blobId]: true } } },
      })
      b.call('Email/import', {
        accountId,
        // @ts-expect-error: 'x' is not a creation of the upload
        emails: { e: { blobId: upload.created('x'), mailboxIds: { [blobId]: true } } },
      })
      return upload
    })
  })

  test('misuse is refused', () => {
    jmap.prepare((b) =>
      // @ts-expect-error: 'text' is not a Blob/get property (data, data:asText, data:asBase64, size, digest:…)
      b.call('Blob/get', { accountId, ids: [blobId], properties: ['text'] }),
    )
    jmap.prepare((b) =>
      // @ts-expect-error: offset is an UnsignedInt, not a bare number
      b.call('Blob/get', { accountId, ids: [blobId], offset: 4 }),
    )
    jmap.prepare((b) =>
      b.call('Blob/upload', {
        accountId,
        // @ts-expect-error: a data source is text, base64 or a blob range, not a bare string
        create: { k: { data: ['hello'] } },
      }),
    )
    jmap.prepare((b) =>
      b.call('Blob/upload', {
        accountId,
        // @ts-expect-error: blobId must be an Id (or a creation reference), not any string
        create: { k: { data: [{ blobId: 'G1' }] } },
      }),
    )
    coreOnly.prepare((b) =>
      // @ts-expect-error: the client was not created with the blob capability
      b.call('Blob/get', { accountId, ids: [blobId] }),
    )
  })
})
