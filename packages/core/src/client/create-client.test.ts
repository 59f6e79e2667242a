import { type Fixture, loadFixture } from '@typed-jmap/fixtures'
import { match } from 'ts-pattern'
import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type ScriptedJmapServer,
  startScriptedJmapServer,
} from '../../test/support/scripted-jmap-server.js'
import { todo } from '../../test/support/todo-capability.js'
import { isRequestBuildError } from '../builder/request-build-error.js'
import { isResponseValidationError } from '../errors/response-validation-error.js'
import { isMethodCallError } from '../method-errors/method-call-error.js'
import type { MethodError } from '../method-errors/method-error.js'
import { Id } from '../primitives/id.js'
import type { JmapRequest } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import { defineCapability } from '../registry/capability-definition.js'
import { createClient } from './create-client.js'

const servers: ScriptedJmapServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const auth = { basic: { username: 'test', password: 'test' } }

async function serve(answer: (request: JmapRequest) => JmapResponse) {
  const server = await startScriptedJmapServer(answer)
  servers.push(server)
  return server
}

function rfc(name: string): Fixture {
  return loadFixture('core', 'rfc8620', name).fixture
}

function fixtureRequest(fixture: Fixture): JmapRequest {
  return fixture.request?.body as JmapRequest
}

function fixtureResponse(fixture: Fixture): JmapResponse {
  return fixture.response?.body as JmapResponse
}

const offline = createClient({
  sessionUrl: 'https://jmap.example/session',
  capabilities: [todo],
})

describe('wire conformance with the RFC 8620 examples', () => {
  it('builds §5.7 Todo/query + Todo/get with a result reference exactly', () => {
    const built = offline.prepare((b) => {
      const query = b.call(
        'Todo/query',
        {
          accountId: 'x',
          filter: {
            operator: 'OR',
            conditions: [{ hasKeyword: 'music' }, { hasKeyword: 'video' }],
          },
          sort: [{ property: 'title' }],
          position: 0,
          limit: 10,
        },
        { callId: '0' },
      )
      return b.call('Todo/get', { accountId: 'x', ids: query.ref('/ids') }, { callId: '1' })
    })
    expect(built).toEqual(fixtureRequest(rfc('5.7-todo-query-get')))
  })

  it('builds §5.7 Todo/changes + Todo/queryChanges exactly', () => {
    const built = offline.prepare((b) => [
      b.call(
        'Todo/changes',
        { accountId: 'x', sinceState: '10324', maxChanges: 50 },
        { callId: '0' },
      ),
      b.call(
        'Todo/queryChanges',
        {
          accountId: 'x',
          filter: {
            operator: 'OR',
            conditions: [{ hasKeyword: 'music' }, { hasKeyword: 'video' }],
          },
          sort: [{ property: 'title' }],
          sinceQueryState: 'y13213',
          maxChanges: 50,
        },
        { callId: '1' },
      ),
    ])
    expect(built).toEqual(fixtureRequest(rfc('5.7-todo-changes-querychanges')))
  })

  it('builds §5.7 Todo/set with a patch and with a creation id used in the same call', () => {
    const patch = offline.prepare((b) =>
      b.call(
        'Todo/set',
        {
          accountId: 'x',
          ifInState: '10324',
          update: { [Id('a')]: { 'keywords/chopin': true, 'keywords/mozart': null } },
        },
        { callId: '0' },
      ),
    )
    expect(patch).toEqual(fixtureRequest(rfc('5.7-todo-set-patch')))
    const sameCall = offline.prepare((b) =>
      b.call(
        'Todo/set',
        {
          accountId: 'x',
          create: { k15: { title: 'Warm up with scales' } },
          update: { [Id('a')]: { subTodoIds: [b.creationId('k15')] } },
        },
        { callId: '0' },
      ),
    )
    expect(sameCall).toEqual(fixtureRequest(rfc('5.7-todo-set-create-reference')))
  })

  it('builds §5.7 Todo/copy and §4.1 Core/echo exactly', () => {
    const copy = offline.prepare((b) =>
      b.call(
        'Todo/copy',
        {
          fromAccountId: 'x',
          accountId: 'y',
          create: { k5122: { id: Id('a') } },
          onSuccessDestroyOriginal: true,
        },
        { callId: '0' },
      ),
    )
    expect(copy).toEqual(fixtureRequest(rfc('5.7-todo-copy')))
    const echo = offline.prepare((b) =>
      b.call('Core/echo', { hello: true, high: 5 }, { callId: 'b3ff' }),
    )
    expect(echo).toEqual(fixtureRequest(rfc('4.1-echo')))
  })

  it('decodes the §5.7 query/get response into typed results', async () => {
    const fixture = rfc('5.7-todo-query-get')
    const server = await serve(() => fixtureResponse(fixture))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const { query, todos } = await jmap.request((b) => {
      const query = b.call('Todo/query', { accountId: 'x', limit: 10 }, { callId: '0' })
      const todos = b.call('Todo/get', { accountId: 'x', ids: query.ref('/ids') }, { callId: '1' })
      return { query, todos }
    })
    expect(query.ids).toHaveLength(10)
    expect(todos.list.map((item) => item.title)).toEqual([
      'Practise Piano',
      'Watch Daft Punk music video',
    ])
    expect(todos.notFound).toEqual([])
  })

  it('reaches the implicit Todo/set that follows a Todo/copy with onSuccessDestroyOriginal', async () => {
    const fixture = rfc('5.7-todo-copy')
    const server = await serve(() => fixtureResponse(fixture))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const { copy, destroyed } = await jmap.request((b) => {
      const copy = b.call(
        'Todo/copy',
        {
          fromAccountId: 'x',
          accountId: 'y',
          create: { k5122: { id: Id('a') } },
          onSuccessDestroyOriginal: true,
        },
        { callId: '0' },
      )
      return { copy, destroyed: copy.implicit('Todo/set') }
    })
    expect(copy.created).toEqual({ k5122: { id: 'DAf97' } })
    expect(destroyed?.destroyed).toEqual(['a'])
  })

  it('decodes the §3.6.2 method error as data', async () => {
    const fixture = rfc('3.6.2-method-error')
    const server = await serve(() => fixtureResponse(fixture))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const result = await jmap.requestSettled((b) =>
      b.call('Todo/get', { accountId: 'x' }, { callId: 'call-id' }),
    )
    expect(result).toMatchObject({ ok: false, callId: 'call-id', error: { type: 'unknownMethod' } })
  })

  it('reads a §5.7 queryChanges response whose added list is null as empty', async () => {
    const fixture = rfc('5.7-todo-changes-querychanges')
    const server = await serve(() => fixtureResponse(fixture))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const [changes, queryChanges] = await jmap.request((b) => [
      b.call('Todo/changes', { accountId: 'x', sinceState: '10324' }, { callId: '0' }),
      b.call('Todo/queryChanges', { accountId: 'x', sinceQueryState: 'y13213' }, { callId: '1' }),
    ])
    expect(changes.destroyed).toEqual(['b'])
    expect(queryChanges.added).toEqual([])
  })
})

describe('requests', () => {
  it('derives using from the calls, keeps call order and numbers call ids', async () => {
    const server = await serve((request) => ({
      methodResponses: request.methodCalls.map(([name, , id]) =>
        name === 'Todo/query'
          ? [
              name,
              {
                accountId: 'u1',
                queryState: 'q',
                canCalculateChanges: false,
                position: 0,
                ids: [],
              },
              id,
            ]
          : [name, { accountId: 'u1', state: 's', list: [], notFound: [] }, id],
      ),
      sessionState: 's1',
    }))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    await jmap.request((b) => {
      const query = b.call('Todo/query', { accountId: 'u1' })
      return b.call('Todo/get', { accountId: 'u1', ids: query.ref('/ids'), properties: ['title'] })
    })
    expect(server.received).toEqual([
      {
        using: ['urn:ietf:params:jmap:core'],
        methodCalls: [
          ['Todo/query', { accountId: 'u1' }, 'c0'],
          [
            'Todo/get',
            {
              accountId: 'u1',
              '#ids': { resultOf: 'c0', name: 'Todo/query', path: '/ids' },
              properties: ['title'],
            },
            'c1',
          ],
        ],
      },
    ])
  })

  it('refuses at run time a creation id that no call makes and a duplicate call id', () => {
    expect(() =>
      offline.prepare((b) =>
        b.call('Todo/set', { accountId: 'x', destroy: [b.creationId('nothing')] }),
      ),
    ).toThrow(/no call in this request creates 'nothing'/)
    let error: unknown
    try {
      offline.prepare((b) => [
        b.call('Todo/query', { accountId: 'x' }, { callId: 'same' }),
        b.call('Todo/query', { accountId: 'x' }, { callId: 'same' }),
      ])
    } catch (caught) {
      error = caught
    }
    expect(isRequestBuildError(error)).toBe(true)
  })

  it('refuses at run time a creation id the call does not make', () => {
    expect(() =>
      offline.prepare((b) => {
        const made = b.call('Todo/set', { accountId: 'x', create: { k1: { title: 't' } } })
        return (made as unknown as { created(id: string): unknown }).created('k2')
      }),
    ).toThrow(/Todo\/set call c0 creates no 'k2'/)
  })

  it('refuses at run time a reference into another request', () => {
    let leaked: { ref(path: '/ids'): unknown } | undefined
    offline.prepare((b) => {
      const query = b.call('Todo/query', { accountId: 'x' })
      leaked = query
      return query
    })
    expect(() =>
      offline.prepare((b) =>
        b.call('Todo/get', { accountId: 'x', ids: leaked?.ref('/ids') as never }),
      ),
    ).toThrow(/references call c0 of another request/)
  })
})

describe('session', () => {
  const mailUrn = 'urn:ietf:params:jmap:mail'

  it('checks capability objects against the schemas of the client’s tables', async () => {
    const server = await serve(() => ({ methodResponses: [], sessionState: 's1' }))
    const strict = defineCapability<typeof mailUrn, {}>({
      urn: mailUrn,
      methods: {},
      accountCapability: v.object({ maxMailboxDepth: v.nullable(v.number()) }),
    })
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [strict] })
    const error = await jmap.session().then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(isResponseValidationError(error)).toBe(true)
    expect(String(error)).toContain(
      'accounts["u1"].accountCapabilities["urn:ietf:params:jmap:mail"]["maxMailboxDepth"]',
    )
  })

  it('returns the session when its capabilities match', async () => {
    const server = await serve(() => ({ methodResponses: [], sessionState: 's1' }))
    const loose = defineCapability<typeof mailUrn, {}>({
      urn: mailUrn,
      methods: {},
      sessionCapability: v.object({}),
      accountCapability: v.object({}),
    })
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [loose] })
    const session = await jmap.session()
    expect(session.capabilities['urn:ietf:params:jmap:core'].maxCallsInRequest).toBe(64)
  })
})

describe('responses', () => {
  const queryResponse = {
    accountId: 'u1',
    queryState: 'q',
    canCalculateChanges: true,
    position: 0,
    ids: ['a'],
  }

  it('turns method errors into data with requestSettled, exhaustively matchable', async () => {
    const server = await serve((request) => ({
      methodResponses: [
        ['Todo/query', queryResponse, request.methodCalls[0]?.[2] ?? ''],
        ['error', { type: 'invalidResultReference' }, request.methodCalls[1]?.[2] ?? ''],
      ],
      sessionState: 's1',
    }))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const { query, todos } = await jmap.requestSettled((b) => {
      const query = b.call('Todo/query', { accountId: 'u1' })
      return { query, todos: b.call('Todo/get', { accountId: 'u1', ids: query.ref('/ids') }) }
    })
    expect(query.ok && query.response.ids).toEqual(['a'])
    expect(todos.ok).toBe(false)
    const describe = (error: MethodError): string =>
      match(error)
        .with({ type: 'invalidResultReference' }, () => 'bad reference')
        .with({ type: 'stateMismatch' }, () => 'retry')
        .with(
          {
            type: 'serverUnavailable' as const,
          },
          () => 'later',
        )
        .otherwise((other) => `other: ${other.type}`)
    expect(todos.ok ? 'ok' : describe(todos.error)).toBe('bad reference')
  })

  it('throws the first method error with every result attached in request mode', async () => {
    const server = await serve((request) => ({
      methodResponses: [
        ['Todo/query', queryResponse, request.methodCalls[0]?.[2] ?? ''],
        [
          'error',
          { type: 'serverFail', description: 'disk full' },
          request.methodCalls[1]?.[2] ?? '',
        ],
      ],
      sessionState: 's1',
    }))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const error = await jmap
      .request((b) => {
        const query = b.call('Todo/query', { accountId: 'u1' })
        return { query, todos: b.call('Todo/get', { accountId: 'u1', ids: query.ref('/ids') }) }
      })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    expect(isMethodCallError(error)).toBe(true)
    if (!isMethodCallError(error)) return
    expect(error.message).toBe('Todo/get (call c1) failed with serverFail: disk full')
    expect(error.error).toEqual({ type: 'serverFail', description: 'disk full' })
    expect(error.results).toMatchObject({
      query: { ok: true, response: { ids: ['a'] } },
      todos: { ok: false },
    })
  })

  it('validates a /get response against the properties asked for, saying where it is wrong', async () => {
    const server = await serve((request) => ({
      methodResponses: [
        [
          'Todo/get',
          { accountId: 'u1', state: 's', list: [{ id: 'a', title: 42 }], notFound: [] },
          request.methodCalls[0]?.[2] ?? '',
        ],
      ],
      sessionState: 's1',
    }))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const error = await jmap
      .request((b) => b.call('Todo/get', { accountId: 'u1', properties: ['title'] }))
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )
    expect(isResponseValidationError(error)).toBe(true)
    expect(String(error)).toContain('methodResponses[0][1]["list"][0]["title"]')
  })

  it('accepts a record narrowed to the properties asked for, and skips checks when validation is off', async () => {
    const narrowed = {
      accountId: 'u1',
      state: 's',
      list: [{ id: 'a', title: 'x' }],
      notFound: null,
    }
    const server = await serve((request) => ({
      methodResponses: [['Todo/get', narrowed, request.methodCalls[0]?.[2] ?? '']],
      sessionState: 's1',
    }))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const got = await jmap.request((b) =>
      b.call('Todo/get', { accountId: 'u1', properties: ['title'] }),
    )
    expect(got.list).toEqual([{ id: 'a', title: 'x' }])
    expect(got.notFound).toEqual([])
    const trusting = createClient({
      sessionUrl: server.sessionUrl,
      auth,
      capabilities: [todo],
      validate: false,
    })
    const raw = await trusting.request((b) =>
      b.call('Todo/get', { accountId: 'u1', properties: ['title'] }),
    )
    expect(raw.notFound).toBeNull()
  })
})
