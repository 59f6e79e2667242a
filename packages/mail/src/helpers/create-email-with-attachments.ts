import { Id, type JmapClient, type SetError, type UploadData } from '@typed-jmap/core'
import type { EmailKeywords, EmailMailboxIds } from '../email/email.js'
import type { EmailBodyPartCreate, EmailCreated } from '../email/email-create.js'
import type { OutgoingEmail } from './send-email.js'

type Needed = 'Email/set'

/**
 * One file to attach.
 *
 * @see RFC 8621 §4.6
 * @example { data: new Uint8Array([…]), type: 'application/pdf', name: 'invoice.pdf' }
 */
export interface AttachmentInput {
  readonly data: UploadData
  readonly type: string
  readonly name: string
  /** Set for an inline image referenced from the HTML as `cid:…`. */
  readonly cid?: string
}

/**
 * Options of {@link createEmailWithAttachments}.
 *
 * @see RFC 8621 §4.6
 */
export interface CreateEmailWithAttachmentsOptions {
  readonly accountId: string
  readonly mailboxIds: EmailMailboxIds
  readonly keywords?: EmailKeywords
  /** Header fields (from, to, subject, …); body properties are built from the fields below. */
  readonly headers?: Omit<
    OutgoingEmail,
    'bodyStructure' | 'bodyValues' | 'textBody' | 'htmlBody' | 'attachments'
  >
  readonly text: string
  readonly html?: string
  readonly attachments: readonly AttachmentInput[]
}

/**
 * The created Email, or why it was not created.
 *
 * @see RFC 8621 §4.6
 */
export type CreateEmailWithAttachmentsResult =
  | { readonly created: true; readonly email: EmailCreated; readonly blobIds: readonly Id[] }
  | { readonly created: false; readonly error: SetError; readonly blobIds: readonly Id[] }

/**
 * Builds a message with attachments: uploads each file, then creates the Email in one
 * request with a `multipart/mixed` body structure (text, or text and HTML as
 * `multipart/alternative`, then the attachments by blob id).
 *
 * @see RFC 8621 §4.6
 * @example
 * // bodyStructure sent:
 * // { "type": "multipart/mixed", "subParts": [
 * //   { "partId": "text", "type": "text/plain" },
 * //   { "blobId": "G1", "type": "application/pdf", "name": "invoice.pdf", "disposition": "attachment" } ] }
 */
export async function createEmailWithAttachments<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: CreateEmailWithAttachmentsOptions,
): Promise<CreateEmailWithAttachmentsResult> {
  // See findMailboxByRole: the call site checked the client's methods.
  const jmap = client as JmapClient<Needed>
  const { accountId } = options
  const uploads = await Promise.all(
    options.attachments.map((attachment) =>
      jmap.connection.upload(accountId, attachment.data, { type: attachment.type }),
    ),
  )
  const blobIds = uploads.map((upload) => Id(upload.blobId))
  const textPart: EmailBodyPartCreate = { partId: 'text', type: 'text/plain' }
  const body: EmailBodyPartCreate =
    options.html === undefined
      ? textPart
      : {
          type: 'multipart/alternative',
          subParts: [textPart, { partId: 'html', type: 'text/html' }],
        }
  const attachmentParts = options.attachments.map(
    (attachment, index): EmailBodyPartCreate => ({
      blobId: blobIds[index]!,
      type: attachment.type,
      name: attachment.name,
      disposition: attachment.cid === undefined ? 'attachment' : 'inline',
      ...(attachment.cid === undefined ? {} : { cid: attachment.cid }),
    }),
  )
  const bodyValues =
    options.html === undefined
      ? { text: { value: options.text } }
      : { text: { value: options.text }, html: { value: options.html } }
  const set = await jmap.request((b) =>
    b.call('Email/set', {
      accountId,
      create: {
        email: {
          ...options.headers,
          mailboxIds: options.mailboxIds,
          ...(options.keywords === undefined ? {} : { keywords: options.keywords }),
          bodyValues,
          bodyStructure:
            attachmentParts.length === 0
              ? body
              : { type: 'multipart/mixed', subParts: [body, ...attachmentParts] },
        },
      },
    }),
  )
  const email = set.created?.email
  if (email === undefined) {
    return { created: false, error: set.notCreated?.email ?? { type: 'serverFail' }, blobIds }
  }
  return { created: true, email, blobIds }
}
