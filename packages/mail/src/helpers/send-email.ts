import type { Id, JmapClient, SetError } from '@typed-jmap/core'
import type { EmailCreate } from '../email/email-create.js'
import type { Envelope } from '../email-submission/email-submission.js'
import { SendEmailDefaultsError } from './send-email-defaults-error.js'
import { chooseIdentity, forgetSendingDefaults, sendingDefaults } from './sending-defaults.js'

type Needed = 'Email/set' | 'EmailSubmission/set' | 'Identity/get' | 'Mailbox/query'

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
  /**
   * The Identity to send with. By default the one whose address is the email's `from`
   * (or a `*@domain` identity of its domain), or the only identity when there is no `from`;
   * then an email without `from` is sent from that identity.
   */
  readonly identityId?: Id
  /** The Drafts mailbox the message is written to first; by default the one with role `drafts`. */
  readonly draftsMailboxId?: Id
  /** The Sent mailbox the message is moved to once submitted; by default the one with role `sent`. */
  readonly sentMailboxId?: Id
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
 * Left-out `identityId`, `draftsMailboxId` or `sentMailboxId` are found by one prior
 * request (Identity/get, Mailbox/query by role), made once per client and account and
 * cached; they cannot be result references in the sending request, because they sit inside
 * `create` and as keys of `mailboxIds`. The cache is dropped when the draft is refused.
 *
 * @throws {SendEmailDefaultsError} when a left-out option cannot be chosen; nothing was sent
 * @see RFC 8621 §7.5
 * @example
 * await sendEmail(jmap, { accountId, email: {
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
  const { identityId, email, draftsMailboxId, sentMailboxId } = await withDefaults(jmap, options)
  const { draft, submission } = await jmap.request((b) => {
    const draft = b.call('Email/set', {
      accountId,
      create: {
        draft: {
          ...email,
          mailboxIds: { [draftsMailboxId]: true },
          keywords: { $draft: true, $seen: true },
        },
      },
    })
    const submission = b.call('EmailSubmission/set', {
      accountId,
      create: {
        send: {
          identityId,
          emailId: draft.created('draft'),
          ...(options.envelope === undefined ? {} : { envelope: options.envelope }),
        },
      },
      onSuccessUpdateEmail: {
        // The draft is only in Drafts, so replacing the set moves it to Sent.
        [b.creationId('send')]: {
          mailboxIds: { [sentMailboxId]: true },
          'keywords/$draft': null,
        },
      },
    })
    return { draft, submission }
  })
  const created = draft.created?.draft
  if (created === undefined) {
    const error = draft.notCreated?.draft ?? { type: 'serverFail' }
    // A cached mailbox may have gone; the next send looks again.
    forgetSendingDefaults(client, accountId)
    return { sent: false, step: 'draft', error }
  }
  const submitted = submission.created?.send
  if (submitted === undefined) {
    const error = submission.notCreated?.send ?? { type: 'serverFail' }
    return { sent: false, step: 'submission', error, emailId: created.id }
  }
  return { sent: true, emailId: created.id, submissionId: submitted.id, threadId: created.threadId }
}

async function withDefaults(
  jmap: JmapClient<Needed>,
  options: SendEmailOptions,
): Promise<{
  readonly identityId: Id
  readonly email: OutgoingEmail
  readonly draftsMailboxId: Id
  readonly sentMailboxId: Id
}> {
  const { accountId, identityId, draftsMailboxId, sentMailboxId, email } = options
  if (identityId !== undefined && draftsMailboxId !== undefined && sentMailboxId !== undefined)
    return { identityId, email, draftsMailboxId, sentMailboxId }
  const defaults = await sendingDefaults(jmap, accountId)
  const drafts = draftsMailboxId ?? defaults.draftsMailboxId
  if (drafts === undefined)
    throw new SendEmailDefaultsError(
      'noDraftsMailbox',
      accountId,
      `account ${accountId} has no Mailbox with role drafts; pass draftsMailboxId`,
    )
  const sent = sentMailboxId ?? defaults.sentMailboxId
  if (sent === undefined)
    throw new SendEmailDefaultsError(
      'noSentMailbox',
      accountId,
      `account ${accountId} has no Mailbox with role sent; pass sentMailboxId`,
    )
  if (identityId !== undefined)
    return { identityId, email, draftsMailboxId: drafts, sentMailboxId: sent }
  const identity = chooseIdentity(defaults.identities, email.from?.[0], accountId)
  // Without `from`, the message says who sends it: the chosen identity. An identity without a
  // mailbox address (Cyrus 3.10 gives its one identity `email: ""`; a `*@domain` wildcard is
  // none either) cannot say it, and the server would refuse the submission after the draft
  // was written; refuse before anything is written instead.
  if (email.from === undefined && !/^[^*@\s]+@[^@\s]+$/.test(identity.email))
    throw new SendEmailDefaultsError(
      'noFromAddress',
      accountId,
      `the email has no \`from\` and identity ${identity.id} of account ${accountId} has no address to send from (email ${JSON.stringify(identity.email)}); pass \`from\``,
    )
  const from = email.from ?? [
    { name: identity.name === '' ? null : identity.name, email: identity.email },
  ]
  return {
    identityId: identity.id,
    email: { ...email, from },
    draftsMailboxId: drafts,
    sentMailboxId: sent,
  }
}
