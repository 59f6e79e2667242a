import type { Id, UTCDate } from '@typed-jmap/core'

/**
 * A ContactCard/query filter condition; every condition given must match. Text conditions match
 * case-insensitively; quoted text is a phrase, other whitespace separates tokens that must all
 * be present.
 *
 * @see RFC 9610 §3.3.1
 * @example { "inAddressBook": "AB1", "email": "example.com", "kind": "individual" }
 */
export interface ContactCardFilterCondition {
  /** The card is in this address book. */
  readonly inAddressBook?: Id
  /** Exact uid match. */
  readonly uid?: string
  /** The card's `members` contains this uid. */
  readonly hasMember?: string
  /** The card's `kind` is exactly this. */
  readonly kind?: string
  /** `created` is before this. */
  readonly createdBefore?: UTCDate
  /** `created` is the same or after this. */
  readonly createdAfter?: UTCDate
  /** `updated` is before this. */
  readonly updatedBefore?: UTCDate
  /** `updated` is the same or after this. */
  readonly updatedAfter?: UTCDate
  /** Text anywhere in the card. */
  readonly text?: string
  /** Any name component or the full name. */
  readonly name?: string
  /** A `given` name component. */
  readonly 'name/given'?: string
  /** A `surname` name component. */
  readonly 'name/surname'?: string
  /** A `surname2` name component. */
  readonly 'name/surname2'?: string
  /** The name of any nickname. */
  readonly nickname?: string
  /** The name of any organization. */
  readonly organization?: string
  /** The address or label of any email. */
  readonly email?: string
  /** The number or label of any phone. */
  readonly phone?: string
  /** The service, uri, user or label of any online service. */
  readonly onlineService?: string
  /** Any address component or full address. */
  readonly address?: string
  /** The text of any note. */
  readonly note?: string
}

/**
 * The properties ContactCard/query sorts by: `created` and `updated` (MUST), and the first
 * given name, surname and second surname (SHOULD).
 *
 * @see RFC 9610 §3.3.2
 * @example "name/surname"
 */
export type ContactCardSortProperty =
  | 'created'
  | 'updated'
  | 'name/given'
  | 'name/surname'
  | 'name/surname2'
