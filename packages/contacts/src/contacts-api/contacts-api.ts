import {
  type AvailableMethods,
  type ClientOptions,
  createClient,
  type Id,
  type JmapClient,
  type PatchObject,
} from '@typed-jmap/core'
import type { AddressBook, AddressBookRights } from '../address-book/address-book.js'
import type { AddressBookCreate } from '../address-book/address-book-methods.js'
import { contacts } from '../capabilities/contacts-registry.js'
import type { ContactCard } from '../contact-card/contact-card.js'
import type { Card } from '../jscontact/card.js'
import { ContactsApiImpl } from './contacts-api-impl.js'

/** The capability tables the contacts API's typed client is created with. */
export type ContactsCapabilityTables = readonly [typeof contacts]

/** The typed JMAP client the contacts API is built on, for calls it does not wrap. */
export type ContactsClient = JmapClient<AvailableMethods<ContactsCapabilityTables>>

/**
 * vCard reading and writing, given to the API by the caller so that the main entry never loads
 * ical.js: pass `vcardCodec` from `@typed-jmap/contacts/vcard`.
 *
 * @example import { vcardCodec } from '@typed-jmap/contacts/vcard'
 */
export interface VCardCodec {
  /** vCard text to Cards (throws on malformed input). */
  readonly read: (text: string) => { readonly cards: readonly Card[] }
  /** A Card to vCard text. */
  readonly write: (card: Card) => string
}

/** What the API is built on besides the connection: the account and the vCard codec. */
export interface ContactsApiSettings {
  /** The account to use; defaults to the primary account for contacts. */
  readonly accountId?: string
  /** Needed by `addVCard` and `exportVCard`. */
  readonly vcard?: VCardCodec
}

/**
 * Options of {@link createContactsApi}: how to connect (as for `createClient`), or an existing
 * client created with the `contacts` capability table.
 *
 * @example { sessionUrl: 'https://jmap.example.com/jmap/session', auth: { bearer: token }, vcard: vcardCodec }
 */
export type ContactsApiOptions =
  | (Omit<ClientOptions<[]>, 'capabilities'> & ContactsApiSettings)
  | ({ readonly client: ContactsClient } & ContactsApiSettings)

/**
 * A card to add: a JSContact Card without the parts the API fills in (`@type`, `version`, and a
 * `uid` when missing).
 *
 * @example { name: { full: 'Jane Doe' }, emails: { e1: { address: 'jane@example.com' } } }
 */
export type ContactInput = Partial<Card>

/**
 * A search in one request (query + get by reference). All given fields must match; `text`
 * searches the whole card.
 *
 * @example { name: 'doe', email: 'example.com', limit: 20 }
 */
export interface ContactSearch {
  readonly text?: string
  readonly name?: string
  readonly email?: string
  readonly phone?: string
  /** Only individuals (`individual`) or only groups (`group`). */
  readonly kind?: string
  readonly limit?: number
}

/**
 * What changed since a sync token: cards created and updated (as they are now), ids destroyed,
 * and the token to use next time.
 *
 * @example { created: [{ id: 'C9', … }], updated: [], destroyed: ['C1'], token: 's-9', requests: 1 }
 */
export interface ContactChanges {
  readonly created: ContactCard[]
  readonly updated: ContactCard[]
  readonly destroyed: Id[]
  /** Pass this to the next `changesSince`. */
  readonly token: string
  /** How many requests it took to drain `hasMoreChanges`. */
  readonly requests: number
}

/**
 * One address book, as a user thinks of it: add, find, search, change, delete and export its
 * contacts.
 *
 * @example const personal = api.addressBook('B1'); await personal.addVCard(vcfText)
 */
export interface AddressBookScope {
  readonly addressBookId: Id
  /** The account the address book lives in. */
  accountId(): Promise<string>
  /** Reads the address book itself. */
  get(): Promise<AddressBook>
  /** Adds a card and returns it as stored (one request: set + query + get). */
  addContact(card: ContactInput): Promise<ContactCard>
  /** Adds the one card of a vCard (needs the `vcard` codec). */
  addVCard(text: string): Promise<ContactCard>
  /** Reads cards by id. */
  contacts(ids: readonly Id[]): Promise<ContactCard[]>
  /** Every card in the address book, sorted by surname. */
  list(options?: { readonly limit?: number }): Promise<ContactCard[]>
  /** Finds the card with this uid in the address book. */
  contactByUid(uid: string): Promise<ContactCard | undefined>
  /** Searches by name, email, phone or text in one request. */
  search(search: ContactSearch): Promise<ContactCard[]>
  /** Patches a card; paths are checked against ContactCard (`"emails/e1"`, `"name/full"`). */
  updateContact(id: Id, patch: PatchObject<ContactCard>): Promise<void>
  /** Destroys a card. */
  deleteContact(id: Id): Promise<void>
  /** A card as vCard 4.0 text (needs the `vcard` codec). */
  exportVCard(id: Id): Promise<string>
  /** Grants a Principal the rights given (the others are false), or with null revokes them all. */
  shareWith(principalId: Id, rights: Partial<AddressBookRights> | null): Promise<void>
}

/**
 * The contacts API: address books and contact cards as users think of them, on a server that
 * speaks JMAP Contacts (RFC 9610). A server whose Session lacks `urn:ietf:params:jmap:contacts`
 * makes every method throw a {@link ContactsApiError} before any JMAP request is sent.
 *
 * @see RFC 9610
 * @example
 * const api = createContactsApi({ sessionUrl, auth: { bearer: token }, vcard: vcardCodec })
 * const book = await api.defaultAddressBook()
 * const found = await book.search({ name: 'doe' })
 */
export interface ContactsApi {
  /** The typed client underneath, for anything this API does not wrap. */
  readonly client: ContactsClient
  /** The account contacts are read from unless told otherwise; checks the server supports contacts. */
  accountId(options?: { readonly accountId?: string }): Promise<string>
  /** Every address book of the account. */
  listAddressBooks(options?: { readonly accountId?: string }): Promise<AddressBook[]>
  /** An address book by id (in the default account unless `accountId` is given). */
  addressBook(
    addressBookId: Id | string,
    options?: { readonly accountId?: string },
  ): AddressBookScope
  /** The book marked `isDefault` (or the first one when the server marks none). */
  defaultAddressBook(): Promise<AddressBookScope>
  /** Creates an address book and returns it as stored. */
  createAddressBook(addressBook: AddressBookCreate): Promise<AddressBook>
  /** Makes an address book the default (AddressBook/set `onSuccessSetIsDefault`). */
  setDefaultAddressBook(addressBookId: Id): Promise<void>
  /** Destroys an address book; with `removeContents` its cards too, otherwise a non-empty book is refused. */
  deleteAddressBook(
    addressBookId: Id,
    options?: { readonly removeContents?: boolean },
  ): Promise<void>
  /** Searches every address book of the account in one request. */
  search(search: ContactSearch, options?: { readonly accountId?: string }): Promise<ContactCard[]>
  /** A token naming the current state of the account's cards. */
  syncToken(options?: { readonly accountId?: string }): Promise<string>
  /** Every card change since `token`, draining `hasMoreChanges` (one request per page). */
  changesSince(
    token: string,
    options?: { readonly accountId?: string; readonly maxChanges?: number },
  ): Promise<ContactChanges>
}

/**
 * Creates the contacts API over a new connection, or over an existing client created with the
 * `contacts` capability table.
 *
 * @see RFC 9610
 * @example const api = createContactsApi({ client: jmap, vcard: vcardCodec })
 */
export function createContactsApi(options: ContactsApiOptions): ContactsApi {
  const client: ContactsClient =
    'client' in options ? options.client : createClient({ ...options, capabilities: [contacts] })
  return new ContactsApiImpl(client, options.accountId, options.vcard)
}
