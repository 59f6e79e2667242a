import { createHash } from 'node:crypto'
import {
  blob,
  blobBase64,
  blobSlice,
  blobText,
  createClient,
  createConnection,
  UnsignedInt,
  withCyrusBlobDialect,
} from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { expect, it } from 'vitest'
import { describeOnServer } from '../../../../scripts/integration/servers.js'

// "The quick brown fox jumped over the \x81\x81 dog." (RFC 9404 §4.2's example: not UTF-8)
const brokenUtf8 = 'VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wZWQgb3ZlciB0aGUggYEgZG9nLg=='
const octets = Buffer.from(brokenUtf8, 'base64')
const digest = (algorithm: string, data: Uint8Array): string =>
  createHash(algorithm).update(data).digest('base64')

// Cyrus 3.10 serves RFC 9404 under https://cyrusimap.org/ns/jmap/blob; the application
// writes the standard capability and the dialect wrapper translates.
// Cyrus 3.6 already has it (without digests: no supportedDigestAlgorithms).
describeOnServer(
  ['cyrus-3.6', 'cyrus-3.10'],
  'Blob (RFC 9404) through the Cyrus blob dialect',
  (server) => {
    const is310 = server.name === 'cyrus-3.10'
    const jmap = createClient({
      connection: withCyrusBlobDialect(
        createConnection({ sessionUrl: server.sessionUrl, auth: { basic: server.user } }),
      ),
      capabilities: [blob, mail],
    })

    it('shows the standard capability in the session, with Cyrus limits mapped', async () => {
      const session = await jmap.session()
      // The main user's own account: once another suite has shared the second user's INBOX, that
      // account carries the capability too, so accountFor's pick depends on the suite order.
      const accountId = server.user.username
      expect(session.accounts[accountId]?.accountCapabilities['urn:ietf:params:jmap:blob']).toEqual(
        {
          maxSizeBlobSet: 4096,
          maxDataSources: 100,
          supportedTypeNames: ['Mailbox', 'Thread', 'Email'],
          supportedDigestAlgorithms: is310 ? ['md5', 'sha', 'sha-256'] : [],
        },
      )
    })

    it.runIf(is310)(
      'uploads from base64, text and a range of an earlier creation; reads ranges and digests',
      async () => {
        const accountId = server.user.username
        const got = await jmap.request((b) => {
          const upload = b.call('Blob/upload', {
            accountId,
            create: {
              raw: { data: [blobBase64(brokenUtf8)] },
              joined: {
                data: [
                  blobText('jumped '),
                  blobSlice(b.creationId('raw'), { offset: 4, length: 5 }),
                ],
              },
            },
          })
          const whole = b.call('Blob/get', { accountId, ids: [upload.created('raw')] })
          const joined = b.call('Blob/get', {
            accountId,
            ids: [upload.created('joined')],
            properties: ['data:asText', 'size'],
          })
          const range = b.call('Blob/get', {
            accountId,
            ids: [upload.created('raw')],
            properties: ['data:asText', 'data:asBase64', 'digest:sha', 'digest:sha-256'],
            offset: UnsignedInt(30),
            length: UnsignedInt(100),
          })
          return { upload, whole, joined, range }
        })
        const raw = got.upload.created?.raw ?? expect.fail('raw not created')
        expect(raw.size).toBe(octets.length)
        expect(got.whole.list[0]).toMatchObject({
          isEncodingProblem: true,
          'data:asBase64': brokenUtf8,
          size: octets.length,
        })
        expect(got.joined.list[0]).toMatchObject({ 'data:asText': 'jumped quick', size: 12 })
        const tail = octets.subarray(30)
        // Cyrus leaves data:asText out on an encoding problem; the schema fills the RFC's null.
        expect(got.range.list[0]).toEqual({
          id: raw.id,
          isTruncated: true,
          isEncodingProblem: true,
          'data:asText': null,
          'data:asBase64': tail.toString('base64'),
          'digest:sha': digest('sha1', tail),
          'digest:sha-256': digest('sha256', tail),
        })
      },
    )

    // Cyrus 3.6 answers this request with HTTP 500 ("assertion failed: lib/hash.c: 46: size").
    it.runIf(is310)(
      'imports an uploaded message in the same request; Blob/lookup finds Email, Mailbox and Thread',
      async () => {
        const accountId = server.user.username
        const subject = `blob-lookup-${Date.now()}-${Math.random().toString(36).slice(2)}`
        const message = `From: a@example.com\r\nTo: test@localhost\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@typed-jmap.test>\r\n\r\nHello\r\n`
        const { inbox } = await jmap.request((b) => ({
          inbox: b.call('Mailbox/query', { accountId, filter: { role: 'inbox' } }),
        }))
        const inboxId = inbox.ids[0] ?? expect.fail('no inbox')
        const { imported, lookup } = await jmap.request((b) => {
          const upload = b.call('Blob/upload', {
            accountId,
            create: { m: { data: [blobText(message)], type: 'message/rfc822' } },
          })
          const imported = b.call('Email/import', {
            accountId,
            emails: { e: { blobId: upload.created('m'), mailboxIds: { [inboxId]: true } } },
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
            matchedIds: { Email: [email.id], Mailbox: [inboxId], Thread: [email.threadId] },
          },
        ])
        await jmap.request((b) => b.call('Email/set', { accountId, destroy: [email.id] }))
      },
    )
  },
)
