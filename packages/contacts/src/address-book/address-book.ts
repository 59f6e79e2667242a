import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema, type UnsignedInt, UnsignedIntSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The rights a user has on an AddressBook (also the value type of `shareWith`).
 *
 * @see RFC 9610 §2
 * @example { "mayRead": true, "mayWrite": false, "mayShare": false, "mayDelete": false }
 */
export interface AddressBookRights {
  /** May fetch the cards in the address book. */
  readonly mayRead: boolean
  /** May create, modify or destroy its cards, or move cards in or out. */
  readonly mayWrite: boolean
  /** May change `shareWith`. */
  readonly mayShare: boolean
  /** May delete the address book itself. */
  readonly mayDelete: boolean
}

/**
 * A named collection of ContactCards; every card is in at least one.
 *
 * @see RFC 9610 §2
 * @example { "id": "062adcfa-105d-455c-bc60-6db68b69c3f3", "name": "Personal", "description": null, "sortOrder": 0, "isDefault": true, "isSubscribed": true, "shareWith": null, "myRights": { "mayRead": true, "mayWrite": true, "mayShare": true, "mayDelete": false } }
 */
export interface AddressBook {
  readonly id: Id
  /** Not empty, at most 255 octets. */
  readonly name: string
  readonly description: string | null
  /** 0 ≤ sortOrder < 2^31; lower first, then by name. */
  readonly sortOrder: UnsignedInt
  /** Server-set: the book to use when nothing else says which. */
  readonly isDefault: boolean
  readonly isSubscribed: boolean
  /** Rights by Principal id (RFC 9670); `null` when shared with nobody. */
  readonly shareWith: Readonly<Record<Id, AddressBookRights>> | null
  /** Server-set: what the current user may do. */
  readonly myRights: AddressBookRights
}

/**
 * Validates {@link AddressBookRights}; rights a server adds are kept.
 *
 * @see RFC 9610 §2
 */
export const AddressBookRightsSchema: v.GenericSchema<unknown, AddressBookRights> = v.looseObject({
  mayRead: v.boolean(),
  mayWrite: v.boolean(),
  mayShare: v.boolean(),
  mayDelete: v.boolean(),
})

const nameOctets = new TextEncoder()

/**
 * The schema of each AddressBook property; those RFC 9610 gives a default read as that default
 * when a server leaves them out.
 *
 * @see RFC 9610 §2
 */
export const addressBookPropertySchemas: PropertySchemas<AddressBook> = {
  id: IdSchema,
  name: v.pipe(
    v.string(),
    v.minLength(1, 'an AddressBook name must not be empty'),
    v.check(
      (name) => nameOctets.encode(name).length <= 255,
      'an AddressBook name is at most 255 octets',
    ),
  ),
  description: v.optional(v.nullable(v.string()), null),
  sortOrder: v.optional(UnsignedIntSchema, 0 as UnsignedInt),
  isDefault: v.boolean(),
  isSubscribed: v.boolean(),
  shareWith: v.optional(v.nullable(v.record(v.string(), AddressBookRightsSchema)), null),
  myRights: AddressBookRightsSchema,
}

/**
 * Validates a whole AddressBook as a server sends it; unknown properties are kept.
 *
 * @see RFC 9610 §2
 */
export const AddressBookSchema: v.GenericSchema<unknown, AddressBook> = v.looseObject(
  addressBookPropertySchemas,
)
