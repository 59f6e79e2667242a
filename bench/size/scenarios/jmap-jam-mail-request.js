// The README's mail request (Email/query + Email/get + Thread/get) with jmap-jam.
// Plain JavaScript: jmap-jam's published types need allowImportingTsExtensions.
import { JamClient } from 'jmap-jam'

export async function mailRequest(sessionUrl, token) {
  const jam = new JamClient({ sessionUrl, bearerToken: token })
  const accountId = await jam.getPrimaryAccount()
  return jam.requestMany((t) => {
    const found = t.Email.query({
      accountId,
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: 10,
    })
    const emails = t.Email.get({
      accountId,
      ids: found.$ref('/ids'),
      properties: ['subject', 'from', 'threadId'],
    })
    const threads = t.Thread.get({ accountId, ids: emails.$ref('/list/*/threadId') })
    return { emails, threads }
  })
}
