import { createHash } from 'node:crypto'
import { mail } from '@typed-jmap/mail'
import { createTestServer } from '@typed-jmap/testing'
import { describe, expect, it } from 'vitest'
import { createClient } from '../client/create-client.js'
import { UnsignedInt } from '../primitives/unsigned-int.js'
import { blob } from './blob-capability.js'
import { blobBase64, blobSlice, blobText } from './blob-data-source.js'

// "The quick brown fox jumped over the \x81\x81 dog." (RFC 9404 §4.2's example: not UTF-8)
const brokenUtf8 = 'VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wZWQgb3ZlciB0aGUggYEgZG9nLg=='
const octets = Buffer.from(brokenUtf8, 'base64')
const digest = (algorithm: string, data: Uint8Array): string =>
  createHash(algorithm).update(data).digest('base64')

function setup() {
  const server = createTestServer()
  const jmap = createClient({
    sessionUrl: server.sessionUrl,
    fetch: server.fetch,
    capabilities: [blob, mail],
  })
  return { server, jmap, accountId: 'u1' }
}

describe('Blob/upload, Blob/get, Blob/lookup on the in-memory server (RFC 9404)', () => {
  it('uploads from text, base64 and a range of a blob created earlier in the same call', async () => {
    const { jmap, accountId } = setup()
    const { upload, read } = await jmap.request((b) => {
      const upload = b.call('Blob/upload', {
        accountId,
        create: {
          raw: { data: [blobBase64(brokenUtf8)] },
          hello: { data: [blobText('Hello, '), blobText('wörld')], type: 'text/plain' },
          quick: { data: [blobSlice(b.creationId('raw'), { offset: 4, length: 5 })] },
        },
      })
      const read = b.call('Blob/get', {
        accountId,
        ids: [upload.created('hello'), upload.created('quick')],
        properties: ['data:asText', 'size', 'digest:sha-256'],
      })
      return { upload, read }
    })
    expect(upload.created?.hello).toMatchObject({ type: 'text/plain', size: 13 })
    expect(read.list.map((item) => item['data:asText'])).toEqual(['Hello, wörld', 'quick'])
    expect(read.list[0]?.['digest:sha-256']).toBe(
      digest('sha256', new TextEncoder().encode('Hello, wörld')),
    )
  })

  it('reads ranges: digests of the range, isEncodingProblem, isTruncated, size of the whole blob', async () => {
    const { jmap, accountId } = setup()
    const [created] = Object.values(
      (
        await jmap.request((b) =>
          b.call('Blob/upload', { accountId, create: { b: { data: [blobBase64(brokenUtf8)] } } }),
        )
      ).created ?? {},
    )
    const id = created?.id ?? expect.fail('not created')
    const got = await jmap.request((b) => ({
      whole: b.call('Blob/get', { accountId, ids: [id] }),
      text: b.call('Blob/get', { accountId, ids: [id], properties: ['data:asText'] }),
      range: b.call('Blob/get', {
        accountId,
        ids: [id],
        properties: ['data:asText', 'digest:sha', 'size'],
        offset: UnsignedInt(4),
        length: UnsignedInt(5),
      }),
      tail: b.call('Blob/get', {
        accountId,
        ids: [id],
        properties: ['data:asBase64'],
        offset: UnsignedInt(30),
        length: UnsignedInt(100),
      }),
    }))
    expect(got.whole.list[0]).toEqual({
      id,
      isEncodingProblem: true,
      'data:asBase64': brokenUtf8,
      size: octets.length,
    })
    expect(got.text.list[0]).toMatchObject({ isEncodingProblem: true, 'data:asText': null })
    expect(got.range.list[0]).toEqual({
      id,
      'data:asText': 'quick',
      'digest:sha': digest('sha1', octets.subarray(4, 9)),
      size: octets.length,
    })
    expect(got.tail.list[0]).toEqual({
      id,
      isTruncated: true,
      'data:asBase64': octets.subarray(30).toString('base64'),
    })
  })

  it('imports an uploaded message in the same request and finds it with Blob/lookup', async () => {
    const { server, jmap, accountId } = setup()
    const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
    const message = 'From: a@example.com\r\nSubject: uploaded\r\n\r\nHello\r\n'
    const { imported, lookup } = await jmap.request((b) => {
      const upload = b.call('Blob/upload', {
        accountId,
        create: { m: { data: [blobText(message)], type: 'message/rfc822' } },
      })
      const imported = b.call('Email/import', {
        accountId,
        emails: { e: { blobId: upload.created('m'), mailboxIds: { [inbox]: true } } },
      })
      const lookup = b.call('Blob/lookup', {
        accountId,
        typeNames: ['Email', 'Mailbox', 'Thread'],
        ids: [upload.created('m')],
      })
      return { imported, lookup }
    })
    const email = imported.created?.e ?? expect.fail('not imported')
    expect(lookup.list).toEqual([
      {
        id: email.blobId,
        matchedIds: { Email: [email.id], Mailbox: [inbox], Thread: [email.threadId] },
      },
    ])
  })

  it('refuses a range past the end of the source blob as notCreated', async () => {
    const { jmap, accountId } = setup()
    const upload = await jmap.request((b) =>
      b.call('Blob/upload', {
        accountId,
        create: {
          a: { data: [blobText('abc')] },
          b: { data: [blobSlice(b.creationId('a'), { offset: 2, length: 5 })] },
        },
      }),
    )
    expect(Object.keys(upload.created ?? {})).toEqual(['a'])
    expect(upload.notCreated?.b?.type).toBe('invalidProperties')
  })
})

describe('data sources are checked before sending', () => {
  it('refuses bad base64 and lone surrogates, saying where', () => {
    expect(() => blobBase64('aGVsbG8=\n')).toThrow('character "\\n" at 8 is not base64')
    expect(() => blobBase64('aGVsbG8')).toThrow('length 7 or padding is not valid base64')
    expect(() => blobText('ok\uD800')).toThrow('lone surrogate at index 2')
    expect(() => blobSlice('G1' as never, { offset: -1 })).toThrow()
    expect(blobText('😀')).toEqual({ 'data:asText': '😀' })
  })
})
