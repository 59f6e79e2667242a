// Scenario (a) with jmap-jam: Email/query → Email/get → Thread/get.
import { jam } from './client.js'

declare const accountId: string
declare const inbox: string

export async function chain(): Promise<string[]> {
  const [{ emails, threads }] = await jam.requestMany((t) => {
    const found = t.Email.query({ accountId, filter: { inMailbox: inbox }, limit: 20 })
    const emails = t.Email.get({
      accountId,
      ids: found.$ref('/ids'),
      properties: ['subject', 'from', 'threadId'],
    })
    const threads = t.Thread.get({ accountId, ids: emails.$ref('/list/*/threadId') })
    return { found, emails, threads }
  })
  const subjects = emails.list.map((email) => email.subject ?? '')
  return [...subjects, ...threads.list.flatMap((thread) => thread.emailIds)]
}
