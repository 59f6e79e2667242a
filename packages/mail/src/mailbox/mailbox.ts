import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema, type UnsignedInt, UnsignedIntSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The rights the current user has on a Mailbox.
 *
 * Servers may send more rights than RFC 8621 lists (Cyrus adds `mayAdmin`); they are kept.
 *
 * @see RFC 8621 §2
 * @example { "mayReadItems": true, "mayAddItems": true, "mayRemoveItems": true, "maySetSeen": true, "maySetKeywords": true, "mayCreateChild": true, "mayRename": true, "mayDelete": true, "maySubmit": true }
 */
export interface MailboxRights {
  readonly mayReadItems: boolean
  readonly mayAddItems: boolean
  readonly mayRemoveItems: boolean
  readonly maySetSeen: boolean
  readonly maySetKeywords: boolean
  readonly mayCreateChild: boolean
  readonly mayRename: boolean
  readonly mayDelete: boolean
  readonly maySubmit: boolean
}

/**
 * The role of a Mailbox: an IANA "IMAP Mailbox Name Attributes" name in lower case.
 * The listed names are the common ones; any other registered name is accepted.
 *
 * @see RFC 8621 §2
 * @example "inbox"
 */
export type MailboxRole =
  | 'inbox'
  | 'all'
  | 'archive'
  | 'drafts'
  | 'flagged'
  | 'important'
  | 'junk'
  | 'sent'
  | 'subscribed'
  | 'trash'
  | 'snoozed'
  | 'scheduled'
  | 'memos'
  | (string & {})

/**
 * A named set of Emails: a folder or a label.
 *
 * @see RFC 8621 §2
 * @example { "id": "MB23cfa8094c0f41e6", "name": "Inbox", "parentId": null, "role": "inbox", "sortOrder": 10, "totalEmails": 16307, "unreadEmails": 13905, "totalThreads": 5833, "unreadThreads": 5128, "myRights": { "mayReadItems": true, … }, "isSubscribed": true }
 */
export interface Mailbox {
  readonly id: Id
  readonly name: string
  readonly parentId: Id | null
  readonly role: MailboxRole | null
  readonly sortOrder: UnsignedInt
  readonly totalEmails: UnsignedInt
  readonly unreadEmails: UnsignedInt
  readonly totalThreads: UnsignedInt
  readonly unreadThreads: UnsignedInt
  readonly myRights: MailboxRights
  readonly isSubscribed: boolean
}

/**
 * Validates the rights of a Mailbox; unknown rights are kept.
 *
 * @see RFC 8621 §2
 */
export const MailboxRightsSchema: v.GenericSchema<unknown, MailboxRights> = v.looseObject({
  mayReadItems: v.boolean(),
  mayAddItems: v.boolean(),
  mayRemoveItems: v.boolean(),
  maySetSeen: v.boolean(),
  maySetKeywords: v.boolean(),
  mayCreateChild: v.boolean(),
  mayRename: v.boolean(),
  mayDelete: v.boolean(),
  maySubmit: v.boolean(),
})

/**
 * The schema of each Mailbox property.
 *
 * @see RFC 8621 §2
 */
export const mailboxPropertySchemas: PropertySchemas<Mailbox> = {
  id: IdSchema,
  name: v.string(),
  parentId: v.nullable(IdSchema),
  role: v.nullable(v.string()),
  sortOrder: UnsignedIntSchema,
  totalEmails: UnsignedIntSchema,
  unreadEmails: UnsignedIntSchema,
  totalThreads: UnsignedIntSchema,
  unreadThreads: UnsignedIntSchema,
  myRights: MailboxRightsSchema,
  isSubscribed: v.boolean(),
}

/**
 * Validates a whole Mailbox as a server sends it; unknown properties are kept.
 *
 * @see RFC 8621 §2
 */
export const MailboxSchema: v.GenericSchema<unknown, Mailbox> =
  v.looseObject(mailboxPropertySchemas)
