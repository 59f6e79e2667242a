import { type AvailableMethods, createClient, type Id, type JmapClient } from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { afterAll, expect, it } from 'vitest'
import { describeOnServer, type TestServer } from '../../../../scripts/integration/servers.js'
import { getInChunks } from '../../src/limits/get-in-chunks.js'
import { setInChunks } from '../../src/limits/set-in-chunks.js'
import { isMethodCallError } from '../../src/method-errors/method-call-error.js'
import { changesWithObjects } from '../../src/paging/changes-with-objects.js'
import { drainChanges } from '../../src/paging/drain-changes.js'
import { queryPages } from '../../src/paging/query-pages.js'
import { isStateChangedError } from '../../src/paging/state-changed-error.js'

type MailClient = JmapClient<AvailableMethods<[typeof mail]>>

function mailClient(server: TestServer, onPost: () => void): MailClient {
  const counting: typeof fetch = (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    if (method.toUpperCase() === 'POST') onPost()
    return fetch(input, init)
  }
  return createClient({
    sessionUrl: server.sessionUrl,
    auth: { basic: server.user },
    fetch: counting,
    capabilities: [mail],
  })
}

describeOnServer(['cyrus-3.6', 'cyrus-3.10'], 'typed paging, sync and chunking', (server) => {
  let posts = 0
  const jmap = mailClient(server, () => posts++)
  const word = `tj${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const names = Array.from({ length: 5 }, (_, index) => `${word}-${index}`)
  let accountId = ''
  let sinceState = ''
  let ids: Id[] = []

  afterAll(async () => {
    if (ids.length > 0) await setInChunks(jmap, 'Mailbox/set', { accountId, destroy: ids })
  })

  it('creates mailboxes through setInChunks and reads them back with getInChunks', async () => {
    const session = await jmap.session()
    accountId = session.primaryAccounts['urn:ietf:params:jmap:mail'] as string
    sinceState = (await jmap.request((b) => b.call('Mailbox/get', { accountId, ids: [] }))).state
    const created = await setInChunks(jmap, 'Mailbox/set', {
      accountId,
      ifInState: sinceState,
      create: Object.fromEntries(names.map((name, index) => [`k${index}`, { name }])),
    })
    expect(created.notCreated).toBeNull()
    ids = names.map((_, index) => created.created?.[`k${index}`]?.id as Id)
    const read = await getInChunks(jmap, 'Mailbox/get', {
      accountId,
      ids,
      properties: ['name'],
    })
    expect(read.list.map((mailbox) => mailbox.name).sort()).toEqual(names)
  })

  it('drains Mailbox/changes page by page while hasMoreChanges', async () => {
    const before = posts
    const result = await drainChanges(jmap, 'Mailbox/changes', {
      accountId,
      sinceState,
      maxChanges: 2,
    })
    if (result.kind !== 'changes') throw new Error('expected changes')
    expect(result.created).toEqual(expect.arrayContaining(ids))
    expect(result.responses.length).toBeGreaterThanOrEqual(3)
    expect(posts - before).toBe(result.responses.length)
  })

  it('fetches changes and the new records in one round trip', async () => {
    const before = posts
    const result = await changesWithObjects(jmap, 'Mailbox/changes', {
      accountId,
      sinceState,
      get: { properties: ['name'] },
    })
    expect(posts - before).toBe(1)
    if (result.kind !== 'changes') throw new Error('expected changes')
    expect(result.created.map((mailbox) => mailbox.name)).toEqual(expect.arrayContaining(names))
  })

  it('turns cannotCalculateChanges into a resync value (3.6 says invalidArguments instead)', async () => {
    const outcome = await drainChanges(jmap, 'Mailbox/changes', {
      accountId,
      sinceState: 'bogus',
    }).then(
      (result) => result,
      (error: unknown) => (isMethodCallError(error) ? error.error.type : error),
    )
    // Cyrus 3.6 rejects a state it cannot parse as invalidArguments; 3.10 as
    // cannotCalculateChanges, which must come back as a value.
    expect(outcome).toEqual(
      server.name === 'cyrus-3.6' ? 'invalidArguments' : { kind: 'resync', sinceState: 'bogus' },
    )
  })

  it("catches Cyrus's window-dependent Mailbox/query queryState unless told not to check", async () => {
    const pages = queryPages(
      jmap,
      'Mailbox/query',
      { accountId, sort: [{ property: 'name' }] },
      { pageSize: 2 },
    )
    const error = await (async () => {
      for await (const _page of pages) {
        // reading until the second page
      }
    })().then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(isStateChangedError(error)).toBe(true)
  })

  it('pages a Mailbox/query by position with a total', async () => {
    const seen: Id[] = []
    const positions: number[] = []
    let total: number | undefined
    for await (const page of queryPages(
      jmap,
      'Mailbox/query',
      { accountId, sort: [{ property: 'name' }] },
      { pageSize: 2, calculateTotal: true, checkQueryState: false },
    )) {
      seen.push(...page.ids)
      positions.push(page.position)
      total = page.total
    }
    expect(seen).toEqual(expect.arrayContaining(ids))
    expect(seen).toHaveLength(total ?? -1)
    expect(positions).toEqual(positions.map((_, index) => index * 2))
  })
})
