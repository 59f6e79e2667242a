import { createClient, type Id, type JmapDate } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { mail, submission } from '../index.js'
import type { EmailAddress, EmailAddressGroup } from './email-address.js'
import type { EmailBodyPart } from './email-body-part.js'
import type { EmailHeaderValue, HeaderPropertyError } from './email-header.js'
import type { EmailBodyValues, EmailBodyValuesNotFetched } from './email-selection.js'

declare const accountId: string
declare const emailId: Id
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [mail] })

describe('Email/get properties', () => {
  test('the response holds id and exactly the properties asked for', async () => {
    const got = await jmap.request((b) =>
      b.call('Email/get', { accountId, ids: [emailId], properties: ['subject', 'from'] }),
    )
    const email = got.list[0]!
    expectTypeOf(email.id).toEqualTypeOf<Id>()
    expectTypeOf(email.subject).toEqualTypeOf<string | null>()
    expectTypeOf(email.from).toEqualTypeOf<readonly EmailAddress[] | null>()
    // @ts-expect-error: 'textBody' was not in `properties`
    email.textBody
  })

  test('without properties the RFC default list is returned: no headers, no bodyStructure', async () => {
    const got = await jmap.request((b) => b.call('Email/get', { accountId, ids: [emailId] }))
    const email = got.list[0]!
    expectTypeOf(email.preview).toEqualTypeOf<string>()
    expectTypeOf(email.mailboxIds).toEqualTypeOf<Readonly<Record<Id, true>>>()
    // @ts-expect-error: `headers` is not a default property
    email.headers
    // @ts-expect-error: `bodyStructure` is not a default property
    email.bodyStructure
  })

  test('a property the Email does not have does not compile', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: 'subjects' is not an Email property
      b.call('Email/get', { accountId, ids: [emailId], properties: ['subjects'] }),
    )
  })
})

describe('Email/get properties by result reference', () => {
  test('Mailbox property names from Mailbox/changes do not fit Email/get properties', async () => {
    await jmap.request((b) => {
      const changes = b.call('Mailbox/changes', { accountId, sinceState: 's1' })
      return b.call('Email/get', {
        accountId,
        ids: [emailId],
        // @ts-expect-error: updatedProperties lists Mailbox properties, not Email ones
        properties: changes.ref('/updatedProperties'),
      })
    })
  })
})

describe('Email/get header properties', () => {
  test('each form has its type, null when missing, an array with :all; echoed under the name sent', async () => {
    const got = await jmap.request((b) =>
      b.call('Email/get', {
        accountId,
        ids: [emailId],
        properties: [
          'header:X-Spam-Score',
          'header:subject:asText',
          'header:To:asAddresses',
          'header:Cc:asGroupedAddresses:all',
          'header:In-Reply-To:asMessageIds',
          'header:Date:asDate',
          'header:List-Unsubscribe:asURLs:all',
          'header:Received:all',
        ],
      }),
    )
    const email = got.list[0]!
    expectTypeOf(email['header:X-Spam-Score']).toEqualTypeOf<string | null>()
    expectTypeOf(email['header:subject:asText']).toEqualTypeOf<string | null>()
    expectTypeOf(email['header:To:asAddresses']).toEqualTypeOf<readonly EmailAddress[] | null>()
    expectTypeOf(email['header:Cc:asGroupedAddresses:all']).toEqualTypeOf<
      readonly (readonly EmailAddressGroup[])[]
    >()
    expectTypeOf(email['header:In-Reply-To:asMessageIds']).toEqualTypeOf<readonly string[] | null>()
    expectTypeOf(email['header:Date:asDate']).toEqualTypeOf<JmapDate | null>()
    expectTypeOf(email['header:List-Unsubscribe:asURLs:all']).toEqualTypeOf<
      readonly (readonly string[] | null)[]
    >()
    expectTypeOf(email['header:Received:all']).toEqualTypeOf<readonly string[]>()
    // @ts-expect-error: the name is echoed as sent, so another capitalisation is not a key
    email['header:Subject:asText']
  })

  test('a form the header field does not allow reads back as a HeaderPropertyError, not a value', () => {
    expectTypeOf<EmailHeaderValue<'header:From:asDate'>>().toEqualTypeOf<
      HeaderPropertyError<"header field 'From' cannot be fetched as Date; it allows Raw, Addresses, GroupedAddresses">
    >()
    expectTypeOf<EmailHeaderValue<'header:X-Foo:asBogus'>>().toEqualTypeOf<
      HeaderPropertyError<"unknown header form 'Bogus'; the forms are Raw, Text, Addresses, GroupedAddresses, MessageIds, Date, URLs">
    >()
    expectTypeOf<EmailHeaderValue<'header:subject:asURLs'>>().not.toEqualTypeOf<
      readonly string[] | null
    >()
  })
})

describe('Email/get body parts and body values', () => {
  test('bodyProperties narrow every body part, subParts recursively', async () => {
    const got = await jmap.request((b) =>
      b.call('Email/get', {
        accountId,
        ids: [emailId],
        properties: ['bodyStructure', 'textBody'],
        bodyProperties: ['partId', 'type', 'subParts', 'header:Content-Type'],
      }),
    )
    const email = got.list[0]!
    expectTypeOf(email.bodyStructure.type).toEqualTypeOf<string>()
    expectTypeOf(email.bodyStructure['header:Content-Type']).toEqualTypeOf<string | null>()
    expectTypeOf(email.textBody[0]!.partId).toEqualTypeOf<string | null>()
    const child = email.bodyStructure.subParts?.[0]
    expectTypeOf(child?.type).toEqualTypeOf<string | undefined>()
    // @ts-expect-error: 'blobId' was not in `bodyProperties`
    email.bodyStructure.blobId
  })

  test('default bodyProperties have no headers and no subParts', async () => {
    const got = await jmap.request((b) =>
      b.call('Email/get', { accountId, ids: [emailId], properties: ['attachments'] }),
    )
    const part = got.list[0]!.attachments[0]!
    expectTypeOf(part.blobId).toEqualTypeOf<EmailBodyPart['blobId']>()
    // @ts-expect-error: subParts is not a default body property
    part.subParts
  })

  test('bodyValues is an always-empty map unless a fetch…BodyValues argument is true', async () => {
    const [notFetched, fetched] = await jmap.request((b) => [
      b.call('Email/get', { accountId, ids: [emailId], properties: ['bodyValues'] }),
      b.call('Email/get', {
        accountId,
        ids: [emailId],
        properties: ['bodyValues', 'textBody'],
        fetchTextBodyValues: true,
        maxBodyValueBytes: 256,
      }),
    ])
    expectTypeOf(notFetched.list[0]!.bodyValues).toEqualTypeOf<EmailBodyValuesNotFetched>()
    expectTypeOf(fetched.list[0]!.bodyValues).toEqualTypeOf<EmailBodyValues>()
    expectTypeOf(fetched.list[0]!.bodyValues['1']?.isTruncated).toEqualTypeOf<boolean | undefined>()
    expectTypeOf(notFetched.list[0]!.bodyValues['1']).toEqualTypeOf<undefined>()
    // @ts-expect-error: nothing was fetched, so every body value is undefined
    notFetched.list[0]!.bodyValues['1'].value
  })
})

describe('Email/parse', () => {
  test('parsed Emails are narrowed like Email/get and their store properties are null', async () => {
    const parsed = await jmap.request((b) =>
      b.call('Email/parse', {
        accountId,
        blobIds: [emailId],
        properties: ['id', 'threadId', 'subject', 'mailboxIds'],
      }),
    )
    const email = parsed.parsed?.[emailId]
    expectTypeOf(email?.id).toEqualTypeOf<null | undefined>()
    expectTypeOf(email?.mailboxIds).toEqualTypeOf<null | undefined>()
    expectTypeOf(email?.threadId).toEqualTypeOf<Id | null | undefined>()
    expectTypeOf(email?.subject).toEqualTypeOf<string | null | undefined>()
  })
})

describe('capabilities', () => {
  test('submission methods need the submission table', async () => {
    await jmap.request((b) =>
      // @ts-expect-error: the client was created with the mail table only
      b.call('Identity/get', { accountId }),
    )
    const sending = createClient({
      sessionUrl: 'https://jmap.example/session',
      capabilities: [submission],
    })
    const identities = await sending.request((b) => b.call('Identity/get', { accountId }))
    expectTypeOf(identities.list[0]!.email).toEqualTypeOf<string>()
  })
})
