// Scenario (b): one request of 20 calls with result references between them.
import type { Id } from '@typed-jmap/core'
import { jmap } from './client.js'

declare const accountId: string
declare const inbox: Id

export async function twentyCalls(): Promise<number> {
  const results = await jmap.request((b) => {
    const mailboxes = b.call('Mailbox/query', { accountId, filter: { role: 'inbox' } })
    const mailboxList = b.call('Mailbox/get', { accountId, ids: mailboxes.ref('/ids') })
    const found = b.call('Email/query', { accountId, filter: { inMailbox: inbox }, limit: 50 })
    const emails = b.call('Email/get', {
      accountId,
      ids: found.ref('/ids'),
      properties: ['threadId', 'subject', 'receivedAt'],
    })
    const threads = b.call('Thread/get', { accountId, ids: emails.ref('/list/*/threadId') })
    const threadEmails = b.call('Email/get', {
      accountId,
      ids: threads.ref('/list/*/emailIds'),
      properties: ['from', 'to', 'subject', 'preview'],
    })
    const identities = b.call('Identity/get', { accountId })
    const emailChanges = b.call('Email/changes', { accountId, sinceState: 's1' })
    const created = b.call('Email/get', {
      accountId,
      ids: emailChanges.ref('/created'),
      properties: ['subject'],
    })
    const updated = b.call('Email/get', {
      accountId,
      ids: emailChanges.ref('/updated'),
      properties: ['keywords', 'mailboxIds'],
    })
    const mailboxChanges = b.call('Mailbox/changes', { accountId, sinceState: 's1' })
    const newMailboxes = b.call('Mailbox/get', { accountId, ids: mailboxChanges.ref('/created') })
    const threadChanges = b.call('Thread/changes', { accountId, sinceState: 's1' })
    const changedThreads = b.call('Thread/get', { accountId, ids: threadChanges.ref('/updated') })
    const queryChanges = b.call('Email/queryChanges', {
      accountId,
      filter: { inMailbox: inbox },
      sinceQueryState: 'q1',
    })
    const added = b.call('Email/get', {
      accountId,
      ids: queryChanges.ref('/added/*/id'),
      properties: ['subject', 'size'],
    })
    const snippets = b.call('SearchSnippet/get', {
      accountId,
      filter: { text: 'invoice' },
      emailIds: found.ref('/ids'),
    })
    const submissions = b.call('EmailSubmission/query', { accountId })
    const submissionList = b.call('EmailSubmission/get', {
      accountId,
      ids: submissions.ref('/ids'),
    })
    const echo = b.call('Core/echo', { ping: 1 })
    return {
      mailboxList,
      emails,
      threadEmails,
      identities,
      created,
      updated,
      newMailboxes,
      changedThreads,
      added,
      snippets,
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
    results.submissionList.list.length +
    results.echo.ping
  )
}
