import { type UnsignedInt, UnsignedIntSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The contacts capability in the Session: an empty object (members a server adds are kept).
 *
 * @see RFC 9610 §1.4.1
 * @example {}
 */
export interface ContactsSessionCapability {
  readonly [member: string]: unknown
}

/**
 * The contacts capability of an account: how many address books one card may be in, and
 * whether the user may create address books.
 *
 * @see RFC 9610 §1.4.1
 * @example { "maxAddressBooksPerCard": null, "mayCreateAddressBook": true }
 */
export interface ContactsAccountCapability {
  /** At least 1, or `null` for no limit. */
  readonly maxAddressBooksPerCard: UnsignedInt | null
  readonly mayCreateAddressBook: boolean
}

/**
 * Validates {@link ContactsSessionCapability}.
 *
 * @see RFC 9610 §1.4.1
 */
export const ContactsSessionCapabilitySchema: v.GenericSchema<unknown, ContactsSessionCapability> =
  v.looseObject({})

/**
 * Validates {@link ContactsAccountCapability}.
 *
 * @see RFC 9610 §1.4.1
 */
export const ContactsAccountCapabilitySchema: v.GenericSchema<unknown, ContactsAccountCapability> =
  v.looseObject({
    maxAddressBooksPerCard: v.nullable(v.pipe(UnsignedIntSchema, v.minValue(1 as UnsignedInt))),
    mayCreateAddressBook: v.boolean(),
  })
