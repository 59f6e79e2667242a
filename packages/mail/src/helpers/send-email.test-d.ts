import { createClient, type Id } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { mail, submission } from '../capabilities/mail-capabilities.js'
import { type SendEmailResult, sendEmail } from './send-email.js'

declare const accountId: string
declare const identityId: Id
declare const sentId: Id
const jmap = createClient({
  sessionUrl: 'https://jmap.example/session',
  capabilities: [mail, submission],
})

describe('sendEmail', () => {
  test('the identity and mailboxes may be left out, or any of them given', () => {
    expectTypeOf(sendEmail(jmap, { accountId, email: { subject: 'Hi' } })).toEqualTypeOf<
      Promise<SendEmailResult>
    >()
    sendEmail(jmap, { accountId, identityId, sentMailboxId: sentId, email: {} })
  })

  test('overrides are ids, not strings', () => {
    // @ts-expect-error: identityId is a branded Id, a plain string is refused
    sendEmail(jmap, { accountId, identityId: 'I1', email: {} })
  })

  test('the email is still required', () => {
    // @ts-expect-error: email is required even when everything else is defaulted
    sendEmail(jmap, { accountId })
  })

  test('a client without submission cannot send', () => {
    const mailOnly = createClient({
      sessionUrl: 'https://jmap.example/session',
      capabilities: [mail],
    })
    // @ts-expect-error: EmailSubmission/set and Identity/get need the submission capability
    sendEmail(mailOnly, { accountId, email: {} })
  })
})
