import { Id, type PatchObject, throwFirstSetError } from '@typed-jmap/core'
import {
  drainChangesWithObjects,
  type ReadBackErrors,
  readBackCreated,
} from '@typed-jmap/core/internal'
import type { AddressBook, AddressBookRights } from '../address-book/address-book.js'
import type { AddressBookCreate } from '../address-book/address-book-methods.js'
import { CONTACTS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { ContactCard } from '../contact-card/contact-card.js'
import type { ContactCardCreate } from '../contact-card/contact-card-create.js'
import type { ContactCardFilterCondition } from '../contact-card/contact-card-filter.js'
import type {
  AddressBookScope,
  ContactChanges,
  ContactInput,
  ContactSearch,
  ContactsApi,
  ContactsClient,
  VCardCodec,
} from './contacts-api.js'
import { ContactsApiError, ContactWriteError } from './contacts-api-error.js'

// shareWith holds complete AddressBookRights; a right the caller does not grant is withheld.
const noRights: AddressBookRights = {
  mayRead: false,
  mayWrite: false,
  mayShare: false,
  mayDelete: false,
}

const readBackErrors: ReadBackErrors = {
  refused: ContactWriteError,
  notReadBack: (message) => new ContactsApiError(message),
}

interface AccountOption {
  readonly accountId?: string
}

function filterOf(search: ContactSearch): ContactCardFilterCondition {
  return {
    ...(search.text === undefined ? {} : { text: search.text }),
    ...(search.name === undefined ? {} : { name: search.name }),
    ...(search.email === undefined ? {} : { email: search.email }),
    ...(search.phone === undefined ? {} : { phone: search.phone }),
    ...(search.kind === undefined ? {} : { kind: search.kind }),
  }
}

/** The contacts API over a typed client created with the contacts capability table. */
export class ContactsApiImpl implements ContactsApi {
  readonly client: ContactsClient
  readonly vcard: VCardCodec | undefined
  readonly #accountId: string | undefined

  constructor(
    client: ContactsClient,
    accountId: string | undefined,
    vcard: VCardCodec | undefined,
  ) {
    this.client = client
    this.#accountId = accountId
    this.vcard = vcard
  }

  async accountId(options: AccountOption = {}): Promise<string> {
    // Every method passes through here before it sends anything, so a server without JMAP
    // Contacts is reported from the Session alone, never by a failing API request.
    const session = await this.client.session()
    if (!Object.hasOwn(session.capabilities, CONTACTS_CAPABILITY)) {
      throw new ContactsApiError(`the server does not offer ${CONTACTS_CAPABILITY} (RFC 9610)`)
    }
    const chosen =
      options.accountId ??
      this.#accountId ??
      session.primaryAccounts[CONTACTS_CAPABILITY] ??
      Object.entries(session.accounts).find(([, account]) =>
        Object.hasOwn(account.accountCapabilities, CONTACTS_CAPABILITY),
      )?.[0]
    const account = chosen === undefined ? undefined : session.accounts[chosen]
    if (chosen === undefined || account === undefined) {
      throw new ContactsApiError('no account of the session offers contacts')
    }
    if (!Object.hasOwn(account.accountCapabilities, CONTACTS_CAPABILITY)) {
      throw new ContactsApiError(`account "${chosen}" does not offer contacts`)
    }
    return chosen
  }

  async listAddressBooks(options: AccountOption = {}): Promise<AddressBook[]> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) =>
      b.call('AddressBook/get', { accountId, ids: null }),
    )
    return response.list
  }

  addressBook(addressBookId: Id | string, options: AccountOption = {}): AddressBookScope {
    return new AddressBookScopeImpl(this, Id(addressBookId), options.accountId)
  }

  async defaultAddressBook(): Promise<AddressBookScope> {
    const books = await this.listAddressBooks()
    const chosen = books.find((book) => book.isDefault) ?? books[0]
    if (chosen === undefined) throw new ContactsApiError('the account has no address book')
    return this.addressBook(chosen.id)
  }

  async createAddressBook(addressBook: AddressBookCreate): Promise<AddressBook> {
    const accountId = await this.accountId()
    // Books are few: reading them all avoids a creation-id reference in /get, which RFC 8620
    // does not define and which would hide a refused creation behind an unknown id.
    const response = await this.client.requestSettled((b) => ({
      set: b.call('AddressBook/set', { accountId, create: { book: addressBook } }),
      get: b.call('AddressBook/get', { accountId, ids: null }),
    }))
    return readBackCreated(response.set, response.get, 'book', readBackErrors)
  }

  async setDefaultAddressBook(addressBookId: Id): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.client.request((b) =>
      b.call('AddressBook/set', { accountId, onSuccessSetIsDefault: addressBookId }),
    )
    throwFirstSetError('AddressBook/set', response, ContactWriteError)
  }

  async deleteAddressBook(
    addressBookId: Id,
    options: { readonly removeContents?: boolean } = {},
  ): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.client.request((b) =>
      b.call('AddressBook/set', {
        accountId,
        destroy: [addressBookId],
        onDestroyRemoveContents: options.removeContents === true,
      }),
    )
    throwFirstSetError('AddressBook/set', response, ContactWriteError)
  }

  async search(search: ContactSearch, options: AccountOption = {}): Promise<ContactCard[]> {
    const accountId = await this.accountId(options)
    return this.query(accountId, filterOf(search), search.limit)
  }

  /** One request: ContactCard/query, then ContactCard/get of its ids by reference. */
  async query(
    accountId: string,
    filter: ContactCardFilterCondition,
    limit: number | undefined,
  ): Promise<ContactCard[]> {
    const response = await this.client.request((b) => {
      const query = b.call('ContactCard/query', {
        accountId,
        filter,
        sort: [{ property: 'name/surname' }, { property: 'name/given' }],
        ...(limit === undefined ? {} : { limit }),
      })
      return b.call('ContactCard/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list
  }

  async syncToken(options: AccountOption = {}): Promise<string> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) =>
      b.call('ContactCard/get', { accountId, ids: [] }),
    )
    return response.state
  }

  async changesSince(
    token: string,
    options: AccountOption & { readonly maxChanges?: number } = {},
  ): Promise<ContactChanges> {
    const accountId = await this.accountId(options)
    const { maxChanges } = options
    return drainChangesWithObjects<ContactCard>(this.client, 'ContactCard/changes', {
      accountId,
      sinceState: token,
      maxChanges,
    })
  }
}

/** One address book of an account. */
class AddressBookScopeImpl implements AddressBookScope {
  readonly addressBookId: Id
  readonly #api: ContactsApiImpl
  readonly #accountId: string | undefined

  constructor(api: ContactsApiImpl, addressBookId: Id, accountId: string | undefined) {
    this.#api = api
    this.addressBookId = addressBookId
    this.#accountId = accountId
  }

  accountId(): Promise<string> {
    return this.#api.accountId(this.#accountId === undefined ? {} : { accountId: this.#accountId })
  }

  async get(): Promise<AddressBook> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('AddressBook/get', { accountId, ids: [this.addressBookId] }),
    )
    const book = response.list[0]
    if (book === undefined) {
      throw new ContactsApiError(
        `no address book "${this.addressBookId}" in account "${accountId}"`,
      )
    }
    return book
  }

  async addContact(card: ContactInput): Promise<ContactCard> {
    const accountId = await this.accountId()
    // RFC 9553 makes uid mandatory; choosing it here lets the same request find the new card by
    // uid instead of by a creation-id reference, which RFC 8620 does not define for /get.
    const uid = card.uid ?? `urn:uuid:${globalThis.crypto.randomUUID()}`
    const {
      id: _id,
      addressBookIds: _books,
      ...rest
    } = card as ContactInput & {
      readonly id?: unknown
      readonly addressBookIds?: unknown
    }
    const create: ContactCardCreate = {
      ...rest,
      '@type': 'Card',
      version: card.version ?? '1.0',
      uid,
      addressBookIds: { [this.addressBookId]: true },
    }
    const response = await this.#api.client.requestSettled((b) => {
      const set = b.call('ContactCard/set', { accountId, create: { card: create } })
      const query = b.call('ContactCard/query', {
        accountId,
        filter: { inAddressBook: this.addressBookId, uid },
      })
      const get = b.call('ContactCard/get', { accountId, ids: query.ref('/ids') })
      return { set, get }
    })
    return readBackCreated(response.set, response.get, 'card', readBackErrors)
  }

  async addVCard(text: string): Promise<ContactCard> {
    const [card, second] = codec(this.#api).read(text).cards
    if (card === undefined) throw new ContactsApiError('the vCard text holds no card')
    if (second !== undefined) {
      throw new ContactsApiError('the vCard text holds more than one card; add them one at a time')
    }
    return this.addContact(card)
  }

  async contacts(ids: readonly Id[]): Promise<ContactCard[]> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('ContactCard/get', { accountId, ids }),
    )
    return response.list
  }

  async list(options: { readonly limit?: number } = {}): Promise<ContactCard[]> {
    const accountId = await this.accountId()
    return this.#api.query(accountId, { inAddressBook: this.addressBookId }, options.limit)
  }

  async contactByUid(uid: string): Promise<ContactCard | undefined> {
    const accountId = await this.accountId()
    const found = await this.#api.query(
      accountId,
      { inAddressBook: this.addressBookId, uid },
      undefined,
    )
    return found.find((card) => card.uid === uid)
  }

  async search(search: ContactSearch): Promise<ContactCard[]> {
    const accountId = await this.accountId()
    return this.#api.query(
      accountId,
      { inAddressBook: this.addressBookId, ...filterOf(search) },
      search.limit,
    )
  }

  async updateContact(id: Id, patch: PatchObject<ContactCard>): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('ContactCard/set', { accountId, update: { [id]: patch } }),
    )
    throwFirstSetError('ContactCard/set', response, ContactWriteError)
  }

  async deleteContact(id: Id): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('ContactCard/set', { accountId, destroy: [id] }),
    )
    throwFirstSetError('ContactCard/set', response, ContactWriteError)
  }

  async exportVCard(id: Id): Promise<string> {
    const write = codec(this.#api).write
    const [card] = await this.contacts([id])
    if (card === undefined) throw new ContactsApiError(`no contact "${id}"`)
    // The JMAP members (id, addressBookIds) are not part of the JSContact Card.
    const { id: _id, addressBookIds: _books, ...jscontact } = card
    return write(jscontact)
  }

  async shareWith(principalId: Id, rights: Partial<AddressBookRights> | null): Promise<void> {
    const accountId = await this.accountId()
    const current = await this.#api.client.request((b) =>
      b.call('AddressBook/get', {
        accountId,
        ids: [this.addressBookId],
        properties: ['shareWith'],
      }),
    )
    const book = current.list[0]
    if (book === undefined) throw new ContactsApiError(`no address book "${this.addressBookId}"`)
    // A patch may only point into an object that exists (RFC 8620 §5.3): while the book is
    // shared with nobody, `shareWith` is null and has to be set whole.
    const granted = rights === null ? null : { ...noRights, ...rights }
    const patch: PatchObject<AddressBook> =
      book.shareWith === null
        ? { shareWith: granted === null ? null : { [principalId]: granted } }
        : // A computed key widens to string; the path is shareWith/<principal id>, value rights.
          ({ [`shareWith/${principalId}`]: granted } as PatchObject<AddressBook>)
    const response = await this.#api.client.request((b) =>
      b.call('AddressBook/set', {
        accountId,
        ifInState: current.state,
        update: { [this.addressBookId]: patch },
      }),
    )
    throwFirstSetError('AddressBook/set', response, ContactWriteError)
  }
}

function codec(api: ContactsApiImpl): VCardCodec {
  if (api.vcard === undefined) {
    throw new ContactsApiError(
      "vCard needs the codec: createContactsApi({ …, vcard: vcardCodec }) with vcardCodec from '@typed-jmap/contacts/vcard'",
    )
  }
  return api.vcard
}
