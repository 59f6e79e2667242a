import { beforeEach, describe, expect, it } from 'vitest'
import { callOne, calls } from '../../test/support/jmap-call.js'
import { createTestServer, type TestServer } from '../server/create-test-server.js'

let server: TestServer
let inbox: string
let identity: string

beforeEach(() => {
  server = createTestServer()
  inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
  identity = server.seed.identity({ name: 'Test', email: 'test@example.com' })
})

const asking = [
  'From: Joe <joe@example.org>',
  'To: test@example.com',
  'Subject: World domination',
  'Message-ID: <199509192301.23456@example.org>',
  'Disposition-Notification-To: joe@example.org',
  '',
  'Read me.',
  '',
].join('\r\n')

const displayed = {
  actionMode: 'manual-action',
  sendingMode: 'mdn-sent-manually',
  type: 'displayed',
}

async function upload(body: string): Promise<string> {
  const response = await server.fetch('http://jmap.test/jmap/upload/u1/', {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822' },
    body,
  })
  return ((await response.json()) as { blobId: string }).blobId
}

describe('MDN/send (RFC 9007 §3.1)', () => {
  it('records the MDN in the outbox and sets $mdnsent through the implicit Email/set', async () => {
    const emailId = server.seed.email({ mailboxIds: [inbox], raw: asking })
    const responses = await calls(server, [
      [
        'MDN/send',
        {
          accountId: 'u1',
          identityId: identity,
          send: { k1: { forEmailId: emailId, reportingUA: 'test; jmap', disposition: displayed } },
          onSuccessUpdateEmail: { [emailId]: { 'keywords/$mdnsent': true } },
        },
        '0',
      ],
    ])
    expect(responses.map(([name]) => name)).toEqual(['MDN/send', 'Email/set'])
    expect(responses[0]?.[1]).toMatchObject({
      sent: {
        k1: {
          finalRecipient: 'rfc822; test@example.com',
          originalMessageId: '<199509192301.23456@example.org>',
        },
      },
      notSent: null,
    })
    expect(responses[1]?.[1]).toMatchObject({ updated: { [emailId]: null } })
    const [mdn] = server.outbox
    expect(mdn?.envelope).toEqual({ mailFrom: 'test@example.com', rcptTo: ['joe@example.org'] })
    expect(mdn?.raw).toContain('report-type=disposition-notification')
    expect(mdn?.raw).toContain('Disposition: manual-action/mdn-sent-manually; displayed')

    const again = await callOne(server, [
      'MDN/send',
      {
        accountId: 'u1',
        identityId: identity,
        send: { k2: { forEmailId: emailId, disposition: displayed } },
        onSuccessUpdateEmail: { [emailId]: { 'keywords/$mdnsent': true } },
      },
      '0',
    ])
    expect(again.notSent).toMatchObject({ k2: { type: 'mdnAlreadySent' } })
  })

  it('refuses an Email that asks for no MDN, a bad disposition, a missing $mdnsent update and an unknown identity', async () => {
    const plain = server.seed.email({ mailboxIds: [inbox], subject: 'no request' })
    const wanted = server.seed.email({ mailboxIds: [inbox], raw: asking })
    const result = await callOne(server, [
      'MDN/send',
      {
        accountId: 'u1',
        identityId: identity,
        send: {
          a: { forEmailId: plain, disposition: displayed },
          b: { forEmailId: wanted, disposition: { ...displayed, type: 'read' } },
        },
        onSuccessUpdateEmail: { [plain]: { 'keywords/$mdnsent': true } },
      },
      '0',
    ])
    expect(result.notSent).toMatchObject({
      a: { type: 'notFound' },
      b: { type: 'invalidProperties', properties: ['disposition'] },
    })
    const noKeyword = await callOne(server, [
      'MDN/send',
      {
        accountId: 'u1',
        identityId: identity,
        send: { c: { forEmailId: wanted, disposition: displayed } },
      },
      '0',
    ])
    expect(noKeyword.notSent).toMatchObject({ c: { type: 'invalidProperties' } })
    expect(server.outbox).toEqual([])
    const error = await callOne(
      server,
      ['MDN/send', { accountId: 'u1', identityId: 'Inope', send: {} }, '0'],
      'error',
    )
    expect(error.type).toBe('invalidArguments')
  })
})

describe('MDN/parse (RFC 9007 §3.2)', () => {
  it('parses the RFC 8098 §9 example report, lowercasing the disposition', async () => {
    const emailId = server.seed.email({ mailboxIds: [inbox], raw: asking })
    // RFC 8098 §9, with its Original-Message-ID pointing at the seeded message.
    const report = [
      'Date: Wed, 20 Sep 1995 00:19:00 (EDT) -0400',
      'From: Joe Recipient <Joe_Recipient@mega.edu>',
      'Message-Id: <199509200019.12345@mega.edu>',
      'Subject: Disposition notification',
      'To: Jane Sender <Jane_Sender@huge.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification;',
      '    boundary="RAA14128.773615765/mega.edu"',
      '',
      '--RAA14128.773615765/mega.edu',
      '',
      'The message sent on 1995 Sep 19 at 13:30:00 (EDT) -0400 to Joe',
      'Recipient <Joe_Recipient@mega.edu> with subject "First draft of',
      'report" has been displayed.',
      '',
      '--RAA14128.773615765/mega.edu',
      'Content-Type: message/disposition-notification',
      '',
      'Reporting-UA: joes-pc.cs.mega.edu; Foomail 97.1',
      'Original-Recipient: rfc822;Joe_Recipient@mega.edu',
      'Final-Recipient: rfc822;Joe_Recipient@mega.edu',
      'Original-Message-ID: <199509192301.23456@example.org>',
      'Disposition: manual-action/MDN-sent-manually; displayed',
      '',
      '--RAA14128.773615765/mega.edu--',
      '',
    ].join('\r\n')
    const blobId = await upload(report)
    const plain = await upload(asking)
    const result = await callOne(server, [
      'MDN/parse',
      { accountId: 'u1', blobIds: [blobId, plain, 'Bnope'] },
      '0',
    ])
    expect(result).toMatchObject({
      parsed: {
        [blobId]: {
          forEmailId: emailId,
          subject: 'Disposition notification',
          reportingUA: 'joes-pc.cs.mega.edu; Foomail 97.1',
          disposition: displayed,
          finalRecipient: 'rfc822;Joe_Recipient@mega.edu',
          originalRecipient: 'rfc822;Joe_Recipient@mega.edu',
          originalMessageId: '<199509192301.23456@example.org>',
        },
      },
      notParsable: [plain],
      notFound: ['Bnope'],
    })
  })

  it('is an unknown method without the mail capability in using', async () => {
    const response = await server.fetch('http://jmap.test/jmap/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        using: ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mdn'],
        methodCalls: [['MDN/parse', { accountId: 'u1', blobIds: [] }, '0']],
      }),
    })
    const body = (await response.json()) as { methodResponses: [string, { type: string }][] }
    expect(body.methodResponses[0]?.[0]).toBe('error')
    expect(body.methodResponses[0]?.[1].type).toBe('unknownMethod')
  })
})
