import type { PropertySchemas } from '@typed-jmap/core'
import {
  type Id,
  IdSchema,
  type JmapDate,
  JmapDateSchema,
  type UnsignedInt,
  UnsignedIntSchema,
  type UTCDate,
  UTCDateSchema,
} from '@typed-jmap/core'
import * as v from 'valibot'
import { trueSetSchema } from '../property-schemas/true-set-schema.js'
import { type EmailAddress, EmailAddressSchema } from './email-address.js'
import {
  type EmailBodyPart,
  EmailBodyPartSchema,
  type EmailBodyValue,
  EmailBodyValueSchema,
} from './email-body-part.js'
import { type EmailHeader, EmailHeaderSchema } from './email-header.js'

/**
 * An email keyword: lower case on the wire (`$seen`, `$flagged`, `$draft`, `$answered`, …).
 *
 * @see RFC 8621 §4.1.1
 * @example "$seen"
 */
export type EmailKeyword =
  | '$draft'
  | '$seen'
  | '$flagged'
  | '$answered'
  | '$forwarded'
  | '$phishing'
  | '$junk'
  | '$notjunk'
  | '$mdnsent'
  | (string & {})

/**
 * A set of keywords: each present keyword maps to `true`.
 *
 * @see RFC 8621 §4.1.1
 * @example { "$seen": true, "$flagged": true }
 */
export interface EmailKeywords {
  readonly [keyword: string]: true
}

/**
 * A set of Mailbox ids: each Mailbox the Email is in maps to `true`.
 *
 * @see RFC 8621 §4.1.1
 * @example { "MB23cfa8094c0f41e6": true }
 */
export type EmailMailboxIds = Readonly<Record<Id, true>>

/**
 * An Email: metadata, parsed header fields and body structure of one RFC 5322 message.
 * `header:…` properties are not listed here; see `EmailHeaderValue`.
 *
 * @see RFC 8621 §4.1
 * @example { "id": "f123u457", "blobId": "B9876", "threadId": "T1", "mailboxIds": { "MB1": true }, "keywords": { "$seen": true }, "size": 1530, "receivedAt": "2014-10-30T06:12:00Z", "subject": "Dinner on Thursday?", … }
 */
export interface Email {
  readonly id: Id
  readonly blobId: Id
  readonly threadId: Id
  readonly mailboxIds: EmailMailboxIds
  readonly keywords: EmailKeywords
  readonly size: UnsignedInt
  readonly receivedAt: UTCDate
  readonly headers: readonly EmailHeader[]
  readonly messageId: readonly string[] | null
  readonly inReplyTo: readonly string[] | null
  readonly references: readonly string[] | null
  readonly sender: readonly EmailAddress[] | null
  readonly from: readonly EmailAddress[] | null
  readonly to: readonly EmailAddress[] | null
  readonly cc: readonly EmailAddress[] | null
  readonly bcc: readonly EmailAddress[] | null
  readonly replyTo: readonly EmailAddress[] | null
  readonly subject: string | null
  readonly sentAt: JmapDate | null
  readonly bodyStructure: EmailBodyPart
  readonly bodyValues: Readonly<Record<string, EmailBodyValue>>
  readonly textBody: readonly EmailBodyPart[]
  readonly htmlBody: readonly EmailBodyPart[]
  readonly attachments: readonly EmailBodyPart[]
  readonly hasAttachment: boolean
  readonly preview: string
}

/**
 * The name of an Email property other than a `header:…` one.
 *
 * @see RFC 8621 §4.1
 */
export type EmailProperty = keyof Email

const addressListSchema = v.nullable(v.array(EmailAddressSchema))
const messageIdsSchema = v.nullable(v.array(v.string()))

/**
 * The schema of each Email property (body parts with all their properties).
 *
 * @see RFC 8621 §4.1
 */
export const emailPropertySchemas: PropertySchemas<Email> = {
  id: IdSchema,
  blobId: IdSchema,
  threadId: IdSchema,
  mailboxIds: trueSetSchema,
  keywords: trueSetSchema,
  size: UnsignedIntSchema,
  receivedAt: UTCDateSchema,
  headers: v.array(EmailHeaderSchema),
  messageId: messageIdsSchema,
  inReplyTo: messageIdsSchema,
  references: messageIdsSchema,
  sender: addressListSchema,
  from: addressListSchema,
  to: addressListSchema,
  cc: addressListSchema,
  bcc: addressListSchema,
  replyTo: addressListSchema,
  subject: v.nullable(v.string()),
  sentAt: v.nullable(JmapDateSchema),
  bodyStructure: EmailBodyPartSchema,
  bodyValues: v.record(v.string(), EmailBodyValueSchema),
  textBody: v.array(EmailBodyPartSchema),
  htmlBody: v.array(EmailBodyPartSchema),
  attachments: v.array(EmailBodyPartSchema),
  hasAttachment: v.boolean(),
  preview: v.string(),
}

/**
 * Validates an Email carrying every property; unknown and `header:…` properties are kept.
 *
 * @see RFC 8621 §4.1
 */
export const EmailSchema: v.GenericSchema<unknown, Email> = v.looseObject(emailPropertySchemas)
