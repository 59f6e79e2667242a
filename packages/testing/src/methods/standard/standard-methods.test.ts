import { beforeEach, describe, expect, it } from 'vitest'
import { type Call, callError, callOne, calls, createdId } from '../../../test/support/jmap-call.js'
import type { DataType } from '../../data-type.js'
import { createTestServer, type TestServer } from '../../server/create-test-server.js'
import { compareProperty } from '../query-engine.js'

// The generic standard methods, driven through a data type registered by a
// "capability package" with the public API: a Note with a parent Note.
const notesCapability = 'https://example.com/jmap/notes'
const noteType: DataType = {
  name: 'Note',
  capability: notesCapability,
  idPrefix: 'N',
  properties: ['id', 'title', 'parentId', 'size', 'pinned'],
  serverSet: ['size'],
  defaults: { parentId: null, pinned: false },
  idReferences: { parentId: 'id' },
  methods: ['get', 'changes', 'set', 'copy', 'query', 'queryChanges'],
  validate(record, context) {
    const invalid: string[] = []
    if (typeof record.title !== 'string') invalid.push('title')
    if (record.parentId !== null && !context.account.store('Note').has(String(record.parentId)))
      invalid.push('parentId')
    return invalid
  },
  create: (record) => ({ ...record, size: String(record.title).length }),
  filterProperties: ['title', 'pinned'],
  matches: (record, condition) =>
    (typeof condition.title !== 'string' || String(record.title).includes(condition.title)) &&
    (typeof condition.pinned !== 'boolean' || record.pinned === condition.pinned),
  comparators: { title: compareProperty('title'), size: compareProperty('size') },
  findDuplicate: (record, context) =>
    context.account
      .store('Note')
      .all()
      .find((note) => note.title === record.title)?.id as string | undefined,
}

let server: TestServer
const using = ['urn:ietf:params:jmap:core', notesCapability]

async function run(methodCalls: Call[]): Promise<Call[]> {
  const response = await server.fetch('http://jmap.test/jmap/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ using, methodCalls }),
  })
  return ((await response.json()) as { methodResponses: Call[] }).methodResponses
}

async function one(call: Call): Promise<Record<string, unknown>> {
  return (await run([call]))[0]?.[1] ?? {}
}

async function createNotes(...titles: string[]): Promise<string[]> {
  const result = await one([
    'Note/set',
    { accountId: 'u1', create: Object.fromEntries(titles.map((title, i) => [`n${i}`, { title }])) },
    's',
  ])
  return titles.map(
    (_, i) => (result.created as Record<string, { id: string }>)[`n${i}`]?.id as string,
  )
}

beforeEach(() => {
  server = createTestServer({
    limits: { maxObjectsInGet: 5, maxObjectsInSet: 5 },
    accounts: [{ id: 'u1' }, { id: 'u2' }],
  })
  server.register({
    name: 'notes',
    capabilities: { [notesCapability]: { session: {}, account: {} } },
    dataTypes: [noteType],
  })
})

describe('Foo/get (RFC 8620 §5.1)', () => {
  it('returns requested properties plus id, notFound, and each id once', async () => {
    const [a] = await createNotes('alpha')
    const result = await one([
      'Note/get',
      { accountId: 'u1', ids: [a, a, 'Nmissing'], properties: ['title'] },
      'g',
    ])
    expect(result).toEqual({
      accountId: 'u1',
      state: expect.any(String),
      list: [{ id: a, title: 'alpha' }],
      notFound: ['Nmissing'],
    })
  })

  it('returns every record and all properties for ids: null', async () => {
    const [a] = await createNotes('alpha')
    expect((await one(['Note/get', { accountId: 'u1', ids: null }, 'g'])).list).toEqual([
      { id: a, title: 'alpha', parentId: null, size: 5, pinned: false },
    ])
  })

  it('invalidArguments for an unknown property; requestTooLarge beyond maxObjectsInGet', async () => {
    expect(
      await one(['Note/get', { accountId: 'u1', ids: [], properties: ['nope'] }, 'g']),
    ).toMatchObject({ type: 'invalidArguments' })
    expect(
      await one(['Note/get', { accountId: 'u1', ids: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'g']),
    ).toMatchObject({ type: 'requestTooLarge' })
  })
})

describe('Foo/set (RFC 8620 §5.3)', () => {
  it('answers created with server-set and defaulted properties; oldState/newState', async () => {
    const before = (await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state
    const result = await one([
      'Note/set',
      { accountId: 'u1', create: { k: { title: 'hello', pinned: true } } },
      's',
    ])
    expect(result).toMatchObject({
      oldState: before,
      created: { k: { id: expect.stringMatching(/^N/), size: 5, parentId: null } },
      updated: null,
      destroyed: null,
      notCreated: null,
    })
    expect(result.newState).not.toBe(before)
    expect((result.created as Record<string, object>).k).not.toHaveProperty('pinned')
  })

  it('resolves #creationId references within a call (in dependency order) and across calls', async () => {
    const responses = await run([
      [
        'Note/set',
        {
          accountId: 'u1',
          create: { child: { title: 'child', parentId: '#parent' }, parent: { title: 'parent' } },
        },
        'a',
      ],
      [
        'Note/set',
        {
          accountId: 'u1',
          create: { grandchild: { title: 'gc', parentId: '#child' } },
          update: { '#parent': { title: 'renamed' } },
        },
        'b',
      ],
    ])
    const first = responses[0]?.[1].created as Record<string, { id: string }>
    const second = responses[1]?.[1]
    expect(second?.notCreated).toBeNull()
    expect(second?.updated).toEqual({ [first.parent?.id as string]: null })
    const grandchild = createdId(second, 'grandchild')
    const got = await one([
      'Note/get',
      { accountId: 'u1', ids: [grandchild, first.child?.id], properties: ['parentId'] },
      'g',
    ])
    expect(got.list).toEqual([
      { id: grandchild, parentId: first.child?.id },
      { id: first.child?.id, parentId: first.parent?.id },
    ])
  })

  it('rejects server-set and unknown properties on create, and a dangling foreign key', async () => {
    const result = await one([
      'Note/set',
      {
        accountId: 'u1',
        create: {
          a: { title: 'x', size: 3 },
          b: { title: 'x', color: 'red' },
          c: { title: 'x', parentId: '#nope' },
          d: { id: 'mine', title: 'x' },
        },
      },
      's',
    ])
    expect(result.notCreated).toEqual({
      a: { type: 'invalidProperties', description: expect.any(String), properties: ['size'] },
      b: { type: 'invalidProperties', description: expect.any(String), properties: ['color'] },
      c: { type: 'invalidProperties', properties: ['parentId'] },
      d: { type: 'invalidProperties', description: expect.any(String), properties: ['id'] },
    })
  })

  it('allows a server-set property in a patch only when unchanged', async () => {
    const [a] = await createNotes('alpha')
    const result = await one([
      'Note/set',
      { accountId: 'u1', update: { [a as string]: { size: 5, title: 'alpha2' } } },
      's',
    ])
    expect(result.updated).toEqual({ [a as string]: null })
    const bad = await one([
      'Note/set',
      { accountId: 'u1', update: { [a as string]: { size: 1 } } },
      's',
    ])
    expect(bad.notUpdated).toEqual({
      [a as string]: expect.objectContaining({ type: 'invalidProperties', properties: ['size'] }),
    })
  })

  it('notFound, invalidPatch and willDestroy per record', async () => {
    const [a, b] = await createNotes('alpha', 'beta')
    const result = await one([
      'Note/set',
      {
        accountId: 'u1',
        update: {
          Nnope: { title: 'x' },
          [a as string]: { 'title/x': 1 },
          [b as string]: { title: 'gone' },
        },
        destroy: [b, 'Nnope2'],
      },
      's',
    ])
    expect(result.notUpdated).toEqual({
      Nnope: { type: 'notFound' },
      [a as string]: expect.objectContaining({ type: 'invalidPatch' }),
      [b as string]: { type: 'willDestroy' },
    })
    expect(result.destroyed).toEqual([b])
    expect(result.notDestroyed).toEqual({ Nnope2: { type: 'notFound' } })
  })

  it('stateMismatch for a stale ifInState; success when it matches', async () => {
    const state = (await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state
    await createNotes('alpha')
    expect(
      await one([
        'Note/set',
        { accountId: 'u1', ifInState: state, create: { a: { title: 'x' } } },
        's',
      ]),
    ).toEqual({ type: 'stateMismatch' })
    const current = (await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state
    expect(
      await one([
        'Note/set',
        { accountId: 'u1', ifInState: current, create: { a: { title: 'x' } } },
        's',
      ]),
    ).toHaveProperty('created.a')
  })

  it('requestTooLarge counts create, update and destroy together', async () => {
    const result = await one([
      'Note/set',
      {
        accountId: 'u1',
        create: { a: { title: '1' }, b: { title: '2' }, c: { title: '3' } },
        update: { x: {}, y: {} },
        destroy: ['z'],
      },
      's',
    ])
    expect(result).toMatchObject({ type: 'requestTooLarge' })
  })

  it('leaves state unchanged when the method fails', async () => {
    const state = (await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state
    await one([
      'Note/set',
      { accountId: 'u1', create: { a: { title: 'x' } }, destroy: 'not-a-list' },
      's',
    ])
    expect((await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state).toBe(state)
  })
})

describe('Foo/changes (RFC 8620 §5.2)', () => {
  it('pages with maxChanges and hasMoreChanges until the current state', async () => {
    const state = (await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state
    const ids = await createNotes('a', 'b', 'c')
    const first = await one([
      'Note/changes',
      { accountId: 'u1', sinceState: state, maxChanges: 2 },
      'c',
    ])
    expect(first).toMatchObject({
      oldState: state,
      hasMoreChanges: true,
      created: ids.slice(0, 2),
      updated: [],
      destroyed: [],
    })
    const second = await one([
      'Note/changes',
      { accountId: 'u1', sinceState: first.newState, maxChanges: 2 },
      'c',
    ])
    expect(second).toMatchObject({ hasMoreChanges: false, created: ids.slice(2) })
    expect(second.newState).toBe((await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state)
  })

  it('invalidArguments for maxChanges 0; cannotCalculateChanges once the log is trimmed', async () => {
    const state = (await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state
    expect(
      await one(['Note/changes', { accountId: 'u1', sinceState: state, maxChanges: 0 }, 'c']),
    ).toMatchObject({ type: 'invalidArguments' })
    await createNotes('a')
    server.trimChangeLogs()
    expect(await one(['Note/changes', { accountId: 'u1', sinceState: state }, 'c'])).toMatchObject({
      type: 'cannotCalculateChanges',
    })
  })

  it('feeds /get through a result reference to /created (RFC 8620 §3.7 example)', async () => {
    const state = (await one(['Note/get', { accountId: 'u1', ids: [] }, 'g'])).state
    const [a] = await createNotes('a')
    const responses = await run([
      ['Note/changes', { accountId: 'u1', sinceState: state }, 't0'],
      [
        'Note/get',
        { accountId: 'u1', '#ids': { resultOf: 't0', name: 'Note/changes', path: '/created' } },
        't1',
      ],
    ])
    expect(responses[1]?.[1].list).toEqual([expect.objectContaining({ id: a, title: 'a' })])
  })
})

describe('Foo/query (RFC 8620 §5.5)', () => {
  it('filters with AND/OR/NOT and sorts with collations', async () => {
    const [apple, banana, cherry] = await createNotes('apple', 'Banana', 'cherry')
    const q = (args: Record<string, unknown>): Promise<Record<string, unknown>> =>
      one(['Note/query', { accountId: 'u1', ...args }, 'q'])
    expect((await q({ sort: [{ property: 'title' }] })).ids).toEqual([apple, banana, cherry])
    expect((await q({ sort: [{ property: 'title', collation: 'i;octet' }] })).ids).toEqual([
      banana,
      apple,
      cherry,
    ])
    expect((await q({ sort: [{ property: 'title', isAscending: false }] })).ids).toEqual([
      cherry,
      banana,
      apple,
    ])
    expect(
      (await q({ filter: { operator: 'OR', conditions: [{ title: 'app' }, { title: 'err' }] } }))
        .ids,
    ).toEqual([apple, cherry])
    expect(
      (await q({ filter: { operator: 'NOT', conditions: [{ title: 'app' }, { title: 'err' }] } }))
        .ids,
    ).toEqual([banana])
    expect(
      (await q({ filter: { operator: 'AND', conditions: [{ title: 'a' }, { title: 'n' }] } })).ids,
    ).toEqual([banana])
  })

  it('windows with position (also negative), anchor/anchorOffset, limit and calculateTotal', async () => {
    const ids = await createNotes('a', 'b', 'c', 'd', 'e')
    const q = (args: Record<string, unknown>): Promise<Record<string, unknown>> =>
      one(['Note/query', { accountId: 'u1', sort: [{ property: 'title' }], ...args }, 'q'])
    expect(await q({ position: 1, limit: 2, calculateTotal: true })).toMatchObject({
      position: 1,
      ids: ids.slice(1, 3),
      total: 5,
      canCalculateChanges: true,
    })
    expect(await q({ position: -2 })).toMatchObject({ position: 3, ids: ids.slice(3) })
    expect(await q({ position: -99, limit: 1 })).toMatchObject({
      position: 0,
      ids: ids.slice(0, 1),
    })
    expect(await q({ position: 10 })).toMatchObject({ ids: [] })
    expect(await q({ anchor: ids[2], anchorOffset: -1, limit: 2, position: 4 })).toMatchObject({
      position: 1,
      ids: ids.slice(1, 3),
    })
    expect(await q({ anchor: ids[0], anchorOffset: -3 })).toMatchObject({ position: 0 })
    expect(await q({})).not.toHaveProperty('total')
  })

  it('anchorNotFound, unsupportedSort, invalidArguments for a bad filter or a negative limit', async () => {
    expect(await one(['Note/query', { accountId: 'u1', anchor: 'Nnope' }, 'q'])).toMatchObject({
      type: 'anchorNotFound',
    })
    expect(
      await one(['Note/query', { accountId: 'u1', sort: [{ property: 'pinned' }] }, 'q']),
    ).toMatchObject({ type: 'unsupportedSort' })
    expect(
      await one([
        'Note/query',
        { accountId: 'u1', sort: [{ property: 'title', collation: 'i;klingon' }] },
        'q',
      ]),
    ).toMatchObject({ type: 'unsupportedSort' })
    expect(
      await one(['Note/query', { accountId: 'u1', filter: { colour: 'red' } }, 'q']),
    ).toMatchObject({ type: 'invalidArguments', arguments: ['filter/colour'] })
    expect(
      await one([
        'Note/query',
        { accountId: 'u1', filter: { operator: 'XOR', conditions: [] } },
        'q',
      ]),
    ).toMatchObject({ type: 'invalidArguments' })
    expect(await one(['Note/query', { accountId: 'u1', limit: -1 }, 'q'])).toMatchObject({
      type: 'invalidArguments',
    })
  })
})

describe('Foo/queryChanges (RFC 8620 §5.6)', () => {
  it('reports removed and added so a cached list can be patched', async () => {
    const [a, b] = await createNotes('a', 'b')
    const query = { accountId: 'u1', sort: [{ property: 'title' }], filter: { pinned: false } }
    const before = await one(['Note/query', query, 'q'])
    const [c] = await createNotes('aa')
    await one([
      'Note/set',
      { accountId: 'u1', update: { [a as string]: { pinned: true } }, destroy: [b] },
      's',
    ])
    const changes = await one([
      'Note/queryChanges',
      { ...query, sinceQueryState: before.queryState, calculateTotal: true },
      'qc',
    ])
    expect(changes).toMatchObject({
      oldQueryState: before.queryState,
      total: 1,
      added: [{ id: c, index: 0 }],
    })
    expect(changes.removed).toEqual(expect.arrayContaining([a, b]))
    expect(changes.newQueryState).toBe((await one(['Note/query', query, 'q'])).queryState)
  })

  it('tooManyChanges past maxChanges; cannotCalculateChanges for an unknown state', async () => {
    const before = await one(['Note/query', { accountId: 'u1' }, 'q'])
    await createNotes('a', 'b')
    expect(
      await one([
        'Note/queryChanges',
        { accountId: 'u1', sinceQueryState: before.queryState, maxChanges: 1 },
        'qc',
      ]),
    ).toMatchObject({ type: 'tooManyChanges' })
    expect(
      await one(['Note/queryChanges', { accountId: 'u1', sinceQueryState: 'bogus' }, 'qc']),
    ).toMatchObject({ type: 'cannotCalculateChanges' })
  })

  it('omits added items after upToId', async () => {
    const before = await one(['Note/query', { accountId: 'u1' }, 'q'])
    const [a, b] = await createNotes('a', 'b')
    const changes = await one([
      'Note/queryChanges',
      {
        accountId: 'u1',
        sort: [{ property: 'title' }],
        sinceQueryState: before.queryState,
        upToId: a,
      },
      'qc',
    ])
    expect(changes.added).toEqual([{ id: a, index: 0 }])
    expect(b).toBeDefined()
  })
})

describe('Foo/copy (RFC 8620 §5.4)', () => {
  it('copies to another account and destroys originals through an implicit Foo/set', async () => {
    const [a] = await createNotes('alpha')
    const responses = await run([
      [
        'Note/copy',
        {
          fromAccountId: 'u1',
          accountId: 'u2',
          create: { c: { id: a, pinned: true } },
          onSuccessDestroyOriginal: true,
        },
        'cp',
      ],
    ])
    expect(responses.map(([name, , id]) => `${name}:${id}`)).toEqual([
      'Note/copy:cp',
      'Note/set:cp',
    ])
    const copied = createdId(responses[0]?.[1], 'c')
    expect(responses[0]?.[1]).toMatchObject({
      fromAccountId: 'u1',
      accountId: 'u2',
      created: { c: { id: copied, size: 5 } },
    })
    expect(responses[1]?.[1]).toMatchObject({ accountId: 'u1', destroyed: [a] })
    expect((await one(['Note/get', { accountId: 'u2', ids: [copied] }, 'g'])).list).toEqual([
      { id: copied, title: 'alpha', parentId: null, size: 5, pinned: true },
    ])
  })

  it('alreadyExists with existingId, notFound for a missing original', async () => {
    const [a] = await createNotes('alpha')
    const first = await one([
      'Note/copy',
      { fromAccountId: 'u1', accountId: 'u2', create: { c: { id: a } } },
      'cp',
    ])
    const existing = (first.created as Record<string, { id: string }>).c?.id
    const second = await one([
      'Note/copy',
      { fromAccountId: 'u1', accountId: 'u2', create: { c: { id: a }, d: { id: 'Nnope' } } },
      'cp',
    ])
    expect(second.notCreated).toEqual({
      c: { type: 'alreadyExists', existingId: existing },
      d: { type: 'notFound' },
    })
  })

  it('fromAccountNotFound, invalidArguments for the same account, stateMismatch', async () => {
    expect(
      await one(['Note/copy', { fromAccountId: 'nope', accountId: 'u2', create: {} }, 'cp']),
    ).toEqual({ type: 'fromAccountNotFound' })
    expect(
      await one(['Note/copy', { fromAccountId: 'u1', accountId: 'u1', create: {} }, 'cp']),
    ).toMatchObject({ type: 'invalidArguments' })
    expect(
      await one([
        'Note/copy',
        { fromAccountId: 'u1', ifFromInState: 'old', accountId: 'u2', create: {} },
        'cp',
      ]),
    ).toEqual({ type: 'stateMismatch' })
  })
})

describe('registration', () => {
  it('the registered capability appears in the session with its account capability', async () => {
    const session = (await (await server.fetch(server.sessionUrl)).json()) as {
      capabilities: object
      accounts: Record<string, { accountCapabilities: object }>
    }
    expect(session.capabilities).toHaveProperty([notesCapability])
    expect(session.accounts.u2?.accountCapabilities).toHaveProperty([notesCapability])
  })

  it('a second registration of a type name is a usage error', () => {
    expect(() =>
      server.register({ name: 'again', capabilities: {}, dataTypes: [noteType] }),
    ).toThrow(/already registered/)
  })

  it('the shared call helpers work against the standard plugins too', async () => {
    expect(await callOne(server, ['Mailbox/get', { accountId: 'u1', ids: [] }, 'g'])).toMatchObject(
      { list: [] },
    )
    expect(await callError(server, ['Note/get', { accountId: 'u1' }, 'g'])).toEqual({
      type: 'unknownMethod',
    })
    expect(await calls(server, [])).toEqual([])
  })
})
