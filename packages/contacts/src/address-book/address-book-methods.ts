import type {
  ChangesMethod,
  GetMethod,
  Id,
  Identified,
  SetMethod,
  UnsignedInt,
} from '@typed-jmap/core'
import type { CONTACTS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { AddressBook, AddressBookRights } from './address-book.js'

/**
 * The properties a client may give when creating an AddressBook; `id`, `isDefault` and
 * `myRights` are server-set.
 *
 * @see RFC 9610 §2.3
 * @example { "name": "Work", "isSubscribed": true }
 */
export interface AddressBookCreate {
  readonly name: string
  readonly description?: string | null
  readonly sortOrder?: UnsignedInt
  readonly isSubscribed?: boolean
  readonly shareWith?: Readonly<Record<Id, AddressBookRights>> | null
}

/**
 * What the server answers for a created AddressBook: its id and the server-set properties.
 *
 * @see RFC 9610 §2.3
 * @example { "id": "AB2", "isDefault": false, "myRights": { "mayRead": true, … } }
 */
export interface AddressBookCreated extends Partial<Omit<AddressBook, 'id'>>, Identified {}

/**
 * The arguments AddressBook/set adds.
 *
 * @see RFC 9610 §2.3
 * @example { "onDestroyRemoveContents": true, "onSuccessSetIsDefault": "#work" }
 */
export interface AddressBookSetExtraArguments {
  /**
   * If false (default), destroying a book that has cards fails with `addressBookHasContents`;
   * if true, its cards leave it, and cards in no other book are destroyed.
   */
  readonly onDestroyRemoveContents?: boolean
  /**
   * Once everything else in the call succeeded, make this book the default (`#creationId` for
   * a book created in the same call). An unknown id is ignored.
   */
  readonly onSuccessSetIsDefault?: Id | `#${string}` | null
}

/**
 * `AddressBook/get`: address books by id, or all with `ids: null`.
 *
 * @see RFC 9610 §2.1
 */
export interface AddressBookGetMethod extends GetMethod<typeof CONTACTS_CAPABILITY, AddressBook> {}

/**
 * `AddressBook/changes`.
 *
 * @see RFC 9610 §2.2
 */
export interface AddressBookChangesMethod extends ChangesMethod<typeof CONTACTS_CAPABILITY> {}

/**
 * `AddressBook/set`, with `onDestroyRemoveContents` and `onSuccessSetIsDefault`.
 *
 * @see RFC 9610 §2.3
 */
export interface AddressBookSetMethod
  extends SetMethod<
    typeof CONTACTS_CAPABILITY,
    AddressBook,
    AddressBookCreate,
    AddressBookCreated,
    AddressBookSetExtraArguments
  > {}
