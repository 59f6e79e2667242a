import type { Id, JmapClient, SetError } from '@typed-jmap/core'
import type { EmailCreate } from '../email/email-create.js'
import type { Envelope } from '../email-submission/email-submission.js'

type Needed = 'Email/set' | 'EmailSubmission/set'

/**
 * The message to send: everything of an Email to create except where it is filed.
 *
 * @see RFC 8621 §4.6
 */
export interface OutgoingEmail extends Omit<EmailCreate, 'mailboxIds' | 'keywords'> {}

/**
 * Options of {@link sendEmail}.
 *
 * @see RFC 8621 §7.5
 */
export interface SendEmailOptions {
  readonly accountId: string
  readonly identityId: Id
  /** The Drafts mailbox the message is written to first. */
  readonly draftsMailboxId: Id
  /** The Sent mailbox the message is moved to once submitted. */
  readonly sentMailboxId: Id
  readonly email: OutgoingEmail
  /** SMTP envelope; by default the server derives it from the headers. */
  readonly envelope?: Envelope
}

/**
 * The outcome of {@link sendEmail}: ids on success, the SetError of the step that failed
 * otherwise.
 *
 * @see RFC 8621 §7.5
 */
export type SendEmailResult =
  | {
      readonly sent: true
      readonly emailId: Id
      readonly submissionId: Id
      readonly threadId: Id
    }
  | { readonly sent: false; readonly step: 'draft'; readonly error: SetError }
  | {
      readonly sent: false
      readonly step: 'submission'
      readonly error: SetError
      /** The draft, which stays in Drafts. */
      readonly emailId: Id
    }

/**
 * Sends an email in one request: Email/set creates it in Drafts (`$draft`, `$seen`),
 * EmailSubmission/set submits it by creation id, and on success the implicit Email/set
 * moves it to Sent and clears `$draft`.
 *
 * @see RFC 8621 §7.5
 * @example
 * await sendEmail(jmap, { accountId, identityId, draftsMailboxId, sentMailboxId, email: {
 *   from: [{ name: null, email: 'me@example.com' }], to: [{ name: null, email: 'you@example.com' }],
 *   subject: 'Hi', bodyValues: { t: { value: 'Hello' } }, textBody: [{ partId: 't', type: 'text/plain' }] } })
 * // ["EmailSubmission/set", { "create": { "send": { "emailId": "#draft", … } },
 * //   "onSuccessUpdateEmail": { "#send": { "mailboxIds": { "MBsent": true }, "keywords/$draft": null } } }, "c1"]
 */
export async function sendEmail<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: SendEmailOptions,
): Promise<SendEmailResult> {
  // See findMailboxByRole: the call site checked the client's methods.
  const jmap = client as JmapClient<Needed>
  const { accountId } = options
  const { draft, submission } = await jmap.request((b) => {
    const draft = b.call('Email/set', {
      accountId,
      create: {
        draft: {
          ...options.email,
          mailboxIds: { [options.draftsMailboxId]: true },
          keywords: { $draft: true, $seen: true },
        },
      },
    })
    const submission = b.call('EmailSubmission/set', {
      accountId,
      create: {
        send: {
          identityId: options.identityId,
          emailId: draft.created('draft'),
          ...(options.envelope === undefined ? {} : { envelope: options.envelope }),
        },
      },
      onSuccessUpdateEmail: {
        // The draft is only in Drafts, so replacing the set moves it to Sent.
        [b.creationId('send')]: {
          mailboxIds: { [options.sentMailboxId]: true },
          'keywords/$draft': null,
        },
      },
    })
    return { draft, submission }
  })
  const created = draft.created?.draft
  if (created === undefined) {
    const error = draft.notCreated?.draft ?? { type: 'serverFail' }
    return { sent: false, step: 'draft', error }
  }
  const submitted = submission.created?.send
  if (submitted === undefined) {
    const error = submission.notCreated?.send ?? { type: 'serverFail' }
    return { sent: false, step: 'submission', error, emailId: created.id }
  }
  return { sent: true, emailId: created.id, submissionId: submitted.id, threadId: created.threadId }
}
