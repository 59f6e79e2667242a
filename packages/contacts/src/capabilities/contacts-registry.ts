import {
  type CapabilityDefinition,
  changesResponseSchema,
  copyResponseSchema,
  defineCapability,
  getResponseSchema,
  queryChangesResponseSchema,
  queryResponseSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import { AddressBookSchema } from '../address-book/address-book.js'
import type {
  AddressBookChangesMethod,
  AddressBookGetMethod,
  AddressBookSetMethod,
} from '../address-book/address-book-methods.js'
import { ContactCardSchema } from '../contact-card/contact-card.js'
import type {
  ContactCardChangesMethod,
  ContactCardCopyMethod,
  ContactCardGetMethod,
  ContactCardQueryChangesMethod,
  ContactCardQueryMethod,
  ContactCardSetMethod,
} from '../contact-card/contact-card-methods.js'
import { CONTACTS_CAPABILITY } from './capability-urns.js'
import {
  type ContactsAccountCapability,
  ContactsAccountCapabilitySchema,
  type ContactsSessionCapability,
  ContactsSessionCapabilitySchema,
} from './contacts-capability.js'

/**
 * The methods of `urn:ietf:params:jmap:contacts`. RFC 9610 defines no AddressBook/query.
 *
 * @see RFC 9610 §2–3
 */
export interface ContactsMethods {
  'AddressBook/get': AddressBookGetMethod
  'AddressBook/changes': AddressBookChangesMethod
  'AddressBook/set': AddressBookSetMethod
  'ContactCard/get': ContactCardGetMethod
  'ContactCard/changes': ContactCardChangesMethod
  'ContactCard/query': ContactCardQueryMethod
  'ContactCard/queryChanges': ContactCardQueryChangesMethod
  'ContactCard/set': ContactCardSetMethod
  'ContactCard/copy': ContactCardCopyMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends ContactsMethods {}
  interface Capabilities {
    'urn:ietf:params:jmap:contacts': {
      readonly session: ContactsSessionCapability
      readonly account: ContactsAccountCapability
    }
  }
}

/**
 * The runtime table of `urn:ietf:params:jmap:contacts`: how each method's response is
 * validated. `ContactCard/get` and `AddressBook/get` responses are checked against the
 * `properties` asked for.
 *
 * @see RFC 9610 §2–3
 * @example createClient({ sessionUrl, capabilities: [contacts] })
 */
export const contacts: CapabilityDefinition<typeof CONTACTS_CAPABILITY, ContactsMethods> =
  defineCapability<typeof CONTACTS_CAPABILITY, ContactsMethods>({
    urn: CONTACTS_CAPABILITY,
    sessionCapability: ContactsSessionCapabilitySchema,
    accountCapability: ContactsAccountCapabilitySchema,
    methods: {
      'AddressBook/get': { response: getResponseSchema(AddressBookSchema) },
      'AddressBook/changes': { response: changesResponseSchema() },
      'AddressBook/set': { response: setResponseSchema(AddressBookSchema) },
      'ContactCard/get': { response: getResponseSchema(ContactCardSchema) },
      'ContactCard/changes': { response: changesResponseSchema() },
      'ContactCard/query': { response: queryResponseSchema() },
      'ContactCard/queryChanges': { response: queryChangesResponseSchema() },
      'ContactCard/set': { response: setResponseSchema(ContactCardSchema) },
      'ContactCard/copy': { response: copyResponseSchema(ContactCardSchema) },
    },
  })
