/**
 * RFC 8621 / RFC 9007 against Cyrus 3.6 and 3.10.
 *
 * Methods both servers implement and this file exercises: Mailbox/get, changes, query,
 * queryChanges, set; Thread/get, changes; Email/get, changes, query, queryChanges, set,
 * import, parse; SearchSnippet/get; Identity/get; EmailSubmission/get, changes, query,
 * queryChanges, set; VacationResponse/get, set; MDN/send and MDN/parse (both refuse here;
 * see their tests — the RFC 9007 examples cover the success shapes in the unit tests).
 *
 * Not here, because neither server offers them: Identity/set, Identity/changes (Cyrus
 * answers unknownMethod before 3.13), PushSubscription, Quota under
 * `urn:ietf:params:jmap:quota` (both only have Cyrus's vendor quota). Those are covered by
 * the RFC fixtures in the unit tests. Email/copy, which needs a second account shared with
 * the user, is in email-copy.test.ts.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { coreLimits, type Id, Id as toId, UTCDate } from '@typed-jmap/core'
import * as v from 'valibot'
import { beforeAll, expect, it } from 'vitest'
import {
  deliverOverLmtp,
  describeOnServer,
  type TestServer,
} from '../../../../scripts/integration/servers.js'
import {
  createEmailWithAttachments,
  findMailboxByRole,
  flagEmails,
  MailAccountCapabilitySchema,
  type Mailbox,
  markEmailsRead,
  moveEmails,
  openMailboxPage,
  openThread,
  searchWithSnippets,
  sendEmail,
  syncMailChanges,
  vacationResponseId,
} from '../../src/index.js'
import {
  type CountingMailClient,
  countingMailClient,
  eventually,
  uniqueWord,
} from './mail-client.js'

function rawMessage(subject: string, body: string, extraHeaders = ''): string {
  return [
    'From: Alice <alice@example.test>',
    'To: test@localhost',
    `Subject: ${subject}`,
    `Message-ID: <${uniqueWord('m')}@example.test>`,
    'Date: Sat, 21 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...(extraHeaders === '' ? [] : [extraHeaders]),
    '',
    body,
    '',
  ].join('\r\n')
}

describeOnServer(['cyrus-3.6', 'cyrus-3.10'], 'mail (RFC 8621)', (server: TestServer) => {
  let client: CountingMailClient
  let accountId: string
  let inbox: Mailbox
  let drafts: Mailbox
  let sent: Mailbox

  async function inboxIdsWithSubject(subject: string): Promise<Id[]> {
    return (
      await client.jmap.request((b) =>
        b.call('Email/query', { accountId, filter: { inMailbox: inbox.id, subject } }),
      )
    ).ids
  }

  beforeAll(async () => {
    client = countingMailClient(server)
    accountId = await client.jmap.connection.accountFor('urn:ietf:params:jmap:mail')
    const byRole = async (role: string) => {
      const found = await findMailboxByRole(client.jmap, { accountId, role })
      if (found === undefined) throw new Error(`no ${role} mailbox on ${server.name}`)
      return found
    }
    inbox = await byRole('inbox')
    drafts = await byRole('drafts')
    sent = await byRole('sent')
  })

  it("reads the mail account capability, normalising Cyrus's pre-RFC sort options", async () => {
    const session = await client.jmap.session()
    const capability = v.parse(
      MailAccountCapabilitySchema,
      session.accounts[accountId]?.accountCapabilities['urn:ietf:params:jmap:mail'],
    )
    expect(capability.emailQuerySortOptions).toContain('receivedAt')
  })

  it('finds a mailbox by role in one request', async () => {
    const before = client.apiRequests()
    const found = await findMailboxByRole(client.jmap, { accountId, role: 'inbox' })
    expect(client.apiRequests() - before).toBe(1)
    expect(found?.id).toBe(inbox.id)
    expect(found?.myRights.mayReadItems).toBe(true)
  })

  it('creates, renames, queries and destroys a mailbox, with changes and queryChanges', async () => {
    const name = uniqueWord('box')
    const { state, query } = await client.jmap.request((b) => ({
      state: b.call('Mailbox/get', { accountId, ids: [] }),
      query: b.call('Mailbox/query', {
        accountId,
        filter: { hasAnyRole: false },
        sort: [{ property: 'name' }],
        sortAsTree: true,
      }),
    }))
    const created = await client.jmap.request((b) =>
      b.call('Mailbox/set', { accountId, create: { box: { name, parentId: null } } }),
    )
    const boxId = created.created?.box?.id
    expect(boxId).toBeDefined()
    const renamed = await client.jmap.request((b) =>
      b.call('Mailbox/set', { accountId, update: { [boxId!]: { name: `${name}-2` } } }),
    )
    expect(Object.keys(renamed.updated ?? {})).toEqual([boxId])
    const { changes, queryChanges } = await client.jmap.requestSettled((b) => ({
      changes: b.call('Mailbox/changes', { accountId, sinceState: state.state }),
      queryChanges: b.call('Mailbox/queryChanges', {
        accountId,
        filter: { hasAnyRole: false },
        sort: [{ property: 'name' }],
        sinceQueryState: query.queryState,
      }),
    }))
    if (!changes.ok) throw new Error(`Mailbox/changes failed: ${changes.error.type}`)
    expect(changes.response.created).toContain(boxId)
    // Cyrus cannot calculate Mailbox query changes; the error must arrive as data.
    if (queryChanges.ok) {
      expect(queryChanges.response.added.map((item) => item.id)).toContain(boxId)
    } else {
      expect(queryChanges.error.type).toBe('cannotCalculateChanges')
    }
    const destroyed = await client.jmap.request((b) =>
      b.call('Mailbox/set', { accountId, destroy: [boxId!], onDestroyRemoveEmails: true }),
    )
    expect(destroyed.destroyed).toEqual([boxId])
  })

  it('delivers over LMTP, then Email/changes, Email/queryChanges and incremental sync see it', async () => {
    const subject = uniqueWord('lmtp')
    const { emails, query, mailboxes } = await client.jmap.request((b) => ({
      emails: b.call('Email/get', { accountId, ids: [] }),
      mailboxes: b.call('Mailbox/get', { accountId, ids: [] }),
      query: b.call('Email/query', {
        accountId,
        filter: { inMailbox: inbox.id },
        sort: [{ property: 'receivedAt', isAscending: false }],
      }),
    }))
    await deliverOverLmtp(server, server.user.username, rawMessage(subject, 'Delivered by LMTP.'))
    const [emailId] = await eventually(async () => {
      const ids = await inboxIdsWithSubject(subject)
      return ids.length > 0 ? ids : undefined
    })
    const { changes, queryChanges } = await client.jmap.request((b) => ({
      changes: b.call('Email/changes', { accountId, sinceState: emails.state }),
      queryChanges: b.call('Email/queryChanges', {
        accountId,
        filter: { inMailbox: inbox.id },
        sort: [{ property: 'receivedAt', isAscending: false }],
        sinceQueryState: query.queryState,
      }),
    }))
    expect(changes.created).toContain(emailId)
    expect(queryChanges.added).toContainEqual({ id: emailId, index: 0 })

    const before = client.apiRequests()
    const sync = await syncMailChanges(client.jmap, {
      accountId,
      mailboxState: mailboxes.state,
      emailState: emails.state,
    })
    expect(client.apiRequests() - before).toBe(1)
    const synced = sync.createdEmails.find((email) => email.id === emailId)
    expect(synced?.subject).toBe(subject)
    expect(sync.changedMailboxes.some((mailbox) => mailbox.id === inbox.id)).toBe(true)
    expect(sync.next.emailState).toBe(changes.newState)
  })

  it('opens a mailbox page and a thread with body values, one request each', async () => {
    const subject = uniqueWord('page')
    await deliverOverLmtp(
      server,
      server.user.username,
      rawMessage(subject, 'Body of the page test.'),
    )
    await eventually(async () =>
      (await inboxIdsWithSubject(subject)).length > 0 ? true : undefined,
    )
    const threadState = await client.jmap.request((b) =>
      b.call('Thread/get', { accountId, ids: [] }),
    )
    let before = client.apiRequests()
    const page = await openMailboxPage(client.jmap, { accountId, mailboxId: inbox.id, limit: 10 })
    expect(client.apiRequests() - before).toBe(1)
    const email = page.emails.find((item) => item.subject === subject)
    expect(email).toBeDefined()
    expect(page.threads.map((thread) => thread.id)).toContain(email?.threadId)
    expect(page.query.total).toBeGreaterThanOrEqual(1)

    before = client.apiRequests()
    const opened = await openThread(client.jmap, { accountId, threadId: email!.threadId })
    expect(client.apiRequests() - before).toBe(1)
    const [first] = opened.emails
    const partId = first?.textBody[0]?.partId
    expect(first?.bodyValues[partId ?? '']?.value).toContain('Body of the page test.')

    const threadChanges = await client.jmap.request((b) =>
      b.call('Thread/changes', { accountId, sinceState: threadState.state }),
    )
    expect(threadChanges.oldState).toBe(threadState.state)
  })

  it('runs the README request by data type (t.Email.get) as b.call does, in one request', async () => {
    const subject = uniqueWord('bytype')
    await deliverOverLmtp(server, server.user.username, rawMessage(subject, 'By data type.'))
    await eventually(async () =>
      (await inboxIdsWithSubject(subject)).length > 0 ? true : undefined,
    )
    const before = client.apiRequests()
    const { emails, threads } = await client.jmap.request((_b, t) => {
      const found = t.Email.query({ accountId, filter: { inMailbox: inbox.id, subject } })
      const emails = t.Email.get({
        accountId,
        ids: found.ref('/ids'),
        properties: ['subject', 'threadId'],
      })
      const threads = t.Thread.get({ accountId, ids: emails.ref('/list/*/threadId') })
      return { emails, threads }
    })
    expect(client.apiRequests() - before).toBe(1)
    expect(emails.list.map((email) => email.subject)).toEqual([subject])
    expect(threads.list.map((thread) => thread.id)).toEqual([emails.list[0]?.threadId])
    expect(threads.list[0]?.emailIds).toContain(emails.list[0]?.id)
  })

  it('imports and parses a message from an uploaded blob', async () => {
    const subject = uniqueWord('import')
    const upload = await client.jmap.connection.upload(
      accountId,
      new TextEncoder().encode(rawMessage(subject, 'Imported.')),
      { type: 'message/rfc822' },
    )
    const blobId = toId(upload.blobId)
    const { imported, parsed } = await client.jmap.request((b) => ({
      imported: b.call('Email/import', {
        accountId,
        emails: { k1: { blobId, mailboxIds: { [inbox.id]: true }, keywords: { $seen: true } } },
      }),
      parsed: b.call('Email/parse', {
        accountId,
        blobIds: [blobId],
        properties: ['subject', 'from', 'textBody', 'bodyValues'],
        fetchTextBodyValues: true,
      }),
    }))
    expect(imported.created?.k1?.blobId).toBeDefined()
    const message = parsed.parsed?.[blobId]
    expect(message?.subject).toBe(subject)
    expect(message?.from?.[0]?.email).toBe('alice@example.test')
    const partId = message?.textBody[0]?.partId ?? ''
    expect(message?.bodyValues[partId]?.value).toContain('Imported.')
  })

  it('builds a message with attachments and reads the attachment back byte for byte', async () => {
    const bytes = new Uint8Array(2048).map((_, index) => (index * 7) % 256)
    const result = await createEmailWithAttachments(client.jmap, {
      accountId,
      mailboxIds: { [drafts.id]: true },
      keywords: { $draft: true },
      headers: {
        from: [{ name: 'Test', email: 'test@localhost' }],
        subject: uniqueWord('attach'),
        'header:X-Typed-Jmap:asText': 'attachments',
      },
      text: 'See attachment.',
      html: '<p>See attachment.</p>',
      attachments: [{ data: bytes, type: 'application/octet-stream', name: 'data.bin' }],
    })
    if (!result.created) throw new Error(`not created: ${result.error.type}`)
    const got = await client.jmap.request((b) =>
      b.call('Email/get', {
        accountId,
        ids: [result.email.id],
        properties: ['attachments', 'hasAttachment', 'header:X-Typed-Jmap:asText', 'bodyStructure'],
        bodyProperties: ['partId', 'blobId', 'type', 'name', 'size', 'subParts'],
      }),
    )
    const email = got.list[0]
    expect(email?.['header:X-Typed-Jmap:asText']).toBe('attachments')
    expect(email?.bodyStructure.type).toBe('multipart/mixed')
    const attachment = email?.attachments.find((part) => part.name === 'data.bin')
    expect(attachment?.size).toBe(bytes.length)
    const response = await client.jmap.connection.download(accountId, attachment!.blobId!)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)
    await client.jmap.request((b) => b.call('Email/set', { accountId, destroy: [result.email.id] }))
  })

  it('sends an email in one request: it lands in the SMTP sink and moves to Sent', async () => {
    const subject = uniqueWord('send')
    const identities = await client.jmap.request((b) => b.call('Identity/get', { accountId }))
    const identity = identities.list[0]
    expect(identity).toBeDefined()
    const { submissions, submissionQuery } = await client.jmap.request((b) => ({
      submissions: b.call('EmailSubmission/get', { accountId, ids: [] }),
      submissionQuery: b.call('EmailSubmission/query', { accountId }),
    }))
    const before = client.apiRequests()
    const result = await sendEmail(client.jmap, {
      accountId,
      identityId: identity!.id,
      draftsMailboxId: drafts.id,
      sentMailboxId: sent.id,
      email: {
        from: [{ name: 'Test', email: 'test@localhost' }],
        to: [{ name: 'Bob', email: 'bob@example.test' }],
        subject,
        bodyValues: { body: { value: `Hello Bob, ${subject}.` } },
        textBody: [{ partId: 'body', type: 'text/plain' }],
      },
      envelope: {
        mailFrom: { email: 'test@localhost', parameters: null },
        rcptTo: [{ email: 'bob@example.test', parameters: null }],
      },
    })
    expect(client.apiRequests() - before).toBe(1)
    if (!result.sent) throw new Error(`not sent at ${result.step}: ${result.error.type}`)

    const got = await client.jmap.request((b) =>
      b.call('Email/get', {
        accountId,
        ids: [result.emailId],
        properties: ['mailboxIds', 'keywords'],
      }),
    )
    expect(got.list[0]?.mailboxIds).toEqual({ [sent.id]: true })
    expect(got.list[0]?.keywords.$draft).toBeUndefined()

    const sunk = await eventually(async () => {
      const files = (await readdir(server.smtpSinkDir)).filter((file) => file.endsWith('.eml'))
      for (const file of files) {
        const text = await readFile(join(server.smtpSinkDir, file), 'utf8')
        if (text.includes(subject)) return text
      }
      return undefined
    })
    expect(sunk).toContain('bob@example.test')

    const { submission, changes, queryChanges } = await client.jmap.requestSettled((b) => ({
      submission: b.call('EmailSubmission/get', { accountId, ids: [result.submissionId] }),
      changes: b.call('EmailSubmission/changes', { accountId, sinceState: submissions.state }),
      queryChanges: b.call('EmailSubmission/queryChanges', {
        accountId,
        sinceQueryState: submissionQuery.queryState,
      }),
    }))
    if (!submission.ok || !changes.ok) throw new Error('EmailSubmission/get or changes failed')
    expect(submission.response.list[0]?.emailId).toBe(result.emailId)
    expect(submission.response.list[0]?.envelope?.rcptTo[0]?.parameters).toBeNull()
    expect(changes.response.created).toContain(result.submissionId)
    if (queryChanges.ok) {
      expect(queryChanges.response.added.map((item) => item.id)).toContain(result.submissionId)
    } else {
      expect(queryChanges.error.type).toBe('cannotCalculateChanges')
    }
  })

  it('reads identities, with RFC defaults for what Cyrus leaves out', async () => {
    const identities = await client.jmap.request((b) => b.call('Identity/get', { accountId }))
    expect(identities.list[0]?.textSignature).toBe('')
    expect(identities.list[0]?.replyTo).toBeNull()
  })

  it('searches with snippets once Cyrus has indexed the message', async () => {
    const word = uniqueWord('zebra')
    await deliverOverLmtp(
      server,
      server.user.username,
      rawMessage('Search me', `The word ${word} is in this body.`),
    )
    const results = await eventually(async () => {
      const found = await searchWithSnippets(client.jmap, { accountId, filter: { body: word } })
      return found.hits.length > 0 ? found : undefined
    }, 30_000)
    expect(results.hits[0]?.subject).toBe('Search me')
    expect(results.hits[0]?.snippet?.preview ?? '').toContain(`<mark>${word}</mark>`)
  })

  it('marks read, flags and moves in bulk, chunked by maxObjectsInSet', async () => {
    const subject = uniqueWord('bulk')
    for (const index of [1, 2, 3]) {
      await deliverOverLmtp(server, server.user.username, rawMessage(subject, `Bulk ${index}.`))
    }
    const ids = await eventually(async () => {
      const found = await inboxIdsWithSubject(subject)
      return found.length === 3 ? found : undefined
    })
    const limits = coreLimits(await client.jmap.session())
    expect((await markEmailsRead(client.jmap, { accountId, ids })).updated).toHaveLength(3)
    const flagged = await flagEmails(client.jmap, { accountId, ids })
    expect(flagged.calls).toBe(Math.ceil(3 / limits.maxObjectsInSet))
    const archive = await findMailboxByRole(client.jmap, { accountId, role: 'archive' })
    const moved = await moveEmails(client.jmap, {
      accountId,
      ids,
      fromMailboxId: inbox.id,
      toMailboxId: archive!.id,
    })
    expect(moved.notUpdated).toEqual({})
    const got = await client.jmap.request((b) =>
      b.call('Email/get', { accountId, ids, properties: ['keywords', 'mailboxIds'] }),
    )
    for (const email of got.list) {
      expect(email.keywords).toMatchObject({ $seen: true, $flagged: true })
      expect(email.mailboxIds).toEqual({ [archive!.id]: true })
    }
  })

  it('answers MDN/parse for a read receipt (Cyrus 3.6/3.10 report it notParsable)', async () => {
    const report = [
      'From: Bob <bob@example.test>',
      'To: test@localhost',
      'Subject: Read: World domination',
      `Message-ID: <${uniqueWord('mdn')}@example.test>`,
      'Date: Sat, 21 Nov 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your message was displayed.',
      '--b',
      'Content-Type: message/disposition-notification',
      '',
      'Reporting-UA: joes-pc.example.test; Foomail 97.1',
      'Final-Recipient: rfc822;bob@example.test',
      'Original-Message-ID: <199509192301.23456@example.org>',
      'Disposition: manual-action/MDN-sent-manually; displayed',
      '',
      '--b--',
      '',
    ].join('\r\n')
    const upload = await client.jmap.connection.upload(
      accountId,
      new TextEncoder().encode(report),
      {
        type: 'message/rfc822',
      },
    )
    const blobId = toId(upload.blobId)
    const parsed = await client.jmap.request((b) =>
      b.call('MDN/parse', { accountId, blobIds: [blobId] }),
    )
    const mdn = parsed.parsed?.[blobId]
    if (mdn === undefined) {
      expect(parsed.notParsable).toEqual([blobId])
    } else {
      expect(mdn.disposition).toEqual({
        actionMode: 'manual-action',
        sendingMode: 'mdn-sent-manually',
        type: 'displayed',
      })
    }
  })

  it('returns an MDN/send refusal as typed data (these Cyrus identities have no address)', async () => {
    const subject = uniqueWord('mdn')
    await deliverOverLmtp(
      server,
      server.user.username,
      rawMessage(subject, 'Please confirm.', 'Disposition-Notification-To: alice@example.test'),
    )
    const [emailId] = await eventually(async () => {
      const ids = await inboxIdsWithSubject(subject)
      return ids.length > 0 ? ids : undefined
    })
    const identities = await client.jmap.request((b) => b.call('Identity/get', { accountId }))
    const { sentMdn } = await client.jmap.requestSettled((b) => ({
      sentMdn: b.call('MDN/send', {
        accountId,
        identityId: identities.list[0]!.id,
        send: {
          receipt: {
            forEmailId: emailId!,
            subject: `Read: ${subject}`,
            disposition: {
              actionMode: 'manual-action',
              sendingMode: 'mdn-sent-manually',
              type: 'displayed',
            },
          },
        },
        // RFC 9007 §3.1: keyed by the Email id.
        onSuccessUpdateEmail: { [emailId!]: { 'keywords/$mdnsent': true } },
      }),
    }))
    if (sentMdn.ok) {
      expect(Object.keys(sentMdn.response.sent ?? {})).toEqual(['receipt'])
    } else {
      expect(sentMdn.error.type).toBe('invalidArguments')
    }
  })

  it('reads and updates the vacation response', async () => {
    const got = await client.jmap.request((b) =>
      b.call('VacationResponse/get', { accountId, ids: [vacationResponseId] }),
    )
    expect(got.list[0]?.id).toBe('singleton')
    const set = await client.jmap.request((b) =>
      b.call('VacationResponse/set', {
        accountId,
        update: {
          [vacationResponseId]: {
            isEnabled: false,
            subject: 'Away',
            fromDate: UTCDate('2030-01-01T00:00:00Z'),
          },
        },
      }),
    )
    expect(set.notUpdated).toBeNull()
  })
})
