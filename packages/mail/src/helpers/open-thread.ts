import type { Id, JmapClient } from '@typed-jmap/core'
import type { EmailForGetArguments } from '../email/email-selection.js'
import type { Thread } from '../thread/thread.js'

type Needed = 'Thread/get' | 'Email/get'

const threadEmailProperties = [
  'threadId',
  'mailboxIds',
  'keywords',
  'from',
  'to',
  'cc',
  'replyTo',
  'subject',
  'sentAt',
  'receivedAt',
  'hasAttachment',
  'bodyValues',
  'textBody',
  'htmlBody',
  'attachments',
] as const

/**
 * The arguments openThread sends to Email/get, which fix the shape of each Email.
 */
interface ThreadEmailArguments {
  readonly properties: typeof threadEmailProperties
  readonly fetchTextBodyValues: true
  readonly fetchHTMLBodyValues: true
}

/**
 * An Email of an opened thread: headers to display and its text and HTML bodies.
 *
 * @see RFC 8621 §4.2
 */
export type ThreadEmail = EmailForGetArguments<ThreadEmailArguments>

/**
 * Options of {@link openThread}.
 *
 * @see RFC 8621 §3
 */
export interface OpenThreadOptions {
  readonly accountId: string
  readonly threadId: Id
  /** Truncate each body value to this many UTF-8 octets (0 or absent: no limit). */
  readonly maxBodyValueBytes?: number
}

/**
 * A Thread with its Emails, oldest first, bodies fetched.
 *
 * @see RFC 8621 §3
 */
export interface OpenedThread {
  readonly thread: Thread | undefined
  readonly emails: readonly ThreadEmail[]
}

/**
 * Opens a conversation in one request: Thread/get, then Email/get of its `emailIds`
 * with text and HTML body values.
 *
 * @see RFC 8621 §3.1, §4.2
 * @example
 * const { emails } = await openThread(jmap, { accountId, threadId })
 * emails[0]?.bodyValues[emails[0].textBody[0]?.partId ?? '']?.value
 */
export async function openThread<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: OpenThreadOptions,
): Promise<OpenedThread> {
  // See findMailboxByRole: the call site checked the client's methods.
  const jmap = client as JmapClient<Needed>
  const { accountId } = options
  const { thread, emails } = await jmap.request((b) => {
    const thread = b.call('Thread/get', { accountId, ids: [options.threadId] })
    const emails = b.call('Email/get', {
      accountId,
      ids: thread.ref('/list/*/emailIds'),
      properties: threadEmailProperties,
      fetchTextBodyValues: true,
      fetchHTMLBodyValues: true,
      ...(options.maxBodyValueBytes === undefined
        ? {}
        : { maxBodyValueBytes: options.maxBodyValueBytes }),
    })
    return { thread, emails }
  })
  const order = new Map(thread.list[0]?.emailIds.map((id, index) => [id, index]))
  const sorted = [...emails.list].sort(
    (left, right) => (order.get(left.id) ?? 0) - (order.get(right.id) ?? 0),
  )
  return { thread: thread.list[0], emails: sorted }
}
