// Email/get and Email/parse called by data type (`t.Email.get(args)`): the
// arguments the response reads (properties, bodyProperties, fetch…BodyValues)
// are inferred per call, the header-form check of `call` stays on.
import { createClient, type Id } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { mail } from '../index.js'
import type { EmailAddress } from './email-address.js'
import type { EmailBodyValues, EmailBodyValuesNotFetched } from './email-selection.js'

declare const accountId: string
declare const emailId: Id
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [mail] })

describe('t.Email.get', () => {
  test('the response holds id and exactly the properties asked for, as with call', async () => {
    const got = await jmap.request((_b, t) =>
      t.Email.get({ accountId, ids: [emailId], properties: ['subject', 'from'] }),
    )
    const email = got.list[0]!
    expectTypeOf(email.subject).toEqualTypeOf<string | null>()
    expectTypeOf(email.from).toEqualTypeOf<readonly EmailAddress[] | null>()
    // @ts-expect-error: 'textBody' was not in `properties`
    email.textBody
  })

  test('the same arguments give the same response type as call', async () => {
    const [byCall, byDataType] = await jmap.request((b, t) => [
      b.call('Email/get', {
        accountId,
        properties: ['bodyValues', 'textBody', 'header:List-Id:asText'],
        bodyProperties: ['partId', 'type'],
        fetchTextBodyValues: true,
      }),
      t.Email.get({
        accountId,
        properties: ['bodyValues', 'textBody', 'header:List-Id:asText'],
        bodyProperties: ['partId', 'type'],
        fetchTextBodyValues: true,
      }),
    ])
    expectTypeOf(byDataType).toEqualTypeOf(byCall)
  })

  test('bodyValues is empty unless a fetch…BodyValues argument is true', async () => {
    const [notFetched, fetched] = await jmap.request((_b, t) => [
      t.Email.get({ accountId, properties: ['bodyValues'] }),
      t.Email.get({ accountId, properties: ['bodyValues'], fetchHTMLBodyValues: true }),
    ])
    expectTypeOf(notFetched.list[0]!.bodyValues).toEqualTypeOf<EmailBodyValuesNotFetched>()
    expectTypeOf(fetched.list[0]!.bodyValues).toEqualTypeOf<EmailBodyValues>()
  })

  test('a header form the field does not allow, in properties and in bodyProperties', () => {
    jmap.prepare((_b, t) =>
      t.Email.get({
        accountId,
        // @ts-expect-error: From holds addresses, it cannot be fetched as a Date
        properties: ['subject', 'header:From:asDate'],
      }),
    )
    jmap.prepare((_b, t) =>
      t.Email.get({
        accountId,
        // @ts-expect-error: Subject cannot be fetched as Addresses, in bodyProperties either
        bodyProperties: ['partId', 'header:Subject:asAddresses'],
      }),
    )
  })

  test('an unknown argument and an unknown property name', () => {
    // @ts-expect-error: Email/get takes no argument 'fetchTextBodyValue'
    jmap.prepare((_b, t) => t.Email.get({ accountId, fetchTextBodyValue: true }))
    // @ts-expect-error: 'subjet' is not a property Email/get can return
    jmap.prepare((_b, t) => t.Email.get({ accountId, properties: ['subjet'] }))
  })
})
