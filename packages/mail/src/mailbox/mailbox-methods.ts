import type {
  ChangesMethod,
  GetMethod,
  Id,
  Identified,
  QueryChangesMethod,
  QueryMethod,
  SetMethod,
  UnsignedInt,
} from '@typed-jmap/core'
import type { mailCapability } from '../capabilities/capability-urns.js'
import type { Mailbox, MailboxRole } from './mailbox.js'
import type { MailboxFilterCondition, MailboxSortProperty } from './mailbox-filter.js'

/**
 * The properties a client may give when creating a Mailbox; the counts and `myRights`
 * are server-set.
 *
 * @see RFC 8621 §2.5
 * @example { "name": "Receipts", "parentId": null, "isSubscribed": true }
 */
export interface MailboxCreate {
  readonly name: string
  readonly parentId?: Id | null
  readonly role?: MailboxRole | null
  readonly sortOrder?: UnsignedInt
  readonly isSubscribed?: boolean
}

/**
 * What the server answers for a created Mailbox: its id and the server-set properties.
 *
 * @see RFC 8621 §2.5
 * @example { "id": "MB9", "totalEmails": 0, "myRights": { … } }
 */
export interface MailboxCreated extends Partial<Omit<Mailbox, 'id'>>, Identified {}

/**
 * Arguments Mailbox/query adds to the standard ones.
 *
 * @see RFC 8621 §2.3
 * @example { "sortAsTree": true, "filterAsTree": false }
 */
export interface MailboxQueryExtraArguments {
  readonly sortAsTree?: boolean
  readonly filterAsTree?: boolean
}

/**
 * The response Mailbox/changes adds: the properties that changed, when only counts did.
 *
 * @see RFC 8621 §2.2
 * @example { "updatedProperties": ["totalEmails", "unreadEmails"] }
 */
export interface MailboxChangesExtraResponse {
  readonly updatedProperties: (keyof Mailbox & string)[] | null
}

/**
 * `Mailbox/get`: Mailboxes by id, or all with `ids: null`.
 *
 * @see RFC 8621 §2.1
 */
export interface MailboxGetMethod extends GetMethod<typeof mailCapability, Mailbox> {}

/**
 * `Mailbox/changes`, with `updatedProperties`.
 *
 * @see RFC 8621 §2.2
 */
export interface MailboxChangesMethod
  extends ChangesMethod<typeof mailCapability, MailboxChangesExtraResponse> {}

/**
 * `Mailbox/query`, with `sortAsTree` and `filterAsTree`.
 *
 * @see RFC 8621 §2.3
 */
export interface MailboxQueryMethod
  extends QueryMethod<
    typeof mailCapability,
    MailboxFilterCondition,
    MailboxSortProperty,
    MailboxQueryExtraArguments
  > {}

/**
 * `Mailbox/queryChanges`.
 *
 * @see RFC 8621 §2.4
 */
export interface MailboxQueryChangesMethod
  extends QueryChangesMethod<
    typeof mailCapability,
    MailboxFilterCondition,
    MailboxSortProperty,
    MailboxQueryExtraArguments
  > {}

/**
 * Arguments Mailbox/set adds: destroy a Mailbox together with the Emails only in it.
 *
 * @see RFC 8621 §2.5
 * @example { "onDestroyRemoveEmails": true }
 */
export interface MailboxSetExtraArguments {
  readonly onDestroyRemoveEmails?: boolean
}

/**
 * The part of a Mailbox an update may change: the counts and `myRights` are server-set.
 *
 * @see RFC 8621 §2
 */
export interface MailboxUpdatable
  extends Pick<Mailbox, 'id' | 'name' | 'parentId' | 'role' | 'sortOrder' | 'isSubscribed'> {}

/**
 * `Mailbox/set`, with `onDestroyRemoveEmails`.
 *
 * @see RFC 8621 §2.5
 */
export interface MailboxSetMethod
  extends Omit<
    SetMethod<
      typeof mailCapability,
      Mailbox,
      MailboxCreate,
      MailboxCreated,
      MailboxSetExtraArguments
    >,
    '~object'
  > {
  /** Phantom: update patches are checked against the client-settable properties. */
  readonly '~object': MailboxUpdatable
}
