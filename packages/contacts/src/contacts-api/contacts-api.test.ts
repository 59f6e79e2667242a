import { createClient, Id } from '@typed-jmap/core'
import { createTestServer, tasksPlugin } from '@typed-jmap/testing'
import { describe, expect, it } from 'vitest'
import { contacts } from '../capabilities/contacts-registry.js'
import { vcardCodec } from '../vcard/vcard-codec.js'
import { createContactsApi } from './contacts-api.js'
import { isContactsApiError, isContactWriteError } from './contacts-api-error.js'

function setup() {
  const server = createTestServer()
  const api = createContactsApi({
    sessionUrl: server.sessionUrl,
    fetch: server.fetch,
    vcard: vcardCodec,
  })
  return { server, api }
}

const janeVCard = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:urn:uuid:jane',
  'FN:Jane Doe',
  'N:Doe;Jane;;;',
  'EMAIL;TYPE=INTERNET,WORK:jane@example.com',
  'TEL;TYPE=CELL:+1 555 0100',
  'END:VCARD',
  '',
].join('\r\n')

describe('the contacts API on the in-memory server', () => {
  it('lists address books, adds from vCard, searches by name and email in one request, exports', async () => {
    const { api } = setup()
    const personal = await api.createAddressBook({ name: 'Personal' })
    expect(personal).toMatchObject({ name: 'Personal', isDefault: true })
    expect((await api.listAddressBooks()).map((book) => book.name)).toEqual(['Personal'])
    const book = await api.defaultAddressBook()
    const jane = await book.addVCard(janeVCard)
    expect(jane).toMatchObject({
      uid: 'urn:uuid:jane',
      addressBookIds: { [book.addressBookId]: true },
      emails: { 'EMAIL-1': { address: 'jane@example.com', contexts: { work: true } } },
    })
    await book.addContact({
      name: { full: 'John Bloggs' },
      emails: { e1: { address: 'john@example.org' } },
    })

    expect((await book.search({ name: 'doe' })).map((card) => card.uid)).toEqual(['urn:uuid:jane'])
    expect((await api.search({ email: 'example.org' })).map((card) => card.name?.full)).toEqual([
      'John Bloggs',
    ])

    const vcf = await book.exportVCard(jane.id)
    expect(vcf).toContain('UID:urn:uuid:jane\r\n')
    expect(vcf).toContain('EMAIL;TYPE=work,INTERNET;PROP-ID=EMAIL-1:jane@example.com\r\n')
    expect(vcf).not.toContain('addressBookIds')
    expect(vcardCodec.read(vcf).cards[0]).toMatchObject({
      uid: 'urn:uuid:jane',
      name: { full: 'Jane Doe' },
    })
  })

  it('updates with typed patch paths, deletes, and syncs with a token', async () => {
    const { api } = setup()
    await api.createAddressBook({ name: 'Personal' })
    const book = await api.defaultAddressBook()
    const token = await api.syncToken()
    const jane = await book.addContact({
      name: { full: 'Jane' },
      emails: { e1: { address: 'old@example.com' } },
    })
    const gone = await book.addContact({ name: { full: 'Temp' } })
    const first = await api.changesSince(token)
    expect(first.created.map((card) => card.id).sort()).toEqual([jane.id, gone.id].sort())
    await book.updateContact(jane.id, {
      'emails/e1': { address: 'new@example.com' },
      'name/full': 'Jane D.',
    })
    await book.deleteContact(gone.id)
    const second = await api.changesSince(first.token)
    expect(second.updated).toEqual([
      expect.objectContaining({ id: jane.id, name: { full: 'Jane D.' } }),
    ])
    expect(second.destroyed).toEqual([gone.id])
    expect(await book.contactByUid(jane.uid)).toMatchObject({
      emails: { e1: { address: 'new@example.com' } },
    })
  })

  it('refuses to delete a book with contacts unless asked, and moves the default', async () => {
    const { api } = setup()
    await api.createAddressBook({ name: 'Personal' })
    const work = await api.createAddressBook({ name: 'Work' })
    await api.addressBook(work.id).addContact({ name: { full: 'Colleague' } })
    const refused = await api.deleteAddressBook(work.id).catch((error: unknown) => error)
    expect(isContactWriteError(refused)).toBe(true)
    expect((refused as { setError: { type: string } }).setError.type).toBe('addressBookHasContents')
    await api.setDefaultAddressBook(work.id)
    expect((await api.defaultAddressBook()).addressBookId).toBe(work.id)
    await api.deleteAddressBook(work.id, { removeContents: true })
    expect((await api.listAddressBooks()).map((book) => book.name)).toEqual(['Personal'])
  })

  it('shares an address book with the RFC 9610 rights', async () => {
    const { api } = setup()
    const created = await api.createAddressBook({ name: 'Shared' })
    const book = api.addressBook(created.id)
    await book.shareWith(Id('P2'), { mayRead: true })
    expect((await book.get()).shareWith).toEqual({
      P2: { mayRead: true, mayWrite: false, mayShare: false, mayDelete: false },
    })
    await book.shareWith(Id('P2'), null)
    expect((await book.get()).shareWith).toEqual({})
  })

  it('is built on an existing client too', async () => {
    const server = createTestServer()
    const jmap = createClient({
      sessionUrl: server.sessionUrl,
      fetch: server.fetch,
      capabilities: [contacts],
    })
    const api = createContactsApi({ client: jmap })
    expect(api.client).toBe(jmap)
    await api.createAddressBook({ name: 'Personal' })
    const book = await api.defaultAddressBook()
    // Without the codec, vCard calls say what to pass instead of loading ical.js.
    const error = await book.addVCard(janeVCard).catch((caught: unknown) => caught)
    expect(isContactsApiError(error)).toBe(true)
    expect((error as Error).message).toMatch(/vcardCodec/)
  })

  it('says so before any request when the server has no contacts', async () => {
    const server = createTestServer({ plugins: [tasksPlugin] })
    const api = createContactsApi({ sessionUrl: server.sessionUrl, fetch: server.fetch })
    const error = await api.listAddressBooks().catch((caught: unknown) => caught)
    expect(isContactsApiError(error)).toBe(true)
    expect((error as Error).message).toMatch(/urn:ietf:params:jmap:contacts/)
  })
})
