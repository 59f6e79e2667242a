import { createClient, type Id } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { mail } from '../index.js'
import type { EmailAddress } from './email-address.js'
import type { EmailHeaderPropertyProblem } from './email-header.js'

declare const accountId: string
declare const emailId: Id
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [mail] })

describe('header forms a field does not allow are compile errors at the call', () => {
  test('in Email/get properties', async () => {
    await jmap.request((b) =>
      b.call('Email/get', {
        accountId,
        ids: [emailId],
        properties: [
          'subject',
          // @ts-expect-error: From holds addresses, it cannot be fetched as a Date
          'header:From:asDate',
          // @ts-expect-error: Subject is unstructured text, it cannot be fetched as Addresses
          'header:Subject:asAddresses',
          // @ts-expect-error: Date cannot be fetched as URLs, even with :all
          'header:Date:asURLs:all',
          // @ts-expect-error: field names match case-insensitively, so 'from' is From
          'header:from:asText',
          // @ts-expect-error: Bogus is not a header form at all
          'header:X-Foo:asBogus',
          // @ts-expect-error: a field name cannot be empty
          'header::asText',
        ],
      }),
    )
  })

  test('in Email/get bodyProperties', async () => {
    await jmap.request((b) =>
      b.call('Email/get', {
        accountId,
        ids: [emailId],
        properties: ['bodyStructure'],
        bodyProperties: [
          'partId',
          // @ts-expect-error: Subject cannot be fetched as Addresses in a body part either
          'header:Subject:asAddresses',
          // @ts-expect-error: Message-ID cannot be fetched as a Date
          'header:Message-ID:asDate:all',
          // @ts-expect-error: an EmailBodyPart has no 'blobIdz'
          'blobIdz',
        ],
      }),
    )
  })

  test('in Email/parse properties and bodyProperties', async () => {
    await jmap.request((b) =>
      b.call('Email/parse', {
        accountId,
        blobIds: [emailId],
        properties: [
          // @ts-expect-error: To holds addresses, it cannot be fetched as MessageIds
          'header:To:asMessageIds',
        ],
        bodyProperties: [
          // @ts-expect-error: List-Post holds URLs, it cannot be fetched as Text
          'header:List-Post:asText',
        ],
      }),
    )
  })

  test('the message names the field, the form and the forms it allows', () => {
    expectTypeOf<
      EmailHeaderPropertyProblem<'header:From:asDate'>
    >().toEqualTypeOf<"header field 'From' cannot be fetched as Date; it allows Raw, Addresses, GroupedAddresses">()
    expectTypeOf<
      EmailHeaderPropertyProblem<'header:resent-date:asText:all'>
    >().toEqualTypeOf<"header field 'resent-date' cannot be fetched as Text; it allows Raw, Date">()
    expectTypeOf<
      EmailHeaderPropertyProblem<'header:Return-Path:asAddresses'>
    >().toEqualTypeOf<"header field 'Return-Path' cannot be fetched as Addresses; it allows Raw">()
    expectTypeOf<EmailHeaderPropertyProblem<'header:X-Foo:asURLs'>>().toBeNever()
    expectTypeOf<EmailHeaderPropertyProblem<'subject'>>().toBeNever()
  })
})

describe('allowed header forms still compile', () => {
  test('known fields in their forms (any case, :all), arbitrary fields in any form', async () => {
    const got = await jmap.request((b) =>
      b.call('Email/get', {
        accountId,
        ids: [emailId],
        properties: [
          'header:FROM:asAddresses',
          'header:reply-to:asGroupedAddresses:all',
          'header:Subject',
          'header:Date:asDate',
          'header:X-Foo:asDate',
          'header:X-Foo:asURLs:all',
          'header:X-Bar:asAddresses',
        ],
        bodyProperties: ['partId', 'header:Content-Type:asText', 'header:List-Id:asURLs'],
      }),
    )
    const email = got.list[0]!
    expectTypeOf(email['header:FROM:asAddresses']).toEqualTypeOf<readonly EmailAddress[] | null>()
    expectTypeOf(email['header:X-Foo:asURLs:all']).toEqualTypeOf<
      readonly (readonly string[] | null)[]
    >()
    expectTypeOf(email['header:X-Bar:asAddresses']).toEqualTypeOf<readonly EmailAddress[] | null>()
  })

  test('Email/parse accepts allowed forms', async () => {
    const parsed = await jmap.request((b) =>
      b.call('Email/parse', {
        accountId,
        blobIds: [emailId],
        properties: ['header:Message-ID:asMessageIds', 'header:X-Foo:asText'],
      }),
    )
    expectTypeOf(parsed.parsed?.[emailId]?.['header:Message-ID:asMessageIds']).toEqualTypeOf<
      readonly string[] | null | undefined
    >()
  })
})
