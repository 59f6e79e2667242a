import type { Id } from '@typed-jmap/core'
import type { MailboxRole } from './mailbox.js'

/**
 * The conditions Mailbox/query can filter on.
 *
 * @see RFC 8621 §2.3
 * @example { "role": "inbox" }
 */
export interface MailboxFilterCondition {
  readonly parentId?: Id | null
  readonly name?: string
  readonly role?: MailboxRole | null
  readonly hasAnyRole?: boolean
  readonly isSubscribed?: boolean
}

/**
 * The Mailbox properties Mailbox/query can sort by.
 *
 * @see RFC 8621 §2.3
 */
export type MailboxSortProperty = 'sortOrder' | 'name'
