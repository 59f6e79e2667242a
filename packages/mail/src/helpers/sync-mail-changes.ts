import type { ChangesResponse, Id, JmapClient } from '@typed-jmap/core'
import type { EmailKeywords, EmailMailboxIds } from '../email/email.js'
import type { Mailbox } from '../mailbox/mailbox.js'
import type { MailboxChangesExtraResponse } from '../mailbox/mailbox-methods.js'

type Needed = 'Mailbox/changes' | 'Mailbox/get' | 'Email/changes' | 'Email/get'

/**
 * The states a client last synchronised at.
 *
 * @see RFC 8620 §5.2
 * @example { "mailboxState": "22", "emailState": "56" }
 */
export interface MailSyncState {
  readonly mailboxState: string
  readonly emailState: string
}

/**
 * Options of {@link syncMailChanges}.
 *
 * @see RFC 8620 §5.2
 */
export interface SyncMailChangesOptions extends MailSyncState {
  readonly accountId: string
  /** Most changes per type in this round (the server may send fewer). */
  readonly maxChanges?: number
}

/**
 * The mutable part of an Email, which is all that can change after creation.
 *
 * @see RFC 8621 §4.1.1
 */
export interface EmailFlags {
  readonly id: Id
  readonly mailboxIds: EmailMailboxIds
  readonly keywords: EmailKeywords
}

/**
 * A new Email's list properties.
 *
 * @see RFC 8621 §4.1
 */
export interface SyncedEmail extends EmailFlags {
  readonly threadId: Id
  readonly receivedAt: string
  readonly subject: string | null
  readonly preview: string
}

/**
 * One round of incremental sync: what changed, the changed objects, and the states to
 * pass next time (call again while `hasMoreChanges`).
 *
 * @see RFC 8620 §5.2
 */
export interface MailChanges {
  readonly mailboxes: ChangesResponse & MailboxChangesExtraResponse
  readonly emails: ChangesResponse
  /** Created and updated Mailboxes; after a counts-only change, only the changed counts. */
  readonly changedMailboxes: readonly Partial<Mailbox>[]
  readonly createdEmails: readonly SyncedEmail[]
  readonly updatedEmails: readonly EmailFlags[]
  readonly destroyedMailboxIds: readonly Id[]
  readonly destroyedEmailIds: readonly Id[]
  readonly next: MailSyncState
  readonly hasMoreChanges: boolean
}

/**
 * Synchronises mail in one request: Mailbox/changes and Email/changes since the given
 * states, then the changed Mailboxes (only `updatedProperties` when just counts changed),
 * the created Emails and the flags of the updated ones.
 *
 * @see RFC 8621 §2.2, §4.3; RFC 8620 §5.2
 * @example
 * let state = { mailboxState: '22', emailState: '56' }
 * const changes = await syncMailChanges(jmap, { accountId, ...state })
 * state = changes.next
 */
export async function syncMailChanges<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: SyncMailChangesOptions,
): Promise<MailChanges> {
  // See findMailboxByRole: the call site checked the client's methods.
  const jmap = client as JmapClient<Needed>
  const { accountId } = options
  const limit = options.maxChanges === undefined ? {} : { maxChanges: options.maxChanges }
  const result = await jmap.request((b) => {
    const mailboxes = b.call('Mailbox/changes', {
      accountId,
      sinceState: options.mailboxState,
      ...limit,
    })
    const createdMailboxes = b.call('Mailbox/get', { accountId, ids: mailboxes.ref('/created') })
    const updatedMailboxes = b.call('Mailbox/get', {
      accountId,
      ids: mailboxes.ref('/updated'),
      properties: mailboxes.ref('/updatedProperties'),
    })
    const emails = b.call('Email/changes', { accountId, sinceState: options.emailState, ...limit })
    const createdEmails = b.call('Email/get', {
      accountId,
      ids: emails.ref('/created'),
      properties: ['threadId', 'mailboxIds', 'keywords', 'receivedAt', 'subject', 'preview'],
    })
    const updatedEmails = b.call('Email/get', {
      accountId,
      ids: emails.ref('/updated'),
      properties: ['mailboxIds', 'keywords'],
    })
    return { mailboxes, createdMailboxes, updatedMailboxes, emails, createdEmails, updatedEmails }
  })
  const { mailboxes, emails } = result
  return {
    mailboxes,
    emails,
    changedMailboxes: [...result.createdMailboxes.list, ...result.updatedMailboxes.list],
    createdEmails: result.createdEmails.list,
    updatedEmails: result.updatedEmails.list,
    destroyedMailboxIds: mailboxes.destroyed,
    destroyedEmailIds: emails.destroyed,
    next: { mailboxState: mailboxes.newState, emailState: emails.newState },
    hasMoreChanges: mailboxes.hasMoreChanges || emails.hasMoreChanges,
  }
}
