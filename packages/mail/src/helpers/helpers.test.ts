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
import { isSendEmailDefaultsError } from './send-email-defaults-error.js'
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

describe('sendEmail without identityId or mailbox ids', () => {
  const identities = [
    { id: 'I1', name: 'Me', email: 'me@example.com', mayDelete: false },
    { id: 'I2', name: 'Work', email: 'me@work.example', mayDelete: true },
    { id: 'I3', name: 'Any', email: '*@any.example', mayDelete: true },
  ]
  function answering(list: readonly object[]) {
    return ([name, args, callId]: ReceivedCall): ReceivedCall[] => {
      if (name === 'Identity/get')
        return [[name, { accountId: 'a1', state: 's', list, notFound: [] }, callId]]
      if (name === 'Mailbox/query') {
        const role = (args.filter as { role: string }).role
        const ids = role === 'drafts' ? ['MBd'] : role === 'sent' ? ['MBs'] : []
        return [
          [
            name,
            { accountId: 'a1', queryState: 'q', canCalculateChanges: false, position: 0, ids },
            callId,
          ],
        ]
      }
      if (name === 'Email/set') {
        const created = { draft: { id: 'M9', blobId: 'G9', threadId: 'T9', size: 10 } }
        return [[name, { accountId: 'a1', oldState: '1', newState: '2', created }, callId]]
      }
      return [
        [
          name,
          { accountId: 'a1', oldState: '1', newState: '2', created: { send: { id: 'S9' } } },
          callId,
        ],
      ]
    }
  }

  it('looks the identity up by `from` and the mailboxes by role once, then sends in one request', async () => {
    const jmap = await clientAnswering(answering(identities))
    const email = { from: [{ name: null, email: 'ME@work.example' }], subject: 'Hi' }
    expect(await sendEmail(jmap, { accountId: 'a1', email })).toMatchObject({ sent: true })
    expect(stub?.requests.map((calls) => calls.map(([name]) => name))).toEqual([
      ['Identity/get', 'Mailbox/query', 'Mailbox/query'],
      ['Email/set', 'EmailSubmission/set'],
    ])
    const [draft, submit] = stub?.requests[1] ?? []
    expect(draft?.[1].create).toMatchObject({ draft: { mailboxIds: { MBd: true } } })
    expect(submit?.[1]).toMatchObject({
      create: { send: { identityId: 'I2' } },
      onSuccessUpdateEmail: { '#send': { mailboxIds: { MBs: true } } },
    })
    // Cached per client and account: the second send is one request.
    await sendEmail(jmap, {
      accountId: 'a1',
      email: { ...email, from: [{ name: null, email: 'x@any.example' }] },
    })
    expect(stub?.requests).toHaveLength(3)
    expect(stub?.requests[2]?.[1]?.[1]).toMatchObject({ create: { send: { identityId: 'I3' } } })
  })

  it('keeps overrides and sends from the only identity when the email has no from', async () => {
    const jmap = await clientAnswering(answering(identities.slice(0, 1)))
    await sendEmail(jmap, {
      accountId: 'a1',
      sentMailboxId: Id('MBother'),
      email: { subject: 'Hi' },
    })
    const [draft, submit] = stub?.requests[1] ?? []
    expect(draft?.[1].create).toMatchObject({
      draft: { from: [{ name: 'Me', email: 'me@example.com' }], mailboxIds: { MBd: true } },
    })
    expect(submit?.[1]).toMatchObject({
      create: { send: { identityId: 'I1' } },
      onSuccessUpdateEmail: { '#send': { mailboxIds: { MBother: true } } },
    })
  })

  it('throws a typed error and sends nothing when no identity or several match', async () => {
    const jmap = await clientAnswering(
      answering([
        ...identities,
        { id: 'I4', name: 'Me', email: 'me@example.com', mayDelete: true },
      ]),
    )
    const noMatch = sendEmail(jmap, {
      accountId: 'a1',
      email: { from: [{ name: null, email: 'x@elsewhere.example' }] },
    })
    await expect(noMatch).rejects.toMatchObject({
      name: 'SendEmailDefaultsError',
      problem: 'noIdentity',
    })
    const twoSame = await sendEmail(jmap, {
      accountId: 'a1',
      email: { from: [{ name: 'Me', email: 'me@example.com' }] },
    }).catch((error: unknown) => error)
    expect(isSendEmailDefaultsError(twoSame) && twoSame.problem).toBe('ambiguousIdentity')
    expect(isSendEmailDefaultsError(twoSame) && twoSame.candidates).toEqual(['I1', 'I4'])
    await expect(sendEmail(jmap, { accountId: 'a1', email: {} })).rejects.toMatchObject({
      problem: 'ambiguousIdentity',
    })
    expect(stub?.requests.flat().map(([name]) => name)).not.toContain('Email/set')
  })

  it('refuses, before writing a draft, to send without `from` from an identity with no address', async () => {
    // Cyrus 3.10's only Identity has `email: ""`: a From made of it is refused by the
    // server (notPermittedFrom) only after the draft exists.
    const jmap = await clientAnswering(
      answering([{ id: 'I1', name: '', email: '', mayDelete: false }]),
    )
    const error = await sendEmail(jmap, { accountId: 'a1', email: { subject: 'Hi' } }).catch(
      (caught: unknown) => caught,
    )
    expect(isSendEmailDefaultsError(error) && error.problem).toBe('noFromAddress')
    expect(String(error)).toContain('pass `from`')
    expect(stub?.requests.flat().map(([name]) => name)).not.toContain('Email/set')
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
