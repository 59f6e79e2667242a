import {
  createClient,
  type Id,
  type PatchObject,
  type PatchTarget,
  type PatchValue,
  type UnknownPatchSegment,
  UTCDate,
} from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import type { AddressBookRights } from '../address-book/address-book.js'
import { contacts } from '../capabilities/contacts-registry.js'
import type { EmailAddress } from '../jscontact/contact-channels.js'
import type { Name } from '../jscontact/name.js'
import type { ContactCard } from './contact-card.js'
import type { ContactCardCreate } from './contact-card-create.js'

declare const accountId: string
declare const cardId: Id
declare const bookId: Id
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [contacts] })

describe('ContactCard/get properties', () => {
  test('the response holds id and exactly the properties asked for', async () => {
    const got = await jmap.request((b) =>
      b.call('ContactCard/get', { accountId, ids: [cardId], properties: ['name', 'emails'] }),
    )
    const card = got.list[0]!
    expectTypeOf(card.id).toEqualTypeOf<Id>()
    expectTypeOf(card.name).toEqualTypeOf<Name | undefined>()
    expectTypeOf(card.emails).toEqualTypeOf<Readonly<Record<string, EmailAddress>> | undefined>()
    // @ts-expect-error: 'phones' was not in `properties`
    card.phones
  })

  test('without properties the whole card is returned, uid and @type included', async () => {
    const got = await jmap.request((b) => b.call('ContactCard/get', { accountId, ids: null }))
    const card = got.list[0]!
    expectTypeOf(card.uid).toEqualTypeOf<string>()
    expectTypeOf(card['@type']).toEqualTypeOf<'Card'>()
    expectTypeOf(card.addressBookIds).toEqualTypeOf<Readonly<Record<Id, true>>>()
  })

  test('a property a ContactCard does not have does not compile', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: 'calendarIds' is a CalendarEvent property; cards have addressBookIds
      b.call('ContactCard/get', { accountId, ids: [cardId], properties: ['calendarIds'] }),
    )
  })
})

describe('ContactCard/query filters and sorts', () => {
  test('every RFC 9610 condition compiles, one request with get by reference', async () => {
    const { found } = await jmap.request((b) => {
      const query = b.call('ContactCard/query', {
        accountId,
        filter: {
          operator: 'OR',
          conditions: [
            { text: 'joe', 'name/given': 'Joe', 'name/surname': 'Bloggs', 'name/surname2': 'X' },
            { email: 'example.com', phone: '+1', onlineService: 'xmpp', address: 'Reston' },
            { hasMember: 'urn:uuid:1', kind: 'group', uid: 'urn:uuid:2', inAddressBook: bookId },
            { name: 'Joe', nickname: 'Jo', organization: 'ABC', note: 'office' },
            {
              createdBefore: UTCDate('2024-01-01T00:00:00Z'),
              createdAfter: UTCDate('2023-01-01T00:00:00Z'),
              updatedBefore: UTCDate('2024-01-01T00:00:00Z'),
              updatedAfter: UTCDate('2023-01-01T00:00:00Z'),
            },
          ],
        },
        sort: [{ property: 'name/surname' }, { property: 'updated', isAscending: false }],
        limit: 20,
      })
      const found = b.call('ContactCard/get', { accountId, ids: query.ref('/ids') })
      return { found }
    })
    expectTypeOf(found.list[0]!.id).toEqualTypeOf<Id>()
  })

  test('a condition or sort RFC 9610 does not define does not compile', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: inAddressBook takes one id (inAddressBooks does not exist)
      b.call('ContactCard/query', { accountId, filter: { inAddressBooks: [bookId] } }),
    )
    await jmap.request((b) =>
      // @ts-expect-error: cards are not sortable by email
      b.call('ContactCard/query', { accountId, sort: [{ property: 'email' }] }),
    )
    await jmap.request((b) =>
      // @ts-expect-error: kind is a string, not a list
      b.call('ContactCard/query', { accountId, filter: { kind: ['group'] } }),
    )
  })
})

describe('ContactCard/set and patch paths', () => {
  test('create needs addressBookIds; @type, version and uid may be left out', async () => {
    await jmap.request((b) =>
      b.call('ContactCard/set', {
        accountId,
        create: {
          k1: {
            addressBookIds: { [bookId]: true },
            name: { full: 'Jane Doe' },
            emails: { e1: { address: 'jane@example.com', contexts: { work: true } } },
          },
        },
      }),
    )
    expectTypeOf<{ readonly name: Name }>().not.toMatchTypeOf<ContactCardCreate>()
    await jmap.request((b) =>
      b.call('ContactCard/set', {
        accountId,
        // @ts-expect-error: an email address needs its `address`
        create: { k1: { addressBookIds: { [bookId]: true }, emails: { e1: { label: 'x' } } } },
      }),
    )
    await jmap.request((b) =>
      b.call('ContactCard/set', {
        accountId,
        // @ts-expect-error: a Card's @type is "Card"
        create: { k1: { addressBookIds: { [bookId]: true }, '@type': 'Event' } },
      }),
    )
  })

  test('patch paths reach into the Id maps of JSContact, at every depth', () => {
    const patch: PatchObject<ContactCard> = {
      'emails/e1/address': 'a@example.com',
      'emails/e1/contexts/work': true,
      'emails/e1/label': null,
      'phones/p1/features/mobile': true,
      'titles/t1/organizationId': 'o1',
      'speakToAs/pronouns/k1/pronouns': 'they/them',
      'relatedTo/r1/relation/friend': true,
      'emails/e2': { address: 'second@example.com' },
      'emails/e3': null,
      'addressBookIds/AB2': true,
      'name/full': 'Joe Bloggs',
      'speakToAs/grammaticalGender': 'neuter',
      'localizations/fr': { 'titles/t1/name': 'Patron' },
      keywords: { friends: true },
    }
    expectTypeOf(patch).toMatchTypeOf<object>()
  })

  test('update patches reach a property of one entry of an Id map', async () => {
    // The builder walks each literal patch path segment by segment (core's PatchTarget), so a
    // path below a map entry takes the type found at its depth.
    await jmap.request((b) =>
      b.call('ContactCard/set', {
        accountId,
        update: {
          [cardId]: {
            'emails/e1/address': 'new@example.com',
            'phones/p1/features/mobile': true,
            'organizations/o1/name': 'ABC, Inc.',
            'titles/t1/organizationId': 'o1',
          },
        },
      }),
    )
    expectTypeOf<string>().toMatchTypeOf<PatchValue<ContactCard, 'emails/e1/address'>>()
    expectTypeOf<{ address: string }>().not.toMatchTypeOf<
      PatchValue<ContactCard, 'emails/e1/address'>
    >()
    expectTypeOf<true>().toMatchTypeOf<PatchValue<ContactCard, 'phones/p1/features/mobile'>>()
    expectTypeOf<false>().not.toMatchTypeOf<PatchValue<ContactCard, 'phones/p1/features/mobile'>>()
    await jmap.request((b) =>
      b.call('ContactCard/set', {
        accountId,
        // @ts-expect-error: an address is a string, not an EmailAddress
        update: { [cardId]: { 'emails/e1/address': { address: 'new@example.com' } } },
      }),
    )
    await jmap.request((b) =>
      b.call('ContactCard/set', {
        accountId,
        // @ts-expect-error: EmailAddress has `address`, not `adress`
        update: { [cardId]: { 'emails/e1/adress': 'new@example.com' } },
      }),
    )
  })

  test('each depth of a path takes the type found there', () => {
    expectTypeOf<PatchValue<ContactCard, 'emails/e1'>>().toEqualTypeOf<EmailAddress | null>()
    expectTypeOf<PatchValue<ContactCard, 'emails/e1/address'>>().toEqualTypeOf<string | null>()
    // Contexts is a Partial record: a named context may be absent.
    expectTypeOf<PatchValue<ContactCard, 'emails/e1/contexts/work'>>().toEqualTypeOf<
      true | undefined | null
    >()
    expectTypeOf<PatchValue<ContactCard, 'speakToAs/pronouns/k1/pronouns'>>().toEqualTypeOf<
      string | null
    >()
    expectTypeOf<PatchValue<ContactCard, 'relatedTo/r1/relation/friend'>>().toEqualTypeOf<
      true | null
    >()
    expectTypeOf<PatchTarget<ContactCard, 'emails/e1/adress'>>().toEqualTypeOf<
      UnknownPatchSegment<'adress'>
    >()
  })

  test('a patch path or value that does not fit the card does not compile', () => {
    // @ts-expect-error: an email address is a string
    const value: PatchObject<ContactCard> = { 'emails/e1/address': 42 }
    // @ts-expect-error: an email address is a string, not an EmailAddress
    const shape: PatchObject<ContactCard> = { 'emails/e1/address': { address: 'a@example.com' } }
    // @ts-expect-error: a phone feature is set with true or removed with null, never false
    const feature: PatchObject<ContactCard> = { 'phones/p1/features/mobile': false }
    // @ts-expect-error: the pronouns of a Pronouns entry are a string
    const pronouns: PatchObject<ContactCard> = { 'speakToAs/pronouns/k1/pronouns': 3 }
    // @ts-expect-error: name components are an array; JMAP patches do not point into arrays
    const index: PatchObject<ContactCard> = { 'name/components/0/value': 'Jo' }
    // @ts-expect-error: addressBookIds members are `true`
    const member: PatchObject<ContactCard> = { 'addressBookIds/AB2': false }
    // @ts-expect-error: Card has no 'emials'
    const top: PatchObject<ContactCard> = { 'emials/e1/address': 'a@example.com' }
    expectTypeOf([value, shape, feature, pronouns, index, member, top]).toBeArray()
    // A misspelled member below an entry ('emails/e1/adress') matches only the entries' key,
    // which takes every value below an entry (vendor properties included), so a standalone
    // PatchObject cannot name it: PatchTarget does, and so does the builder (next test).
  })

  test('update patches in ContactCard/set are checked', async () => {
    await jmap.request((b) =>
      b.call('ContactCard/set', {
        accountId,
        update: { [cardId]: { 'emails/e1': { address: 'new@example.com' }, 'notes/n1': null } },
      }),
    )
    await jmap.request((b) =>
      b.call('ContactCard/set', {
        accountId,
        // @ts-expect-error: a Phone has `number`, not `phone`
        update: { [cardId]: { 'phones/p1/phone': '+1 555' } },
      }),
    )
  })
})

describe('AddressBook methods', () => {
  test('AddressBook/set takes onDestroyRemoveContents and onSuccessSetIsDefault', async () => {
    const response = await jmap.request((b) =>
      b.call('AddressBook/set', {
        accountId,
        create: { work: { name: 'Work' } },
        destroy: [bookId],
        onDestroyRemoveContents: true,
        onSuccessSetIsDefault: '#work',
      }),
    )
    expectTypeOf(response.created?.work?.id).toEqualTypeOf<Id | undefined>()
    await jmap.request((b) =>
      // @ts-expect-error: onDestroyRemoveContents is a boolean
      b.call('AddressBook/set', { accountId, destroy: [bookId], onDestroyRemoveContents: 'yes' }),
    )
  })

  test('sharing rights are the four of RFC 9610', async () => {
    const got = await jmap.request((b) =>
      b.call('AddressBook/get', { accountId, ids: null, properties: ['shareWith', 'myRights'] }),
    )
    expectTypeOf(got.list[0]!.myRights).toEqualTypeOf<AddressBookRights>()
    await jmap.request((b) =>
      b.call('AddressBook/set', {
        accountId,
        // @ts-expect-error: mayAdmin is a calendar right; address books have mayShare
        update: {
          [bookId]: {
            'shareWith/P1': { mayRead: true, mayWrite: false, mayShare: false, mayAdmin: true },
          },
        },
      }),
    )
  })

  test('AddressBook/query is not a method RFC 9610 defines', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: RFC 9610 has no AddressBook/query
      b.call('AddressBook/query', { accountId }),
    )
  })
})
