import type { Id, JmapClient, QueryResponse, UnsignedInt, UTCDate } from '@typed-jmap/core'
import type { EmailKeywords, EmailMailboxIds } from '../email/email.js'
import type { EmailAddress } from '../email/email-address.js'
import type { Thread } from '../thread/thread.js'

type Needed = 'Email/query' | 'Email/get' | 'Thread/get'

/**
 * Options of {@link openMailboxPage}.
 *
 * @see RFC 8621 §4.10
 */
export interface OpenMailboxPageOptions {
  readonly accountId: string
  readonly mailboxId: Id
  /** Index of the first Email of the page (default 0). */
  readonly position?: number
  /** Emails per page (default 50). */
  readonly limit?: number
  /** Show one Email per Thread (default true, like most mail clients). */
  readonly collapseThreads?: boolean
}

/**
 * The Email properties a mailbox list shows.
 *
 * @see RFC 8621 §4.10
 */
export interface MailboxPageEmail {
  readonly id: Id
  readonly threadId: Id
  readonly mailboxIds: EmailMailboxIds
  readonly keywords: EmailKeywords
  readonly hasAttachment: boolean
  readonly from: readonly EmailAddress[] | null
  readonly subject: string | null
  readonly receivedAt: UTCDate
  readonly size: UnsignedInt
  readonly preview: string
}

/**
 * One page of a mailbox: the query window, its Emails (newest first) and their Threads.
 *
 * @see RFC 8621 §4.10
 */
export interface MailboxPage {
  readonly query: QueryResponse
  readonly emails: readonly MailboxPageEmail[]
  readonly threads: readonly Thread[]
}

/**
 * Opens a page of a mailbox in one request: Email/query (newest first), Email/get of the
 * ids with the list properties, and Thread/get of their threads — the RFC's first-load
 * example chained by result references.
 *
 * @see RFC 8621 §4.10
 * @example
 * const page = await openMailboxPage(jmap, { accountId, mailboxId: inbox.id, limit: 30 })
 * // Email/query { "filter": { "inMailbox": "MB1" }, "sort": [{ "property": "receivedAt", "isAscending": false }], "collapseThreads": true, "position": 0, "limit": 30, "calculateTotal": true }
 */
export async function openMailboxPage<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: OpenMailboxPageOptions,
): Promise<MailboxPage> {
  // See findMailboxByRole: the call site checked the client's methods.
  const jmap = client as JmapClient<Needed>
  const { accountId } = options
  const { query, emails, threads } = await jmap.request((b) => {
    const query = b.call('Email/query', {
      accountId,
      filter: { inMailbox: options.mailboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      collapseThreads: options.collapseThreads ?? true,
      position: options.position ?? 0,
      limit: options.limit ?? 50,
      calculateTotal: true,
    })
    const emails = b.call('Email/get', {
      accountId,
      ids: query.ref('/ids'),
      properties: [
        'threadId',
        'mailboxIds',
        'keywords',
        'hasAttachment',
        'from',
        'subject',
        'receivedAt',
        'size',
        'preview',
      ],
    })
    const threads = b.call('Thread/get', { accountId, ids: emails.ref('/list/*/threadId') })
    return { query, emails, threads }
  })
  return { query, emails: emails.list, threads: threads.list }
}
