import { createClient, Id } from '@typed-jmap/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type ReceivedCall,
  type StubJmapServer,
  startStubJmapServer,
} from '../../test/support/stub-jmap-server.js'
import { mail, submission } from '../capabilities/mail-capabilities.js'
import { findMailboxByRole } from './find-mailbox-by-role.js'
import { sendEmail } from './send-email.js'
import { markEmailsRead, moveEmails } from './update-emails-in-bulk.js'

let stub: StubJmapServer | undefined

afterEach(async () => {
  await stub?.close()
  stub = undefined
})

async function clientAnswering(
  answer: (call: ReceivedCall) => ReceivedCall[],
  limits: { readonly maxObjectsInSet?: number } = {},
) {
  stub = await startStubJmapServer(answer, limits)
  return createClient({ sessionUrl: stub.sessionUrl, capabilities: [mail, submission] })
}

function updatedAll([name, args, callId]: ReceivedCall): ReceivedCall[] {
  const update = (args.update ?? {}) as Record<string, unknown>
  const updated = Object.fromEntries(Object.keys(update).map((id) => [id, null]))
  return [[name, { accountId: 'a1', oldState: '1', newState: '2', updated }, callId]]
}

const ids = ['M1', 'M2', 'M3', 'M4', 'M5'].map((id) => Id(id))

describe('updateEmailsInBulk', () => {
  it('splits the updates into Email/set calls of maxObjectsInSet, all in one request', async () => {
    const jmap = await clientAnswering(updatedAll, { maxObjectsInSet: 2 })
    const result = await markEmailsRead(jmap, { accountId: 'a1', ids })
    expect(stub?.requests).toHaveLength(1)
    const calls = stub?.requests[0] ?? []
    expect(calls.map(([name]) => name)).toEqual(['Email/set', 'Email/set', 'Email/set'])
    expect(calls.map(([, args]) => Object.keys(args.update as object))).toEqual([
      ['M1', 'M2'],
      ['M3', 'M4'],
      ['M5'],
    ])
    expect(calls[0]?.[1].update).toEqual({
      M1: { 'keywords/$seen': true },
      M2: { 'keywords/$seen': true },
    })
    expect(result).toEqual({ updated: ids, notUpdated: {}, calls: 3 })
  })

  it('moves by patching the two mailbox memberships and reports failures per id', async () => {
    const jmap = await clientAnswering(([name, , callId]) => [
      [
        name,
        {
          accountId: 'a1',
          oldState: '1',
          newState: '2',
          updated: { M1: null },
          notUpdated: { M2: { type: 'notFound' } },
        },
        callId,
      ],
    ])
    const result = await moveEmails(jmap, {
      accountId: 'a1',
      ids: [Id('M1'), Id('M2')],
      fromMailboxId: Id('MBinbox'),
      toMailboxId: Id('MBarchive'),
    })
    expect(stub?.requests[0]?.[0]?.[1].update).toEqual({
      M1: { 'mailboxIds/MBinbox': null, 'mailboxIds/MBarchive': true },
      M2: { 'mailboxIds/MBinbox': null, 'mailboxIds/MBarchive': true },
    })
    expect(result.notUpdated).toEqual({ M2: { type: 'notFound' } })
  })

  it('sends nothing for no ids', async () => {
    const jmap = await clientAnswering(updatedAll)
    expect(await markEmailsRead(jmap, { accountId: 'a1', ids: [] })).toEqual({
      updated: [],
      notUpdated: {},
      calls: 0,
    })
    expect(stub?.requests).toEqual([])
  })
})

describe('sendEmail', () => {
  const options = {
    accountId: 'a1',
    identityId: Id('I1'),
    draftsMailboxId: Id('MBdrafts'),
    sentMailboxId: Id('MBsent'),
    email: { subject: 'Hi', bodyValues: { b: { value: 'Hello' } } },
  }

  it('creates the draft and submits it by creation id, moving it to Sent on success', async () => {
    const jmap = await clientAnswering(([name, , callId]) =>
      name === 'Email/set'
        ? [
            [
              name,
              {
                accountId: 'a1',
                oldState: '1',
                newState: '2',
                created: { draft: { id: 'M9', blobId: 'G9', threadId: 'T9', size: 10 } },
              },
              callId,
            ],
          ]
        : [
            [
              name,
              { accountId: 'a1', oldState: '1', newState: '2', created: { send: { id: 'S9' } } },
              callId,
            ],
            [
              'Email/set',
              { accountId: 'a1', oldState: '2', newState: '3', updated: { M9: null } },
              callId,
            ],
          ],
    )
    const result = await sendEmail(jmap, options)
    expect(result).toEqual({ sent: true, emailId: 'M9', submissionId: 'S9', threadId: 'T9' })
    const [draft, submit] = stub?.requests[0] ?? []
    expect(draft?.[1].create).toEqual({
      draft: {
        subject: 'Hi',
        bodyValues: { b: { value: 'Hello' } },
        mailboxIds: { MBdrafts: true },
        keywords: { $draft: true, $seen: true },
      },
    })
    expect(submit?.[1]).toMatchObject({
      create: { send: { identityId: 'I1', emailId: '#draft' } },
      onSuccessUpdateEmail: {
        '#send': { mailboxIds: { MBsent: true }, 'keywords/$draft': null },
      },
    })
  })

  it('reports the SetError of the submission and keeps the draft id', async () => {
    const jmap = await clientAnswering(([name, , callId]) =>
      name === 'Email/set'
        ? [
            [
              name,
              {
                accountId: 'a1',
                oldState: '1',
                newState: '2',
                created: { draft: { id: 'M9', blobId: 'G9', threadId: 'T9', size: 10 } },
              },
              callId,
            ],
          ]
        : [
            [
              name,
              {
                accountId: 'a1',
                oldState: '1',
                newState: '1',
                notCreated: { send: { type: 'forbiddenToSend', description: 'quota' } },
              },
              callId,
            ],
          ],
    )
    expect(await sendEmail(jmap, options)).toEqual({
      sent: false,
      step: 'submission',
      error: { type: 'forbiddenToSend', description: 'quota' },
      emailId: 'M9',
    })
  })
})

describe('findMailboxByRole', () => {
  it('chains Mailbox/query and Mailbox/get by result reference', async () => {
    const jmap = await clientAnswering(([name, , callId]) =>
      name === 'Mailbox/query'
        ? [
            [
              name,
              {
                accountId: 'a1',
                queryState: 'q',
                canCalculateChanges: false,
                position: 0,
                ids: [],
              },
              callId,
            ],
          ]
        : [[name, { accountId: 'a1', state: 's', list: [], notFound: [] }, callId]],
    )
    expect(await findMailboxByRole(jmap, { accountId: 'a1', role: 'junk' })).toBeUndefined()
    const [query, get] = stub?.requests[0] ?? []
    expect(query?.[1].filter).toEqual({ role: 'junk' })
    expect(get?.[1]['#ids']).toEqual({ resultOf: query?.[2], name: 'Mailbox/query', path: '/ids' })
  })
})
