// Scenario (a): Email/query → Email/get (ids by reference, three properties) →
// Thread/get (ids from /list/*/threadId), reading the typed results.
import type { Id } from '@typed-jmap/core'
import { jmap } from './client.js'

declare const accountId: string
declare const inbox: Id

export async function chain(): Promise<string[]> {
  const { emails, threads } = await jmap.request((b) => {
    const found = b.call('Email/query', { accountId, filter: { inMailbox: inbox }, limit: 20 })
    const emails = b.call('Email/get', {
      accountId,
      ids: found.ref('/ids'),
      properties: ['subject', 'from', 'threadId'],
    })
    const threads = b.call('Thread/get', { accountId, ids: emails.ref('/list/*/threadId') })
    return { emails, threads }
  })
  const subjects = emails.list.map((email) => email.subject ?? '')
  return [...subjects, ...threads.list.flatMap((thread) => thread.emailIds)]
}
