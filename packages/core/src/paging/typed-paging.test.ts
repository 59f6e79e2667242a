import { Id } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { inMemoryMailSetup } from '../../test/support/in-memory-mail-server.js'
import { isMethodCallError } from '../method-errors/method-call-error.js'
import { changesWithObjects } from './changes-with-objects.js'
import { drainChanges } from './drain-changes.js'
import { queryPages } from './query-pages.js'
import { isStateChangedError } from './state-changed-error.js'

function mailboxWithEmails(count: number) {
  const setup = inMemoryMailSetup()
  const inbox = setup.server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
  const ids: string[] = []
  for (let index = 0; index < count; index++) {
    ids.push(
      setup.server.seed.email({
        mailboxIds: [inbox],
        subject: `m${index}`,
        receivedAt: `2026-01-01T12:${String(index).padStart(2, '0')}:00Z`,
      }),
    )
  }
  return { ...setup, inbox: Id(inbox), ids }
}

const byDate = [{ property: 'receivedAt', isAscending: true }] as const

describe('queryPages', () => {
  it('pages by position, with total, and stops after the last page', async () => {
    const { jmap, server, inbox, ids, posted } = mailboxWithEmails(7)
    const pages: { ids: readonly string[]; position: number; total?: number }[] = []
    for await (const page of queryPages(
      jmap,
      'Email/query',
      { accountId: server.accountId, filter: { inMailbox: inbox }, sort: byDate },
      { pageSize: 3, calculateTotal: true },
    )) {
      pages.push({ ids: page.ids, position: page.position, total: page.total ?? -1 })
    }
    expect(pages).toEqual([
      { ids: ids.slice(0, 3), position: 0, total: 7 },
      { ids: ids.slice(3, 6), position: 3, total: 7 },
      { ids: ids.slice(6), position: 6, total: 7 },
    ])
    expect(posted.map((request) => request.methodCalls[0]?.[1])).toEqual([
      expect.objectContaining({ limit: 3, calculateTotal: true }),
      expect.objectContaining({ position: 3, limit: 3, calculateTotal: true }),
      expect.objectContaining({ position: 6, limit: 3, calculateTotal: true }),
    ])
  })

  it('stops on a short page without asking for a total', async () => {
    const { jmap, server, inbox, posted } = mailboxWithEmails(4)
    let count = 0
    for await (const page of queryPages(
      jmap,
      'Email/query',
      { accountId: server.accountId, filter: { inMailbox: inbox } },
      { pageSize: 2 },
    )) {
      count += page.ids.length
      expect(page.total).toBeUndefined()
    }
    expect(count).toBe(4)
    // 2 + 2, then an empty page proves the end (no total to tell earlier).
    expect(posted).toHaveLength(3)
  })

  it('starts at an anchor, then continues by position', async () => {
    const { jmap, server, inbox, ids, posted } = mailboxWithEmails(6)
    const seen: string[] = []
    for await (const page of queryPages(
      jmap,
      'Email/query',
      {
        accountId: server.accountId,
        filter: { inMailbox: inbox },
        sort: byDate,
        anchor: Id(ids[2] as string),
      },
      { pageSize: 2 },
    )) {
      seen.push(...page.ids)
    }
    expect(seen).toEqual(ids.slice(2))
    const second = posted[1]?.methodCalls[0]?.[1] ?? {}
    expect(second).toMatchObject({ position: 4, limit: 2 })
    expect(second).not.toHaveProperty('anchor')
  })

  it('throws a StateChangedError when the queryState moves between pages', async () => {
    const { jmap, server, inbox } = mailboxWithEmails(5)
    const pages = queryPages(
      jmap,
      'Email/query',
      { accountId: server.accountId, filter: { inMailbox: inbox }, sort: byDate },
      { pageSize: 2 },
    )
    const first = await pages.next()
    expect(first.done).toBe(false)
    server.seed.email({ mailboxIds: [inbox], subject: 'late arrival' })
    const error = await pages.next().then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(isStateChangedError(error)).toBe(true)
    expect(error).toMatchObject({ method: 'Email/query' })
  })

  it('goes on across a queryState change when checkQueryState is false', async () => {
    const { jmap, server, inbox } = mailboxWithEmails(3)
    const seen: string[] = []
    let late = false
    for await (const page of queryPages(
      jmap,
      'Email/query',
      { accountId: server.accountId, filter: { inMailbox: inbox }, sort: byDate },
      { pageSize: 2, checkQueryState: false },
    )) {
      seen.push(...page.ids)
      if (!late)
        server.seed.email({
          mailboxIds: [inbox],
          subject: 'late',
          receivedAt: '2027-01-01T00:00:00Z',
        })
      late = true
    }
    expect(seen).toHaveLength(4)
  })

  it('throws a MethodCallError for a method error (anchor not found)', async () => {
    const { jmap, server } = mailboxWithEmails(2)
    const pages = queryPages(
      jmap,
      'Email/query',
      { accountId: server.accountId, anchor: Id('nope') },
      { pageSize: 2 },
    )
    const error = await pages.next().then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(isMethodCallError(error) && error.error.type).toBe('anchorNotFound')
  })

  it('refuses a page size that is not a positive integer', async () => {
    const { jmap, server } = mailboxWithEmails(0)
    await expect(
      queryPages(jmap, 'Email/query', { accountId: server.accountId }, { pageSize: 0 }).next(),
    ).rejects.toThrow(/pageSize/)
  })
})

async function mailboxState(setup: ReturnType<typeof inMemoryMailSetup>): Promise<string> {
  const response = await setup.jmap.request((b) =>
    b.call('Mailbox/get', { accountId: setup.server.accountId, ids: [] }),
  )
  return response.state
}

describe('drainChanges', () => {
  it('loops while hasMoreChanges and merges the pages', async () => {
    const setup = inMemoryMailSetup()
    const kept = setup.server.seed.mailbox({ name: 'Kept' })
    const doomed = setup.server.seed.mailbox({ name: 'Doomed' })
    const sinceState = await mailboxState(setup)
    const added = setup.server.seed.mailbox({ name: 'Added' })
    const transient = setup.server.seed.mailbox({ name: 'Transient' })
    await setup.jmap.request((b) =>
      b.call('Mailbox/set', {
        accountId: setup.server.accountId,
        update: { [Id(kept)]: { name: 'Renamed' } },
        destroy: [Id(doomed), Id(transient)],
      }),
    )
    const before = setup.posted.length
    const result = await drainChanges(setup.jmap, 'Mailbox/changes', {
      accountId: setup.server.accountId,
      sinceState,
      maxChanges: 1,
    })
    const requests = setup.posted.length - before
    if (result.kind !== 'changes') throw new Error(`expected changes, got ${result.kind}`)
    expect(result.created).toEqual([added])
    expect(result.updated).toEqual([kept])
    expect(result.destroyed).toEqual([doomed])
    expect(result.newState).toBe(await mailboxState(setup))
    expect(result.responses.length).toBeGreaterThan(1)
    expect(requests).toBe(result.responses.length)
    expect(result.responses[0]).toHaveProperty('updatedProperties')
  })

  it('returns a resync value for cannotCalculateChanges', async () => {
    const setup = inMemoryMailSetup()
    setup.server.seed.mailbox({ name: 'A' })
    const sinceState = await mailboxState(setup)
    setup.server.seed.mailbox({ name: 'B' })
    setup.server.trimChangeLogs()
    expect(
      await drainChanges(setup.jmap, 'Mailbox/changes', {
        accountId: setup.server.accountId,
        sinceState,
      }),
    ).toEqual({ kind: 'resync', sinceState })
  })

  it('throws other method errors as a MethodCallError', async () => {
    const setup = inMemoryMailSetup()
    const error = await drainChanges(setup.jmap, 'Mailbox/changes', {
      accountId: 'no-such-account',
      sinceState: '0',
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(isMethodCallError(error) && error.error.type).toBe('accountNotFound')
  })
})

describe('changesWithObjects', () => {
  it('fetches changes and the created and updated records in one request', async () => {
    const setup = inMemoryMailSetup()
    const renamed = setup.server.seed.mailbox({ name: 'Old name' })
    const sinceState = await mailboxState(setup)
    const added = setup.server.seed.mailbox({ name: 'New' })
    await setup.jmap.request((b) =>
      b.call('Mailbox/set', {
        accountId: setup.server.accountId,
        update: { [Id(renamed)]: { name: 'New name' } },
      }),
    )
    const before = setup.posted.length
    const result = await changesWithObjects(setup.jmap, 'Mailbox/changes', {
      accountId: setup.server.accountId,
      sinceState,
      get: { properties: ['name'] },
    })
    if (result.kind !== 'changes') throw new Error(`expected changes, got ${result.kind}`)
    expect(result.created).toEqual([{ id: added, name: 'New' }])
    expect(result.updated).toEqual([{ id: renamed, name: 'New name' }])
    expect(result.hasMoreChanges).toBe(false)
    expect(setup.posted.length - before).toBe(1)
    const sent = setup.posted.at(-1)?.methodCalls
    expect(sent?.map(([name]) => name)).toEqual(['Mailbox/changes', 'Mailbox/get', 'Mailbox/get'])
    expect(sent?.[1]?.[1]).toEqual({
      accountId: setup.server.accountId,
      '#ids': { resultOf: 'changes', name: 'Mailbox/changes', path: '/created' },
      properties: ['name'],
    })
  })

  it('returns a resync value for cannotCalculateChanges', async () => {
    const setup = inMemoryMailSetup()
    const sinceState = await mailboxState(setup)
    setup.server.seed.mailbox({ name: 'B' })
    setup.server.trimChangeLogs()
    expect(
      await changesWithObjects(setup.jmap, 'Mailbox/changes', {
        accountId: setup.server.accountId,
        sinceState,
      }),
    ).toEqual({ kind: 'resync', sinceState })
  })
})
