// The complete snippet of docs/guides/sending-mail.md; type-checked with the project (tsconfig.json
// includes docs/guides/snippets) and run against the in-memory server by guides.test.ts.
import { type AvailableMethods, Id, isErrorOfType, type JmapClient } from '@typed-jmap/core'
import { findMailboxByRole, type mail, sendEmail, type submission } from '@typed-jmap/mail'

// What createClient({ sessionUrl, auth, capabilities: [mail, submission] }) returns.
export type MailClient = JmapClient<AvailableMethods<readonly [typeof mail, typeof submission]>>

// 1. One call: sendEmail finds the identity (by `from`) and Drafts/Sent (by role) itself.
export async function sendGreeting(jmap: MailClient, accountId: string, to: string): Promise<Id> {
  const result = await sendEmail(jmap, {
    accountId,
    email: {
      to: [{ name: null, email: to }],
      subject: 'Hello',
      bodyValues: { text: { value: 'Sent with typed-jmap.' } },
      textBody: [{ partId: 'text', type: 'text/plain' }],
    },
  })
  if (!result.sent) throw new Error(`${result.step} refused: ${result.error.type}`)
  return result.emailId
}

// 2. With an attachment: upload the file, then send a multipart/mixed bodyStructure that
//    names the uploaded blob. sendEmail takes any Email to create, attachments included.
export async function sendReport(
  jmap: MailClient,
  accountId: string,
  to: string,
  pdf: Uint8Array,
): Promise<Id> {
  const upload = await jmap.connection.upload(accountId, pdf, { type: 'application/pdf' })
  const result = await sendEmail(jmap, {
    accountId,
    email: {
      to: [{ name: null, email: to }],
      subject: 'The report',
      bodyValues: { text: { value: 'The report is attached.' } },
      bodyStructure: {
        type: 'multipart/mixed',
        subParts: [
          { partId: 'text', type: 'text/plain' },
          {
            blobId: Id(upload.blobId),
            type: 'application/pdf',
            name: 'report.pdf',
            disposition: 'attachment',
          },
        ],
      },
    },
  })
  if (!result.sent) throw new Error(`${result.step} refused: ${result.error.type}`)
  return result.emailId
}

// 3. By hand, in one request: Email/set creates the draft, EmailSubmission/set sends it by its
//    creation id, and onSuccessUpdateEmail moves it from Drafts to Sent once it is submitted.
export async function sendByHand(
  jmap: MailClient,
  accountId: string,
  identityId: Id,
  from: string,
  to: string,
): Promise<Id | undefined> {
  const drafts = await findMailboxByRole(jmap, { accountId, role: 'drafts' })
  const sent = await findMailboxByRole(jmap, { accountId, role: 'sent' })
  if (drafts === undefined || sent === undefined) throw new Error('no Drafts or Sent mailbox')
  const { draft, submission } = await jmap.request((b) => {
    const draft = b.call('Email/set', {
      accountId,
      create: {
        draft: {
          mailboxIds: { [drafts.id]: true },
          keywords: { $draft: true, $seen: true },
          from: [{ name: null, email: from }],
          to: [{ name: null, email: to }],
          subject: 'Sent by hand',
          bodyValues: { text: { value: 'Two calls, one request.' } },
          textBody: [{ partId: 'text', type: 'text/plain' }],
        },
      },
    })
    const submission = b.call('EmailSubmission/set', {
      accountId,
      create: { send: { identityId, emailId: draft.created('draft') } },
      onSuccessUpdateEmail: {
        [b.creationId('send')]: { mailboxIds: { [sent.id]: true }, 'keywords/$draft': null },
      },
    })
    return { draft, submission }
  })
  // A refused create is data (a SetError), not an exception: narrow it by its type.
  const refused = submission.notCreated?.send
  if (isErrorOfType(refused, 'forbiddenFrom')) throw new Error(`${from} may not send`)
  if (refused !== undefined) throw new Error(`submission refused: ${refused.type}`)
  return draft.created?.draft?.id
}
