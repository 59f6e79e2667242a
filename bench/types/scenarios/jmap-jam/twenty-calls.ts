// Scenario (b) with jmap-jam: the same 20 calls and references.
import { jam } from './client.js'

declare const accountId: string
declare const inbox: string

export async function twentyCalls(): Promise<number> {
  const [results] = await jam.requestMany((t) => {
    const mailboxes = t.Mailbox.query({ accountId, filter: { role: 'inbox' } })
    const mailboxList = t.Mailbox.get({ accountId, ids: mailboxes.$ref('/ids') })
    const found = t.Email.query({ accountId, filter: { inMailbox: inbox }, limit: 50 })
    const emails = t.Email.get({
      accountId,
      ids: found.$ref('/ids'),
      properties: ['threadId', 'subject', 'receivedAt'],
    })
    const threads = t.Thread.get({ accountId, ids: emails.$ref('/list/*/threadId') })
    const threadEmails = t.Email.get({
      accountId,
      ids: threads.$ref('/list/*/emailIds'),
      properties: ['from', 'to', 'subject', 'preview'],
    })
    const identities = t.Identity.get({ accountId })
    const emailChanges = t.Email.changes({ accountId, sinceState: 's1' })
    const created = t.Email.get({
      accountId,
      ids: emailChanges.$ref('/created'),
      properties: ['subject'],
    })
    const updated = t.Email.get({
      accountId,
      ids: emailChanges.$ref('/updated'),
      properties: ['keywords', 'mailboxIds'],
    })
    const mailboxChanges = t.Mailbox.changes({ accountId, sinceState: 's1' })
    const newMailboxes = t.Mailbox.get({ accountId, ids: mailboxChanges.$ref('/created') })
    const threadChanges = t.Thread.changes({ accountId, sinceState: 's1' })
    const changedThreads = t.Thread.get({ accountId, ids: threadChanges.$ref('/updated') })
    const queryChanges = t.Email.queryChanges({
      accountId,
      filter: { inMailbox: inbox },
      sinceQueryState: 'q1',
    })
    const added = t.Email.get({
      accountId,
      ids: queryChanges.$ref('/added/*/id'),
      properties: ['subject', 'size'],
    })
    const snippets = t.SearchSnippet.get({
      accountId,
      filter: { text: 'invoice' },
      emailIds: found.$ref('/ids'),
    })
    const submissions = t.EmailSubmission.query({ accountId })
    const submissionList = t.EmailSubmission.get({ accountId, ids: submissions.$ref('/ids') })
    const echo = t.Core.echo({ ping: 1 })
    return {
      mailboxes,
      mailboxList,
      found,
      emails,
      threads,
      threadEmails,
      identities,
      emailChanges,
      created,
      updated,
      mailboxChanges,
      newMailboxes,
      threadChanges,
      changedThreads,
      queryChanges,
      added,
      snippets,
      submissions,
      submissionList,
      echo,
    }
  })
  return (
    results.mailboxList.list.length +
    results.emails.list.length +
    results.threadEmails.list.length +
    results.identities.list.length +
    results.created.list.length +
    results.updated.list.length +
    results.newMailboxes.list.length +
    results.changedThreads.list.length +
    results.added.list.length +
    results.snippets.list.length +
    results.submissionList.list.length
  )
}
