/**
 * JMAP Contacts: AddressBook and ContactCard and their methods.
 *
 * @see RFC 9610 §1.4.1
 */
export const CONTACTS_CAPABILITY = 'urn:ietf:params:jmap:contacts' as const
