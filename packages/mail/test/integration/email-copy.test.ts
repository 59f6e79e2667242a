/**
 * Email/copy (RFC 8621 §4.7) against Cyrus 3.6 and 3.10: the second user shares
 * their INBOX with the main user (IMAP SETACL, see scripts/integration/imap-acl.ts),
 * which puts their account in the main user's Session; an Email is then copied
 * from that account into the main user's INBOX.
 */
import { type Id, Id as toId } from '@typed-jmap/core'
import { beforeAll, expect, it } from 'vitest'
import { grantMailboxRights } from '../../../../scripts/integration/imap-acl.js'
import {
  deliverOverLmtp,
  describeOnServer,
  type TestServer,
} from '../../../../scripts/integration/servers.js'
import { findMailboxByRole } from '../../src/index.js'
import {
  type CountingMailClient,
  countingMailClient,
  eventually,
  uniqueWord,
} from './mail-client.js'

const mailUrn = 'urn:ietf:params:jmap:mail'

describeOnServer(
  ['cyrus-3.6', 'cyrus-3.10'],
  'Email/copy between accounts',
  (server: TestServer) => {
    let client: CountingMailClient
    let accountId: string
    let sharedAccountId: string
    let inboxId: Id

    beforeAll(async () => {
      await grantMailboxRights(server, server.otherUser, 'INBOX', server.user.username, 'lrs')
      client = countingMailClient(server)
      const session = await client.jmap.connection.refreshSession()
      accountId = await client.jmap.connection.accountFor(mailUrn)
      const shared = Object.entries(session.accounts).find(
        ([id, account]) =>
          id !== accountId && !account.isPersonal && mailUrn in account.accountCapabilities,
      )
      if (shared === undefined)
        throw new Error(`${server.name}: the shared account is not in the Session`)
      sharedAccountId = shared[0]
      const inbox = await findMailboxByRole(client.jmap, { accountId, role: 'inbox' })
      if (inbox === undefined) throw new Error(`${server.name}: no inbox`)
      inboxId = inbox.id
    })

    it('copies an Email from the shared account into the own INBOX, keeping its content', async () => {
      const subject = uniqueWord('copy')
      await deliverOverLmtp(
        server,
        server.otherUser.username,
        [
          'From: Bob <bob@example.test>',
          `To: ${server.otherUser.username}@localhost`,
          `Subject: ${subject}`,
          `Message-ID: <${subject}@example.test>`,
          'Date: Sat, 21 Nov 2026 10:00:00 +0000',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Shared with you.',
          '',
        ].join('\r\n'),
      )
      const sourceId = await eventually(async () => {
        const found = await client.jmap.request((b) =>
          b.call('Email/query', { accountId: sharedAccountId, filter: { subject } }),
        )
        return found.ids[0]
      })

      const copied = await client.jmap.request((b) =>
        b.call('Email/copy', {
          fromAccountId: sharedAccountId,
          accountId,
          create: {
            k1: { id: sourceId, mailboxIds: { [inboxId]: true }, keywords: { $flagged: true } },
          },
        }),
      )
      expect(copied.fromAccountId).toBe(sharedAccountId)
      // Cyrus omits newState (RFC 8620 requires it); the response reads it as null.
      expect(copied.newState).toBeNull()
      expect(copied.notCreated ?? {}).toEqual({})
      const created = copied.created?.k1
      expect(created?.id).toBeTypeOf('string')

      const got = await client.jmap.request((b) =>
        b.call('Email/get', {
          accountId,
          ids: [toId(String(created?.id))],
          properties: ['subject', 'mailboxIds', 'keywords'],
        }),
      )
      expect(got.list[0]?.subject).toBe(subject)
      expect(got.list[0]?.mailboxIds).toEqual({ [inboxId]: true })
      expect(got.list[0]?.keywords).toMatchObject({ $flagged: true })
    })

    it('reports an id the shared account does not have in notCreated', async () => {
      const copied = await client.jmap.request((b) =>
        b.call('Email/copy', {
          fromAccountId: sharedAccountId,
          accountId,
          create: { k1: { id: toId('Mnotthere'), mailboxIds: { [inboxId]: true } } },
        }),
      )
      expect(copied.created ?? {}).toEqual({})
      // RFC 8620 §5.4 names no SetError for a missing original; Cyrus says invalidProperties.
      expect(copied.notCreated?.k1).toMatchObject({ type: 'invalidProperties', properties: ['id'] })
    })
  },
)
