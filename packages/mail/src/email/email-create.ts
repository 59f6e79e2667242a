import type { Id, JmapDate, UTCDate } from '@typed-jmap/core'
import type { EmailKeywords, EmailMailboxIds } from './email.js'
import type { EmailAddress } from './email-address.js'
import type { EmailHeaderFormValues, EmailHeaderPropertyName } from './email-header.js'

/**
 * The value of a `header:…` property when creating an Email: any parsed form's value,
 * or an array of them with `:all`.
 *
 * @see RFC 8621 §4.6
 * @example [{ "name": "Joe", "email": "joe@example.com" }]
 */
export type EmailHeaderCreateValue =
  | EmailHeaderFormValues[keyof EmailHeaderFormValues]
  | readonly EmailHeaderFormValues[keyof EmailHeaderFormValues][]

/**
 * What every body part of an Email to create may carry besides its content.
 *
 * @see RFC 8621 §4.6
 */
export interface EmailBodyPartCreateBase {
  readonly type?: string
  readonly disposition?: string | null
  readonly cid?: string | null
  readonly language?: readonly string[] | null
  readonly location?: string | null
  readonly name?: string | null
  readonly [header: EmailHeaderPropertyName]: EmailHeaderCreateValue | undefined
}

/**
 * A text part whose value is in `bodyValues` under `partId`; the server picks the charset.
 *
 * @see RFC 8621 §4.6
 * @example { "partId": "text", "type": "text/plain" }
 */
export interface EmailTextPartCreate extends EmailBodyPartCreateBase {
  readonly partId: string
  readonly blobId?: never
  readonly charset?: never
  readonly subParts?: never
}

/**
 * A part whose content is an uploaded blob.
 *
 * @see RFC 8621 §4.6
 * @example { "blobId": "G1", "type": "application/pdf", "name": "invoice.pdf", "disposition": "attachment" }
 */
export interface EmailBlobPartCreate extends EmailBodyPartCreateBase {
  readonly blobId: Id
  readonly partId?: never
  readonly charset?: string
  readonly subParts?: never
}

/**
 * A multipart part holding other parts.
 *
 * @see RFC 8621 §4.6
 * @example { "type": "multipart/alternative", "subParts": [{ "partId": "text", "type": "text/plain" }, { "partId": "html", "type": "text/html" }] }
 */
export interface EmailMultipartCreate extends EmailBodyPartCreateBase {
  readonly type: `multipart/${string}`
  readonly subParts: readonly EmailBodyPartCreate[]
  readonly partId?: never
  readonly blobId?: never
}

/**
 * A body part of an Email to create: text by `partId` (value in `bodyValues`), content by
 * `blobId`, never both; or a multipart with `subParts`.
 *
 * @see RFC 8621 §4.6
 * @example { "partId": "text", "type": "text/plain" }
 */
export type EmailBodyPartCreate = EmailTextPartCreate | EmailBlobPartCreate | EmailMultipartCreate

/**
 * The text of a body part of an Email to create, keyed by its `partId`.
 *
 * @see RFC 8621 §4.6
 * @example { "value": "Hello" }
 */
export interface EmailBodyValueCreate {
  readonly value: string
  readonly isEncodingProblem?: false
  readonly isTruncated?: false
}

/**
 * An Email to create with Email/set: at least one Mailbox, header fields as convenience
 * or `header:…` properties, and a body as `bodyStructure` or as `textBody`/`htmlBody`/
 * `attachments` (not both). `headers` and Content-* headers at the top are not allowed.
 *
 * @see RFC 8621 §4.6
 * @example { "mailboxIds": { "MBdrafts": true }, "keywords": { "$draft": true }, "from": [{ "name": null, "email": "joe@example.com" }], "subject": "Hi", "bodyValues": { "1": { "value": "Hello" } }, "textBody": [{ "partId": "1", "type": "text/plain" }] }
 */
export interface EmailCreate {
  readonly mailboxIds: EmailMailboxIds
  readonly keywords?: EmailKeywords
  readonly receivedAt?: UTCDate
  readonly messageId?: readonly string[] | null
  readonly inReplyTo?: readonly string[] | null
  readonly references?: readonly string[] | null
  readonly sender?: readonly EmailAddress[] | null
  readonly from?: readonly EmailAddress[] | null
  readonly to?: readonly EmailAddress[] | null
  readonly cc?: readonly EmailAddress[] | null
  readonly bcc?: readonly EmailAddress[] | null
  readonly replyTo?: readonly EmailAddress[] | null
  readonly subject?: string | null
  readonly sentAt?: JmapDate | null
  readonly bodyStructure?: EmailBodyPartCreate
  readonly bodyValues?: { readonly [partId: string]: EmailBodyValueCreate }
  readonly textBody?: readonly [EmailTextPartCreate | EmailBlobPartCreate]
  readonly htmlBody?: readonly [EmailTextPartCreate | EmailBlobPartCreate]
  readonly attachments?: readonly EmailBodyPartCreate[]
  readonly [header: EmailHeaderPropertyName]: EmailHeaderCreateValue | undefined
}

/**
 * What the server answers for a created or imported Email.
 *
 * @see RFC 8621 §4.6
 * @example { "id": "M1", "blobId": "G1", "threadId": "T1", "size": 400 }
 */
export interface EmailCreated {
  readonly id: Id
  readonly blobId: Id
  readonly threadId: Id
  readonly size: number
}

/**
 * One message to import from an uploaded blob.
 *
 * @see RFC 8621 §4.8
 * @example { "blobId": "Gb1", "mailboxIds": { "MBinbox": true }, "keywords": { "$seen": true }, "receivedAt": "2026-01-01T00:00:00Z" }
 */
export interface EmailImport {
  readonly blobId: Id
  readonly mailboxIds: EmailMailboxIds
  readonly keywords?: EmailKeywords
  readonly receivedAt?: UTCDate
}

/**
 * An Email to copy from another account: the source id and what to set on the copy.
 *
 * @see RFC 8621 §4.7
 * @example { "id": "M1", "mailboxIds": { "MBinbox": true } }
 */
export interface EmailCopyCreate {
  readonly mailboxIds: EmailMailboxIds
  readonly keywords?: EmailKeywords
  readonly receivedAt?: UTCDate
}
