import type { Id, UTCDate } from '@typed-jmap/core'
import type { UndoStatus } from './email-submission.js'

/**
 * The conditions EmailSubmission/query can filter on.
 *
 * @see RFC 8621 §7.3
 * @example { "undoStatus": "pending" }
 */
export interface EmailSubmissionFilterCondition {
  readonly identityIds?: readonly Id[]
  readonly emailIds?: readonly Id[]
  readonly threadIds?: readonly Id[]
  readonly undoStatus?: UndoStatus
  readonly before?: UTCDate
  readonly after?: UTCDate
}

/**
 * The EmailSubmission properties EmailSubmission/query can sort by. The RFC's list says
 * `sentAt` although the property is `sendAt`; both are accepted.
 *
 * @see RFC 8621 §7.3
 */
export type EmailSubmissionSortProperty = 'emailId' | 'threadId' | 'sendAt' | 'sentAt'
