import { blob, createClient, type Id, type ResponseOf, type SetError } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { readSieveScript, type SieveScript, sieve, writeSieveScript } from './index.js'

const jmap = createClient({ sessionUrl: 'https://jmap.example/s', capabilities: [sieve, blob] })
const sieveOnly = createClient({ sessionUrl: 'https://jmap.example/s', capabilities: [sieve] })
const accountId = 'u1'
declare const id: Id

describe('SieveScript witnesses (RFC 9661)', () => {
  test('get narrows by properties; set takes the activation arguments and a creation reference', () => {
    type Got = ResponseOf<'SieveScript/get', { accountId: 'u1'; properties: readonly ['name'] }>
    expectTypeOf<keyof Got['list'][number]>().toEqualTypeOf<'id' | 'name'>()
    expectTypeOf<
      ResponseOf<'SieveScript/validate', { accountId: 'u1'; blobId: Id }>['error']
    >().toEqualTypeOf<SetError | null>()
    jmap.prepare((b) => {
      const upload = b.call('Blob/upload', {
        accountId,
        create: { t: { data: [{ 'data:asText': 'keep;' }] } },
      })
      return b.call('SieveScript/set', {
        accountId,
        create: { s: { name: 'f', blobId: upload.created('t') } },
        onSuccessActivateScript: b.creationId('s'),
      })
    })
  })

  test('misuse is refused', () => {
    jmap.prepare((b) =>
      // @ts-expect-error: SieveScript has no 'content'; the text is a blob
      b.call('SieveScript/get', { accountId, properties: ['content'] }),
    )
    jmap.prepare((b) =>
      // @ts-expect-error: a create needs the blobId of the script text
      b.call('SieveScript/set', { accountId, create: { s: { name: 'f' } } }),
    )
    jmap.prepare((b) =>
      // @ts-expect-error: the query filter has name and isActive only
      b.call('SieveScript/query', { accountId, filter: { blobId: id } }),
    )
    jmap.prepare((b) =>
      // @ts-expect-error: onSuccessDeactivateScript is a boolean
      b.call('SieveScript/set', { accountId, onSuccessDeactivateScript: 'yes' }),
    )
  })

  test('helpers need the blob capability too', async () => {
    expectTypeOf(readSieveScript(jmap, { accountId, active: true })).resolves.toExtend<
      (SieveScript & { text: string }) | undefined
    >()
    // @ts-expect-error: writing uploads the text with Blob/upload; the client lacks blob
    await writeSieveScript(sieveOnly, { accountId, name: 'f', text: 'keep;' })
    // @ts-expect-error: a new script needs a name (or the id of one to replace)
    await writeSieveScript(jmap, { accountId, text: 'keep;' })
  })
})
