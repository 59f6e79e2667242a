import type { SetError, SetErrorFields } from '@typed-jmap/core'

/**
 * The SetError of an AddressBook/set destroy refused because the book still has cards and
 * `onDestroyRemoveContents` was false.
 *
 * @see RFC 9610 §2.3
 * @example { "type": "addressBookHasContents", "description": "the address book has 3 cards" }
 */
export interface AddressBookHasContentsSetError extends SetErrorFields<'addressBookHasContents'> {
  /** Fields a server adds, kept as sent. */
  readonly [field: string]: unknown
}

/**
 * Tells whether a SetError is an {@link AddressBookHasContentsSetError}.
 *
 * @see RFC 9610 §2.3
 * @example if (isAddressBookHasContentsSetError(response.notDestroyed?.[id])) askToDeleteCardsToo()
 */
export function isAddressBookHasContentsSetError(
  error: SetError | null | undefined,
): error is AddressBookHasContentsSetError {
  return error?.type === 'addressBookHasContents'
}
