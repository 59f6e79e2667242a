// The README's mail request (Email/query + Email/get + Thread/get) with typed-jmap.
import { createClient } from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'

export async function mailRequest(sessionUrl: string, token: string): Promise<unknown> {
  const jmap = createClient({ sessionUrl, auth: { bearer: token }, capabilities: [mail] })
  const accountId = await jmap.connection.accountFor('urn:ietf:params:jmap:mail')
  return jmap.request((b) => {
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
}
