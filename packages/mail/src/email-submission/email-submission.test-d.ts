import { createClient, type Id } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import type { EmailCreated } from '../email/email-create.js'
import { mail, submission } from '../index.js'
import type { DeliveryStatus, UndoStatus } from './email-submission.js'

declare const accountId: string
declare const draftId: Id
declare const identityId: Id
declare const draftsId: Id
declare const sentId: Id
const jmap = createClient({
  sessionUrl: 'https://jmap.example/session',
  capabilities: [mail, submission],
})

describe('EmailSubmission/set', () => {
  test('a draft created earlier is sent by creation id and moved on success', async () => {
    const { sent, moved } = await jmap.request((b) => {
      const draft = b.call('Email/set', {
        accountId,
        create: {
          draft: {
            mailboxIds: { [draftsId]: true },
            keywords: { $draft: true, $seen: true },
            subject: 'Hello',
          },
        },
      })
      const sent = b.call('EmailSubmission/set', {
        accountId,
        create: { send: { identityId, emailId: draft.created('draft') } },
        onSuccessUpdateEmail: {
          [b.creationId('send')]: {
            'keywords/$draft': null,
            mailboxIds: { [sentId]: true },
          },
        },
      })
      return { sent, moved: sent.implicit('Email/set') }
    })
    expectTypeOf(sent.created?.send?.undoStatus).toEqualTypeOf<UndoStatus | undefined>()
    expectTypeOf(moved?.created).toEqualTypeOf<Record<string, EmailCreated> | null | undefined>()
  })

  test('a creation id the Email/set call does not make does not compile', async () => {
    await jmap.request((b) => {
      const draft = b.call('Email/set', {
        accountId,
        create: { draft: { mailboxIds: { [draftsId]: true } } },
      })
      return b.call('EmailSubmission/set', {
        accountId,
        // @ts-expect-error: the Email/set call creates 'draft', not 'drfat'
        create: { send: { identityId, emailId: draft.created('drfat') } },
      })
    })
  })

  test('a plain string is not an Email id', async () => {
    await jmap.request((b) =>
      b.call('EmailSubmission/set', {
        accountId,
        // @ts-expect-error: ids are branded; write creation ids with b.creationId / handle.created
        create: { send: { identityId, emailId: '#draft' } },
      }),
    )
  })

  test('onSuccessUpdateEmail patches must be Email patch paths', async () => {
    await jmap.request((b) =>
      b.call('EmailSubmission/set', {
        accountId,
        create: { send: { identityId, emailId: draftId } },
        // @ts-expect-error: 'keyword/$draft' is misspelt (keywords/…), so it is no Email patch path
        onSuccessUpdateEmail: { [b.creationId('send')]: { 'keyword/$draft': null } },
      }),
    )
  })

  test('only undoStatus can be updated, and only to canceled', async () => {
    await jmap.request((b) =>
      b.call('EmailSubmission/set', {
        accountId,
        // @ts-expect-error: 'emailId' cannot be changed on a submission
        update: { [draftId]: { emailId: draftId } },
      }),
    )
    const cancel = await jmap.request((b) =>
      b.call('EmailSubmission/set', {
        accountId,
        update: { [draftId]: { undoStatus: 'canceled' } },
      }),
    )
    expectTypeOf(cancel.notUpdated).not.toBeAny()
  })

  test('the query sorts by sendAt, and by the RFC list’s sentAt', async () => {
    const found = await jmap.request((b) =>
      b.call('EmailSubmission/query', {
        accountId,
        filter: { undoStatus: 'pending', identityIds: [identityId] },
        sort: [{ property: 'sentAt' }, { property: 'sendAt' }],
      }),
    )
    expectTypeOf(found.ids).toEqualTypeOf<Id[]>()
  })
})

describe('DeliveryStatus (open sets)', () => {
  test('a server value outside the RFC list is a valid delivered value', () => {
    expectTypeOf<'bounced'>().toExtend<DeliveryStatus['delivered']>()
    expectTypeOf<'queued'>().toExtend<DeliveryStatus['delivered']>()
    // @ts-expect-error: delivered is a string, never a number
    const wrong: DeliveryStatus['delivered'] = 1
    void wrong
  })
})
