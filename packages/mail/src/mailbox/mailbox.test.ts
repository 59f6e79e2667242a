import { validateWithSchema } from '@typed-jmap/core/internal'
import { loadFixture, responseBody } from '@typed-jmap/fixtures'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { mail } from '../capabilities/mail-capabilities.js'
import { MailboxSchema } from './mailbox.js'

function firstResponseList(name: string): readonly unknown[] {
  const args = responseBody(loadFixture('mail', 'rfc8621', name)).methodResponses[0]?.[1]
  return v.parse(v.object({ list: v.array(v.unknown()) }), args).list
}

// Recorded from Cyrus 3.10 (transcripts/04-mailbox-get.txt): `mayAdmin` is an extra right.
const cyrusInbox = {
  id: 'ohoa6rb4hoc5sz14cc5w09ae',
  name: 'Inbox',
  parentId: null,
  myRights: {
    mayReadItems: true,
    mayAddItems: true,
    mayRemoveItems: true,
    mayCreateChild: true,
    mayDelete: false,
    maySubmit: true,
    maySetSeen: true,
    maySetKeywords: true,
    mayAdmin: true,
    mayRename: false,
  },
  role: 'inbox',
  totalEmails: 0,
  unreadEmails: 0,
  totalThreads: 0,
  unreadThreads: 0,
  sortOrder: 1,
  isSubscribed: true,
}

describe('MailboxSchema', () => {
  it('parses the RFC 8621 §2.6 Inbox', () => {
    const inbox = v.parse(MailboxSchema, firstResponseList('2.6-mailbox-get')[0])
    expect(inbox.role).toBe('inbox')
    expect(inbox.myRights.mayRename).toBe(false)
    expect(inbox.totalEmails).toBe(16307)
  })

  it('keeps the rights and properties Cyrus adds', () => {
    const inbox = v.parse(MailboxSchema, { ...cyrusInbox, 'cyrusimap.org:x': 1 })
    expect(inbox.myRights).toMatchObject({ mayAdmin: true })
    expect(inbox).toMatchObject({ 'cyrusimap.org:x': 1 })
  })

  it('rejects a mailbox without myRights and says where', () => {
    const { myRights: _omitted, ...withoutRights } = cyrusInbox
    const result = v.safeParse(MailboxSchema, withoutRights)
    expect(result.success).toBe(false)
    expect(result.issues?.[0]?.path?.map((item) => item.key)).toEqual(['myRights'])
  })

  it('rejects a negative count', () => {
    expect(v.safeParse(MailboxSchema, { ...cyrusInbox, totalEmails: -1 }).success).toBe(false)
  })

  it('validates only the properties asked for in Mailbox/get', () => {
    const partial = firstResponseList('2.6-mailbox-get')[1]
    const response = { accountId: 'u1', state: 's1', list: [partial], notFound: [] }
    const factory = mail.methods['Mailbox/get'].response
    if (typeof factory !== 'function') throw new Error('Mailbox/get narrows by properties')
    expect(validateWithSchema(factory({ properties: ['name'] }), response).ok).toBe(true)
    expect(validateWithSchema(factory({ properties: ['name', 'role'] }), response).ok).toBe(false)
    expect(v.safeParse(MailboxSchema, partial).success).toBe(false)
  })
})
