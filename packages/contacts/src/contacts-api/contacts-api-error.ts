import { SetOperationError } from '@typed-jmap/core'

/**
 * Thrown by the contacts API for what the account or the input cannot provide: no address book,
 * an unknown card, vCard text without a card, or a vCard call without the vCard codec.
 *
 * @example new ContactsApiError('the vCard text holds no card')
 */
export class ContactsApiError extends Error {
  override readonly name = 'ContactsApiError' as const

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/**
 * Tells whether a value is a {@link ContactsApiError}.
 *
 * @example if (isContactsApiError(error)) console.error(error.message)
 */
export function isContactsApiError(value: unknown): value is ContactsApiError {
  return value instanceof Error && value.name === 'ContactsApiError'
}

/**
 * Thrown by the contacts API when the server refuses a create, update or destroy (for example
 * `addressBookHasContents`); the SetError is kept as sent.
 *
 * @see RFC 8620 §5.3, RFC 9610 §2.3
 * @example new ContactWriteError('destroy', 'B1', { type: 'addressBookHasContents' })
 */
export class ContactWriteError extends SetOperationError {
  override readonly name = 'ContactWriteError' as const
}

/**
 * Tells whether a value is a {@link ContactWriteError}.
 *
 * @example if (isContactWriteError(error) && error.setError.type === 'notFound') forget(error.objectId)
 */
export function isContactWriteError(value: unknown): value is ContactWriteError {
  return value instanceof Error && value.name === 'ContactWriteError'
}
