import type { Id, UTCDate } from '@typed-jmap/core'
import type { EmailKeyword } from './email.js'

/**
 * The conditions Email/query can filter on; all given conditions must match.
 *
 * @see RFC 8621 §4.4.1
 * @example { "inMailbox": "MB1", "hasKeyword": "$flagged", "after": "2026-01-01T00:00:00Z" }
 */
export interface EmailFilterCondition {
  readonly inMailbox?: Id
  readonly inMailboxOtherThan?: readonly Id[]
  readonly before?: UTCDate
  readonly after?: UTCDate
  readonly minSize?: number
  readonly maxSize?: number
  readonly allInThreadHaveKeyword?: EmailKeyword
  readonly someInThreadHaveKeyword?: EmailKeyword
  readonly noneInThreadHaveKeyword?: EmailKeyword
  readonly hasKeyword?: EmailKeyword
  readonly notKeyword?: EmailKeyword
  readonly hasAttachment?: boolean
  readonly text?: string
  readonly from?: string
  readonly to?: string
  readonly cc?: string
  readonly bcc?: string
  readonly subject?: string
  readonly body?: string
  /** `[name]` matches when the header field exists; `[name, value]` when its value contains `value`. */
  readonly header?: readonly [name: string] | readonly [name: string, value: string]
}

/**
 * The Email properties Email/query may sort by; the keyword sorts need a `keyword`
 * on the comparator.
 *
 * @see RFC 8621 §4.4.2
 * @example "receivedAt"
 */
export type EmailSortProperty =
  | 'receivedAt'
  | 'size'
  | 'from'
  | 'to'
  | 'subject'
  | 'sentAt'
  | 'hasKeyword'
  | 'allInThreadHaveKeyword'
  | 'someInThreadHaveKeyword'

/**
 * A comparator for Email/query: the keyword sorts require `keyword`, the others forbid it.
 *
 * @see RFC 8621 §4.4.2
 * @example { "property": "someInThreadHaveKeyword", "keyword": "$flagged", "isAscending": false }
 */
export type EmailComparator = EmailPropertyComparator | EmailKeywordComparator

/**
 * A comparator on a plain Email property.
 *
 * @see RFC 8621 §4.4.2
 * @example { "property": "receivedAt", "isAscending": false }
 */
export interface EmailPropertyComparator {
  readonly property: Exclude<EmailSortProperty, EmailKeywordSortProperty>
  readonly isAscending?: boolean
  readonly collation?: string
  readonly keyword?: never
}

/**
 * A comparator sorting by whether Emails (or their threads) have a keyword.
 *
 * @see RFC 8621 §4.4.2
 * @example { "property": "hasKeyword", "keyword": "$seen" }
 */
export interface EmailKeywordComparator {
  readonly property: EmailKeywordSortProperty
  readonly keyword: EmailKeyword
  readonly isAscending?: boolean
  readonly collation?: string
}

/**
 * The sort properties that compare by one keyword (named in the comparator's `keyword`).
 *
 * @see RFC 8621 §4.4.2
 */
export type EmailKeywordSortProperty =
  | 'hasKeyword'
  | 'allInThreadHaveKeyword'
  | 'someInThreadHaveKeyword'
