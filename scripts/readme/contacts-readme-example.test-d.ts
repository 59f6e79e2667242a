// The examples of packages/contacts/README.md, kept compiling by the type tests.
import { type Card, contacts, createContactsApi, type EmailAddress } from '@typed-jmap/contacts'
import { jscontactToVCard, vcardCodec, vcardToJSContact } from '@typed-jmap/contacts/vcard'
import { type AuthOptions, createClient } from '@typed-jmap/core'
import { expectTypeOf, test } from 'vitest'

declare const sessionUrl: string
declare const auth: AuthOptions
declare const accountId: string
declare const vcfText: string

test('the contacts README examples compile and their types hold', async () => {
  const jmap = createClient({ sessionUrl, auth, capabilities: [contacts] })
  const { cards } = await jmap.request((b) => {
    const found = b.call('ContactCard/query', {
      accountId,
      filter: {
        operator: 'AND',
        conditions: [{ 'name/surname': 'doe' }, { email: 'example.com' }],
      },
      sort: [{ property: 'name/surname' }],
    })
    const cards = b.call('ContactCard/get', {
      accountId,
      ids: found.ref('/ids'),
      properties: ['name', 'emails'],
    })
    return { cards }
  })
  expectTypeOf(cards.list[0]?.emails).toEqualTypeOf<
    Readonly<Record<string, EmailAddress>> | undefined
  >()
  // @ts-expect-error: `properties` did not ask for phones
  cards.list[0]?.phones

  const converted = vcardToJSContact(vcfText)
  expectTypeOf(converted.cards).toEqualTypeOf<Card[]>()
  const first = converted.cards[0]
  if (first !== undefined) expectTypeOf(jscontactToVCard(first)).toEqualTypeOf<string>()

  const api = createContactsApi({ sessionUrl, auth, vcard: vcardCodec })
  createContactsApi({ client: jmap, vcard: vcardCodec })
  const book = await api.defaultAddressBook()
  const jane = await book.addVCard(vcfText)
  await book.search({ name: 'doe', email: 'example.com' })
  await book.updateContact(jane.id, {
    'name/full': 'Jane Doe',
    'emails/work': { address: 'jane@work.example' },
  })
  await book.updateContact(jane.id, {
    // @ts-expect-error: a ContactCard has no `fullName`
    fullName: 'Jane Doe',
  })
  expectTypeOf(await book.exportVCard(jane.id)).toEqualTypeOf<string>()
  const changes = await api.changesSince('token')
  expectTypeOf(changes.destroyed[0]).toEqualTypeOf<typeof jane.id | undefined>()
})
