import { beforeEach, describe, expect, it } from 'vitest'
import { callError, callOne, calls, createdId, request } from '../../test/support/jmap-call.js'
import { createTestServer, type TestServer } from '../server/create-test-server.js'

let server: TestServer
let inbox: string
let archive: string

beforeEach(() => {
  server = createTestServer({
    accounts: [{ id: 'u1' }, { id: 'u2' }],
    now: () => new Date('2026-01-02T03:04:05Z'),
  })
  inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
  archive = server.seed.mailbox({ name: 'Archive', role: 'archive' })
})

async function upload(body: string, type = 'message/rfc822'): Promise<string> {
  const response = await server.fetch('http://jmap.test/jmap/upload/u1/', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { blobId: string }).blobId
}

const raw =
  'From: Ann <ann@example.com>\r\nTo: bob@example.com\r\nSubject: Report\r\nMessage-ID: <r1@example.com>\r\nX-Tag: one\r\nX-Tag: two\r\n\r\nThe quarterly report is attached. Thanks!\r\n'

describe('Email/import (RFC 8621 §4.8)', () => {
  it('imports an uploaded message and answers id, blobId, threadId, size', async () => {
    const blobId = await upload(raw)
    const result = await callOne(server, [
      'Email/import',
      {
        accountId: 'u1',
        emails: {
          k: {
            blobId,
            mailboxIds: { [inbox]: true },
            keywords: { $Seen: true },
            receivedAt: '2025-05-05T05:05:05Z',
          },
        },
      },
      'i',
    ])
    const created = (result.created as Record<string, Record<string, unknown>>).k
    expect(created).toEqual({
      id: expect.any(String),
      blobId,
      threadId: expect.any(String),
      size: raw.length,
    })
    const email = (
      await callOne(server, [
        'Email/get',
        {
          accountId: 'u1',
          ids: [created?.id],
          properties: [
            'keywords',
            'receivedAt',
            'subject',
            'from',
            'header:X-Tag:all',
            'header:x-tag',
            'header:Subject:asText',
            'messageId',
          ],
        },
        'g',
      ])
    ).list
    expect(email).toEqual([
      {
        id: created?.id,
        keywords: { $seen: true },
        receivedAt: '2025-05-05T05:05:05Z',
        subject: 'Report',
        from: [{ name: 'Ann', email: 'ann@example.com' }],
        'header:X-Tag:all': [' one', ' two'],
        'header:x-tag': ' two',
        'header:Subject:asText': 'Report',
        messageId: ['r1@example.com'],
      },
    ])
  })

  it('alreadyExists for the same message, blobNotFound and invalidProperties otherwise', async () => {
    const blobId = await upload(raw)
    const first = await callOne(server, [
      'Email/import',
      { accountId: 'u1', emails: { a: { blobId, mailboxIds: { [inbox]: true } } } },
      'i',
    ])
    const existingId = (first.created as Record<string, { id: string }>).a?.id
    const second = await callOne(server, [
      'Email/import',
      {
        accountId: 'u1',
        emails: {
          a: { blobId, mailboxIds: { [inbox]: true } },
          b: { blobId: 'Bnope', mailboxIds: { [inbox]: true } },
          c: { blobId, mailboxIds: {} },
        },
      },
      'i',
    ])
    expect(second.notCreated).toEqual({
      a: { type: 'alreadyExists', existingId },
      b: { type: 'blobNotFound', notFound: ['Bnope'] },
      c: { type: 'invalidProperties', properties: ['mailboxIds'] },
    })
  })

  it('stateMismatch for a stale ifInState', async () => {
    expect(
      await callError(server, [
        'Email/import',
        { accountId: 'u1', ifInState: 'nope', emails: {} },
        'i',
      ]),
    ).toEqual({ type: 'stateMismatch' })
  })
})

describe('Email/parse (RFC 8621 §4.9)', () => {
  it('parses an uploaded message without storing it', async () => {
    const blobId = await upload(raw)
    const result = await callOne(server, [
      'Email/parse',
      {
        accountId: 'u1',
        blobIds: [blobId, 'Bnope'],
        properties: ['id', 'subject', 'from', 'size', 'mailboxIds'],
      },
      'p',
    ])
    expect(result).toEqual({
      accountId: 'u1',
      parsed: {
        [blobId]: {
          id: null,
          subject: 'Report',
          from: [{ name: 'Ann', email: 'ann@example.com' }],
          size: raw.length,
          mailboxIds: null,
        },
      },
      notParsable: null,
      notFound: ['Bnope'],
    })
    expect((await callOne(server, ['Email/query', { accountId: 'u1' }, 'q'])).ids).toEqual([])
  })
})

describe('Email/get body properties (RFC 8621 §4.2)', () => {
  it('bodyValues follow the fetch flags and maxBodyValueBytes cuts on a UTF-8 boundary', async () => {
    const id = server.seed.email({ mailboxIds: [inbox], text: 'héllo wörld', html: '<b>hi</b>' })
    const get = (args: Record<string, unknown>): Promise<Record<string, unknown>> =>
      callOne(server, [
        'Email/get',
        { accountId: 'u1', ids: [id], properties: ['bodyValues', 'textBody', 'htmlBody'], ...args },
        'g',
      ])
    expect(((await get({})).list as Array<Record<string, unknown>>)[0]?.bodyValues).toEqual({})
    const text = (
      (await get({ fetchTextBodyValues: true, maxBodyValueBytes: 2 })).list as Array<
        Record<string, unknown>
      >
    )[0]
    expect(text?.bodyValues).toEqual({
      '1': { value: 'h', isTruncated: true, isEncodingProblem: false },
    })
    const all = (
      (await get({ fetchAllBodyValues: true, bodyProperties: ['partId', 'type'] })).list as Array<
        Record<string, unknown>
      >
    )[0]
    expect(Object.keys(all?.bodyValues as object)).toEqual(['1', '2'])
    expect(all?.textBody).toEqual([{ partId: '1', type: 'text/plain' }])
    expect(all?.htmlBody).toEqual([{ partId: '2', type: 'text/html' }])
  })

  it('the default properties are the RFC list, without headers and bodyStructure', async () => {
    const id = server.seed.email({ mailboxIds: [inbox], subject: 'x' })
    const list = (await callOne(server, ['Email/get', { accountId: 'u1', ids: [id] }, 'g']))
      .list as Array<Record<string, unknown>>
    expect(Object.keys(list[0] ?? {})).toEqual([
      'id',
      'blobId',
      'threadId',
      'mailboxIds',
      'keywords',
      'size',
      'receivedAt',
      'messageId',
      'inReplyTo',
      'references',
      'sender',
      'from',
      'to',
      'cc',
      'bcc',
      'replyTo',
      'subject',
      'sentAt',
      'hasAttachment',
      'preview',
      'bodyValues',
      'textBody',
      'htmlBody',
      'attachments',
    ])
  })

  it('invalidArguments for a header form the header cannot take', async () => {
    expect(
      await callError(server, [
        'Email/get',
        { accountId: 'u1', ids: [], properties: ['header:From:asDate'] },
        'g',
      ]),
    ).toMatchObject({ type: 'invalidArguments' })
  })

  it('downloads an attachment through its part blobId', async () => {
    const pdf = await upload('%PDF-1.4', 'application/pdf')
    const set = await callOne(server, [
      'Email/set',
      {
        accountId: 'u1',
        create: {
          k: {
            mailboxIds: { [inbox]: true },
            subject: 'with file',
            textBody: [{ partId: 't', type: 'text/plain' }],
            bodyValues: { t: { value: 'see file' } },
            attachments: [{ blobId: pdf, type: 'application/pdf', name: 'a.pdf' }],
          },
        },
      },
      's',
    ])
    const id = (set.created as Record<string, { id: string }>).k?.id
    const list = (
      await callOne(server, [
        'Email/get',
        { accountId: 'u1', ids: [id], properties: ['attachments', 'hasAttachment'] },
        'g',
      ])
    ).list as Array<{
      attachments: Array<{ blobId: string; name: string }>
      hasAttachment: boolean
    }>
    expect(list[0]?.hasAttachment).toBe(true)
    const attachment = list[0]?.attachments[0]
    expect(attachment?.name).toBe('a.pdf')
    const download = await server.fetch(
      `http://jmap.test/jmap/download/u1/${attachment?.blobId}/a.pdf?type=application%2Fpdf`,
    )
    expect(await download.text()).toBe('%PDF-1.4')
  })

  it('builds a message from bodyStructure: alternative text/html plus an attachment by blobId', async () => {
    const pdf = await upload('%PDF-1.4', 'application/pdf')
    const set = await callOne(server, [
      'Email/set',
      {
        accountId: 'u1',
        create: {
          k: {
            mailboxIds: { [inbox]: true },
            subject: 'structured',
            bodyStructure: {
              type: 'multipart/mixed',
              subParts: [
                {
                  type: 'multipart/alternative',
                  subParts: [
                    { partId: 't', type: 'text/plain' },
                    { partId: 'h', type: 'text/html' },
                  ],
                },
                { blobId: pdf, type: 'application/pdf', name: 'a.pdf', disposition: 'attachment' },
              ],
            },
            bodyValues: { t: { value: 'plain words' }, h: { value: '<p>html words</p>' } },
          },
        },
      },
      's',
    ])
    const id = (set.created as Record<string, { id: string }>).k?.id
    const [email] = (
      await callOne(server, [
        'Email/get',
        {
          accountId: 'u1',
          ids: [id],
          properties: ['bodyStructure', 'textBody', 'htmlBody', 'attachments', 'bodyValues'],
          bodyProperties: ['partId', 'type', 'name', 'disposition', 'subParts'],
          fetchAllBodyValues: true,
        },
        'g',
      ])
    ).list as Array<Record<string, never>>
    expect(email).toMatchObject({
      bodyStructure: {
        type: 'multipart/mixed',
        subParts: [
          {
            type: 'multipart/alternative',
            subParts: [{ type: 'text/plain' }, { type: 'text/html' }],
          },
          { type: 'application/pdf', name: 'a.pdf', disposition: 'attachment' },
        ],
      },
      textBody: [{ type: 'text/plain' }],
      htmlBody: [{ type: 'text/html' }],
      attachments: [{ type: 'application/pdf', name: 'a.pdf' }],
    })
    const bodyValues = (email?.bodyValues ?? {}) as Record<string, { value: string }>
    expect(Object.values(bodyValues).map((value) => value.value)).toEqual([
      'plain words',
      '<p>html words</p>',
    ])
  })

  it('refuses bodyStructure next to textBody, and a multipart part without subParts', async () => {
    const set = await callOne(server, [
      'Email/set',
      {
        accountId: 'u1',
        create: {
          both: {
            mailboxIds: { [inbox]: true },
            bodyStructure: { partId: 't', type: 'text/plain' },
            textBody: [{ partId: 't', type: 'text/plain' }],
            bodyValues: { t: { value: 'x' } },
          },
          empty: { mailboxIds: { [inbox]: true }, bodyStructure: { type: 'multipart/mixed' } },
        },
      },
      's',
    ])
    expect(set.notCreated).toMatchObject({
      both: { type: 'invalidProperties', properties: ['bodyStructure'] },
      empty: { type: 'invalidProperties', properties: ['bodyStructure'] },
    })
  })

  it('blobNotFound for an attachment blob that does not exist', async () => {
    const set = await callOne(server, [
      'Email/set',
      {
        accountId: 'u1',
        create: {
          k: {
            mailboxIds: { [inbox]: true },
            attachments: [{ blobId: 'Bmissing', type: 'image/png' }],
          },
        },
      },
      's',
    ])
    expect(set.notCreated).toEqual({ k: { type: 'blobNotFound', notFound: ['Bmissing'] } })
  })
})

describe('Email/set and Email/query (RFC 8621 §4.4, §4.6)', () => {
  it('updates keywords and mailboxIds with patches; immutable properties are rejected', async () => {
    const id = server.seed.email({ mailboxIds: [inbox], subject: 'x' })
    const result = await callOne(server, [
      'Email/set',
      {
        accountId: 'u1',
        update: {
          [id]: {
            [`mailboxIds/${inbox}`]: null,
            [`mailboxIds/${archive}`]: true,
            'keywords/$flagged': true,
          },
          Enope: {},
        },
      },
      's',
    ])
    expect(result.updated).toEqual({ [id]: null })
    const bad = await callOne(server, [
      'Email/set',
      { accountId: 'u1', update: { [id]: { subject: 'changed' } } },
      's',
    ])
    expect(bad.notUpdated).toEqual({
      [id]: expect.objectContaining({ type: 'invalidProperties', properties: ['subject'] }),
    })
    const empty = await callOne(server, [
      'Email/set',
      { accountId: 'u1', update: { [id]: { mailboxIds: {} } } },
      's',
    ])
    expect(empty.notUpdated).toEqual({
      [id]: expect.objectContaining({ type: 'invalidProperties', properties: ['mailboxIds'] }),
    })
  })

  it('stores keywords lowercase whether they come in a create or a patch', async () => {
    const id = server.seed.email({ mailboxIds: [inbox], subject: 'x' })
    await callOne(server, [
      'Email/set',
      { accountId: 'u1', update: { [id]: { 'keywords/$Flagged': true } } },
      's',
    ])
    expect(
      (
        await callOne(server, [
          'Email/get',
          { accountId: 'u1', ids: [id], properties: ['keywords'] },
          'g',
        ])
      ).list,
    ).toEqual([{ id, keywords: { $flagged: true } }])
    const bad = await callOne(server, [
      'Email/set',
      { accountId: 'u1', update: { [id]: { 'keywords/$seen': false } } },
      's',
    ])
    expect(bad.notUpdated).toEqual({ [id]: expect.objectContaining({ properties: ['keywords'] }) })
  })

  it('filters by mailbox, keyword, text and header; sorts by receivedAt; collapses threads', async () => {
    const first = server.seed.email({
      mailboxIds: [inbox],
      from: 'ann@example.com',
      subject: 'Lunch',
      text: 'pizza?',
      messageId: 'a@x',
      receivedAt: '2025-01-01T00:00:00Z',
    })
    const reply = server.seed.email({
      mailboxIds: [inbox],
      from: 'bob@example.com',
      subject: 'Re: Lunch',
      text: 'yes',
      inReplyTo: 'a@x',
      keywords: ['$seen'],
      receivedAt: '2025-01-02T00:00:00Z',
    })
    const other = server.seed.email({
      mailboxIds: [archive],
      from: 'cat@example.com',
      subject: 'Invoice',
      text: 'pay me',
      receivedAt: '2025-01-03T00:00:00Z',
    })
    const q = async (args: Record<string, unknown>): Promise<unknown> =>
      (
        await callOne(server, [
          'Email/query',
          { accountId: 'u1', sort: [{ property: 'receivedAt', isAscending: false }], ...args },
          'q',
        ])
      ).ids
    expect(await q({})).toEqual([other, reply, first])
    expect(await q({ filter: { inMailbox: inbox } })).toEqual([reply, first])
    expect(await q({ filter: { hasKeyword: '$seen' } })).toEqual([reply])
    expect(await q({ filter: { notKeyword: '$seen', inMailboxOtherThan: [archive] } })).toEqual([
      first,
    ])
    expect(await q({ filter: { text: 'pizza' } })).toEqual([first])
    expect(await q({ filter: { from: 'bob' } })).toEqual([reply])
    expect(await q({ filter: { header: ['Subject', 'invoice'] } })).toEqual([other])
    expect(await q({ filter: { after: '2025-01-02T00:00:00Z' } })).toEqual([other, reply])
    expect(await q({ collapseThreads: true })).toEqual([other, reply])
    expect(await q({ filter: { someInThreadHaveKeyword: '$seen' } })).toEqual([reply, first])
    const threads = (
      await callOne(server, [
        'Thread/get',
        {
          accountId: 'u1',
          ids: [
            (
              (await callOne(server, [
                'Email/get',
                { accountId: 'u1', ids: [reply], properties: ['threadId'] },
                'g',
              ])) as { list: Array<{ threadId: string }> }
            ).list[0]?.threadId,
          ],
        },
        't',
      ])
    ).list
    expect(threads).toEqual([{ id: expect.any(String), emailIds: [first, reply] }])
  })

  it('Email/copy copies to another account; alreadyExists the second time', async () => {
    const id = server.seed.email({ mailboxIds: [inbox], subject: 'copy me' })
    const target = server.seed.mailbox({ name: 'Inbox' }, 'u2')
    const copy = await callOne(server, [
      'Email/copy',
      {
        fromAccountId: 'u1',
        accountId: 'u2',
        create: { c: { id, mailboxIds: { [target]: true } } },
      },
      'c',
    ])
    const copied = (copy.created as Record<string, { id: string }>).c?.id
    expect(
      (
        await callOne(server, [
          'Email/get',
          { accountId: 'u2', ids: [copied], properties: ['subject', 'mailboxIds'] },
          'g',
        ])
      ).list,
    ).toEqual([{ id: copied, subject: 'copy me', mailboxIds: { [target]: true } }])
    const again = await callOne(server, [
      'Email/copy',
      {
        fromAccountId: 'u1',
        accountId: 'u2',
        create: { c: { id, mailboxIds: { [target]: true }, subject: 'no' } },
      },
      'c',
    ])
    expect(again.notCreated).toEqual({
      c: expect.objectContaining({ type: 'invalidProperties', properties: ['subject'] }),
    })
  })

  it('SearchSnippet/get highlights the search terms', async () => {
    const id = server.seed.email({
      mailboxIds: [inbox],
      subject: 'Quarterly <report>',
      text: 'the report is late',
    })
    const result = await callOne(server, [
      'SearchSnippet/get',
      { accountId: 'u1', filter: { text: 'report' }, emailIds: [id, 'Enope'] },
      's',
    ])
    expect(result).toEqual({
      accountId: 'u1',
      list: [
        {
          emailId: id,
          subject: 'Quarterly &lt;<mark>report</mark>&gt;',
          preview: 'the <mark>report</mark> is late',
        },
      ],
      notFound: ['Enope'],
    })
  })
})

describe('Mailbox (RFC 8621 §2)', () => {
  it('counts emails and reports only count properties in updatedProperties', async () => {
    const state = (await callOne(server, ['Mailbox/get', { accountId: 'u1', ids: [] }, 'g'])).state
    const id = server.seed.email({ mailboxIds: [inbox], subject: 'x' })
    const responses = await calls(server, [
      ['Mailbox/changes', { accountId: 'u1', sinceState: state }, 'c'],
      [
        'Mailbox/get',
        {
          accountId: 'u1',
          '#ids': { resultOf: 'c', name: 'Mailbox/changes', path: '/updated' },
          '#properties': { resultOf: 'c', name: 'Mailbox/changes', path: '/updatedProperties' },
        },
        'g',
      ],
    ])
    expect(responses[0]?.[1]).toMatchObject({
      updated: [inbox],
      updatedProperties: ['totalEmails', 'unreadEmails', 'totalThreads', 'unreadThreads'],
    })
    expect(responses[1]?.[1].list).toEqual([
      { id: inbox, totalEmails: 1, unreadEmails: 1, totalThreads: 1, unreadThreads: 1 },
    ])
    await callOne(server, [
      'Email/set',
      { accountId: 'u1', update: { [id]: { 'keywords/$seen': true } } },
      's',
    ])
    expect(
      (
        await callOne(server, [
          'Mailbox/get',
          { accountId: 'u1', ids: [inbox], properties: ['unreadEmails'] },
          'g',
        ])
      ).list,
    ).toEqual([{ id: inbox, unreadEmails: 0 }])
  })

  it('created answers carry the server-set properties, counts and rights included', async () => {
    const result = await callOne(server, [
      'Mailbox/set',
      { accountId: 'u1', create: { k: { name: 'New' } } },
      's',
    ])
    expect(result.created).toEqual({
      k: {
        id: expect.any(String),
        parentId: null,
        role: null,
        sortOrder: 0,
        isSubscribed: true,
        totalEmails: 0,
        unreadEmails: 0,
        totalThreads: 0,
        unreadThreads: 0,
        myRights: expect.objectContaining({ mayDelete: true, maySubmit: true }),
      },
    })
  })

  it('mailboxHasChild, mailboxHasEmail, and onDestroyRemoveEmails', async () => {
    const child = server.seed.mailbox({ name: 'Child', parentId: archive })
    server.seed.email({ mailboxIds: [inbox], subject: 'x' })
    const result = await callOne(server, [
      'Mailbox/set',
      { accountId: 'u1', destroy: [archive, inbox] },
      's',
    ])
    expect(result.notDestroyed).toEqual({
      [archive]: { type: 'mailboxHasChild' },
      [inbox]: { type: 'mailboxHasEmail' },
    })
    const removed = await callOne(server, [
      'Mailbox/set',
      { accountId: 'u1', destroy: [inbox, child, archive], onDestroyRemoveEmails: true },
      's',
    ])
    expect(removed.destroyed).toEqual([inbox, child, archive])
    expect((await callOne(server, ['Email/query', { accountId: 'u1' }, 'q'])).ids).toEqual([])
  })

  it('rejects duplicate sibling names, a second role holder and a parent cycle', async () => {
    const result = await callOne(server, [
      'Mailbox/set',
      {
        accountId: 'u1',
        create: { a: { name: 'Inbox' }, b: { name: 'Other', role: 'inbox' } },
        update: { [inbox]: { parentId: inbox } },
      },
      's',
    ])
    expect(result.notCreated).toEqual({
      a: expect.objectContaining({ properties: ['name'] }),
      b: expect.objectContaining({ properties: ['role'] }),
    })
    expect(result.notUpdated).toEqual({
      [inbox]: expect.objectContaining({ properties: ['parentId'] }),
    })
  })
})

describe('EmailSubmission (RFC 8621 §7)', () => {
  it('records the message in the outbox and runs the implicit Email/set', async () => {
    const drafts = server.seed.mailbox({ name: 'Drafts', role: 'drafts' })
    const sent = server.seed.mailbox({ name: 'Sent', role: 'sent' })
    const identity = server.seed.identity({ name: 'Me', email: 'me@example.com' })
    const { methodResponses } = await request(server, [
      [
        'Email/set',
        {
          accountId: 'u1',
          create: {
            draft: {
              mailboxIds: { [drafts]: true },
              keywords: { $draft: true },
              from: [{ name: 'Me', email: 'me@example.com' }],
              to: [{ name: null, email: 'you@example.com' }],
              subject: 'Sent!',
              textBody: [{ partId: 'b', type: 'text/plain' }],
              bodyValues: { b: { value: 'hi' } },
            },
          },
        },
        'e',
      ],
      [
        'EmailSubmission/set',
        {
          accountId: 'u1',
          create: { sub: { identityId: identity, emailId: '#draft' } },
          onSuccessUpdateEmail: {
            '#sub': {
              [`mailboxIds/${drafts}`]: null,
              [`mailboxIds/${sent}`]: true,
              'keywords/$draft': null,
            },
          },
        },
        's',
      ],
    ])
    expect(methodResponses.map(([name, , id]) => `${name}:${id}`)).toEqual([
      'Email/set:e',
      'EmailSubmission/set:s',
      'Email/set:s',
    ])
    const emailId = createdId(methodResponses[0]?.[1], 'draft')
    expect(methodResponses[1]?.[1].created).toEqual({
      sub: {
        id: expect.any(String),
        threadId: expect.any(String),
        sendAt: '2026-01-02T03:04:05Z',
        undoStatus: 'final',
      },
    })
    expect(methodResponses[2]?.[1].updated).toEqual({ [emailId]: null })
    expect(server.outbox).toEqual([
      expect.objectContaining({
        emailId,
        identityId: identity,
        envelope: { mailFrom: 'me@example.com', rcptTo: ['you@example.com'] },
      }),
    ])
    expect(server.outbox[0]?.raw).toContain('Subject: Sent!')
    expect(
      (
        await callOne(server, [
          'Email/get',
          { accountId: 'u1', ids: [emailId], properties: ['mailboxIds', 'keywords'] },
          'g',
        ])
      ).list,
    ).toEqual([{ id: emailId, mailboxIds: { [sent]: true }, keywords: {} }])
  })

  it('invalidProperties for an unknown identity or email; noRecipients; cannotUnsend', async () => {
    const identity = server.seed.identity({ email: 'me@example.com' })
    const noRcpt = server.seed.email({ mailboxIds: [inbox], from: 'me@example.com' })
    const ok = server.seed.email({
      mailboxIds: [inbox],
      from: 'me@example.com',
      to: 'x@example.com',
    })
    const result = await callOne(server, [
      'EmailSubmission/set',
      {
        accountId: 'u1',
        create: {
          a: { identityId: 'Inope', emailId: ok },
          b: { identityId: identity, emailId: noRcpt },
          c: { identityId: identity, emailId: ok },
        },
      },
      's',
    ])
    expect(result.notCreated).toEqual({
      a: expect.objectContaining({ type: 'invalidProperties', properties: ['identityId'] }),
      b: { type: 'noRecipients' },
    })
    const id = (result.created as Record<string, { id: string }>).c?.id as string
    const undo = await callOne(server, [
      'EmailSubmission/set',
      { accountId: 'u1', update: { [id]: { undoStatus: 'canceled' } } },
      's',
    ])
    expect(undo.notUpdated).toEqual({ [id]: { type: 'cannotUnsend' } })
  })
})

describe('VacationResponse and Identity (RFC 8621 §6, §8)', () => {
  it('VacationResponse is a singleton that can be updated but not created or destroyed', async () => {
    const result = await callOne(server, [
      'VacationResponse/set',
      {
        accountId: 'u1',
        create: { x: { isEnabled: true } },
        update: { singleton: { isEnabled: true, subject: 'Away' } },
        destroy: ['singleton'],
      },
      's',
    ])
    expect(result).toMatchObject({
      notCreated: { x: { type: 'singleton' } },
      updated: { singleton: null },
      notDestroyed: { singleton: { type: 'singleton' } },
    })
    expect(
      (await callOne(server, ['VacationResponse/get', { accountId: 'u1', ids: null }, 'g'])).list,
    ).toEqual([
      {
        id: 'singleton',
        isEnabled: true,
        fromDate: null,
        toDate: null,
        subject: 'Away',
        textBody: null,
        htmlBody: null,
      },
    ])
  })

  it('Identity: create fills defaults and mayDelete; email is immutable', async () => {
    const created = await callOne(server, [
      'Identity/set',
      { accountId: 'u1', create: { i: { email: 'me@example.com' } } },
      's',
    ])
    const id = (created.created as Record<string, { id: string }>).i?.id as string
    expect(created.created).toEqual({
      i: {
        id,
        name: '',
        replyTo: null,
        bcc: null,
        textSignature: '',
        htmlSignature: '',
        mayDelete: true,
      },
    })
    const update = await callOne(server, [
      'Identity/set',
      { accountId: 'u1', update: { [id]: { email: 'other@example.com' } } },
      's',
    ])
    expect(update.notUpdated).toEqual({
      [id]: expect.objectContaining({ type: 'invalidProperties', properties: ['email'] }),
    })
  })
})
