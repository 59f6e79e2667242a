import type {
  ChangesMethod,
  CopyMethod,
  GetMethod,
  Identified,
  QueryChangesMethod,
  QueryMethod,
  SetMethod,
} from '@typed-jmap/core'
import type { CONTACTS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { ContactCard } from './contact-card.js'
import type { ContactCardCreate } from './contact-card-create.js'
import type { ContactCardFilterCondition, ContactCardSortProperty } from './contact-card-filter.js'

/**
 * `ContactCard/get`; the response is narrowed to the `properties` asked for.
 *
 * @see RFC 9610 §3.1
 */
export interface ContactCardGetMethod extends GetMethod<typeof CONTACTS_CAPABILITY, ContactCard> {}

/**
 * `ContactCard/changes`.
 *
 * @see RFC 9610 §3.2
 */
export interface ContactCardChangesMethod extends ChangesMethod<typeof CONTACTS_CAPABILITY> {}

/**
 * `ContactCard/query`, with every filter condition and sort property of RFC 9610.
 *
 * @see RFC 9610 §3.3
 */
export interface ContactCardQueryMethod
  extends QueryMethod<
    typeof CONTACTS_CAPABILITY,
    ContactCardFilterCondition,
    ContactCardSortProperty
  > {}

/**
 * `ContactCard/queryChanges`.
 *
 * @see RFC 9610 §3.4
 */
export interface ContactCardQueryChangesMethod
  extends QueryChangesMethod<
    typeof CONTACTS_CAPABILITY,
    ContactCardFilterCondition,
    ContactCardSortProperty
  > {}

/**
 * `ContactCard/set`; update patches are checked against the ContactCard
 * (`"emails/e1/address"`, `"addressBookIds/AB2"`).
 *
 * @see RFC 9610 §3.5
 */
export interface ContactCardSetMethod
  extends SetMethod<
    typeof CONTACTS_CAPABILITY,
    ContactCard,
    ContactCardCreate,
    Partial<ContactCard> & Identified
  > {}

/**
 * `ContactCard/copy`: copy cards from another account, usually overriding `addressBookIds`.
 *
 * @see RFC 9610 §3.6
 */
export interface ContactCardCopyMethod
  extends CopyMethod<typeof CONTACTS_CAPABILITY, ContactCard, Partial<ContactCardCreate>> {}
