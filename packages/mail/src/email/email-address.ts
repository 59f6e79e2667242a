import * as v from 'valibot'

/**
 * One mailbox of an address-list header: display name and addr-spec.
 *
 * @see RFC 8621 §4.1.2.3
 * @example { "name": "James Smythe", "email": "james@example.com" }
 */
export interface EmailAddress {
  readonly name: string | null
  readonly email: string
}

/**
 * A group of addresses as in the GroupedAddresses header form; `name` is null for
 * addresses outside any group.
 *
 * @see RFC 8621 §4.1.2.4
 * @example { "name": "Friends", "addresses": [{ "name": null, "email": "jane@example.com" }] }
 */
export interface EmailAddressGroup {
  readonly name: string | null
  readonly addresses: readonly EmailAddress[]
}

/**
 * Validates an EmailAddress; a missing `name` (some servers omit it) reads as null.
 *
 * @see RFC 8621 §4.1.2.3
 */
export const EmailAddressSchema: v.GenericSchema<unknown, EmailAddress> = v.looseObject({
  name: v.optional(v.nullable(v.string()), null),
  email: v.string(),
})

/**
 * Validates an EmailAddressGroup.
 *
 * @see RFC 8621 §4.1.2.4
 */
export const EmailAddressGroupSchema: v.GenericSchema<unknown, EmailAddressGroup> = v.looseObject({
  name: v.optional(v.nullable(v.string()), null),
  addresses: v.array(EmailAddressSchema),
})
