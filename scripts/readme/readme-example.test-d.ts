// The example at the top of README.md, kept compiling (and its promises true) by the type tests.
import { createClient } from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { expectTypeOf, test } from 'vitest'

declare const sessionUrl: string
declare const token: string

test('the README example compiles and its response types hold', async () => {
  const jmap = createClient({ sessionUrl, auth: { bearer: token }, capabilities: [mail] })
  const accountId = await jmap.connection.accountFor('urn:ietf:params:jmap:mail')

  const { emails, threads } = await jmap.request((b) => {
    const found = b.call('Email/query', {
      accountId,
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: 10,
    })
    const emails = b.call('Email/get', {
      accountId,
      ids: found.ref('/ids'),
      properties: ['subject', 'from', 'threadId'],
    })
    const threads = b.call('Thread/get', { accountId, ids: emails.ref('/list/*/threadId') })
    return { emails, threads }
  })

  expectTypeOf(emails.list[0]?.subject).toEqualTypeOf<string | null | undefined>()
  expectTypeOf(threads.list).toBeArray()
  // @ts-expect-error: `properties` did not ask for textBody
  emails.list[0]?.textBody

  await jmap.request((b) => {
    const found = b.call('Email/query', { accountId })
    // @ts-expect-error: '/idz' is not a path of an Email/query response
    b.call('Email/get', { accountId, ids: found.ref('/idz') })
    // @ts-expect-error: '/total' is a number, not the Id[] that `ids` takes
    b.call('Email/get', { accountId, ids: found.ref('/total') })
    return {}
  })
})
