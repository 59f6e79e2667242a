import { afterEach, describe, expect, it } from 'vitest'
import {
  allCapabilities,
  type Call,
  callError,
  calls,
  createdId,
  postApi,
  request,
} from '../../test/support/jmap-call.js'
import { sieveCapability } from '../sieve/sieve-plugin.js'
import { createTestServer, type TestServer } from './create-test-server.js'

let server: TestServer
afterEach(async () => {
  await server.close()
})

async function problem(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  return (await response.json()) as Record<string, unknown>
}

describe('session resource (RFC 8620 §2)', () => {
  it('serves the session with core limits, accounts, primary accounts and URL templates', async () => {
    server = createTestServer({
      limits: { maxCallsInRequest: 3 },
      accounts: [
        { id: 'u1', name: 'Me' },
        { id: 'shared', isPersonal: false, isReadOnly: true },
      ],
    })
    const response = await server.fetch(server.sessionUrl)
    expect(response.headers.get('cache-control')).toContain('no-store')
    const session = (await response.json()) as Record<string, Record<string, unknown>>
    expect(session.capabilities?.['urn:ietf:params:jmap:core']).toMatchObject({
      maxCallsInRequest: 3,
      maxObjectsInGet: 500,
      collationAlgorithms: expect.arrayContaining(['i;ascii-casemap']),
    })
    expect(Object.keys(session.capabilities ?? {})).toEqual(
      expect.arrayContaining([...allCapabilities]),
    )
    expect(session.accounts?.shared).toMatchObject({
      name: 'shared',
      isPersonal: false,
      isReadOnly: true,
    })
    expect(session.primaryAccounts).toMatchObject({
      'urn:ietf:params:jmap:mail': 'u1',
      'urn:ietf:params:jmap:tasks': 'u1',
    })
    expect(session.primaryAccounts).not.toHaveProperty('urn:ietf:params:jmap:core')
    expect(session).toMatchObject({
      apiUrl: 'http://jmap.test/jmap/api',
      uploadUrl: 'http://jmap.test/jmap/upload/{accountId}/',
      downloadUrl: 'http://jmap.test/jmap/download/{accountId}/{blobId}/{name}?type={type}',
      eventSourceUrl:
        'http://jmap.test/jmap/eventsource?types={types}&closeafter={closeafter}&ping={ping}',
      username: 'test@example.com',
    })
  })

  it('answers /.well-known/jmap with the same session', async () => {
    server = createTestServer()
    const wellKnown = await (await server.fetch('http://jmap.test/.well-known/jmap')).json()
    expect(wellKnown).toEqual(await (await server.fetch(server.sessionUrl)).json())
  })

  it('changes the session state when a plugin is registered', async () => {
    server = createTestServer()
    const before = (await request(server, [])).sessionState
    server.register({ name: 'extra', capabilities: { 'urn:example:extra': { session: {} } } })
    expect((await request(server, [])).sessionState).not.toBe(before)
  })
})

describe('request-level errors (RFC 8620 §3.6.1)', () => {
  it('notJSON for a wrong content type or a body that does not parse', async () => {
    server = createTestServer()
    const wrongType = await postApi(server, { using: [], methodCalls: [] }, 'text/plain')
    expect(wrongType.status).toBe(400)
    expect(await problem(wrongType)).toMatchObject({
      type: 'urn:ietf:params:jmap:error:notJSON',
      status: 400,
    })
    expect(await problem(await postApi(server, '{"using": ['))).toMatchObject({
      type: 'urn:ietf:params:jmap:error:notJSON',
    })
  })

  it('notRequest for JSON that is not a Request object', async () => {
    server = createTestServer()
    for (const body of [
      [],
      { using: ['urn:ietf:params:jmap:core'] },
      { using: [], methodCalls: [['Core/echo', {}]] },
      { using: [], methodCalls: [], createdIds: { a: 1 } },
    ]) {
      expect(await problem(await postApi(server, body))).toMatchObject({
        type: 'urn:ietf:params:jmap:error:notRequest',
      })
    }
  })

  it('unknownCapability names the capability', async () => {
    server = createTestServer()
    const body = await problem(
      await postApi(server, {
        using: ['urn:ietf:params:jmap:core', 'urn:example:nope'],
        methodCalls: [],
      }),
    )
    expect(body).toMatchObject({
      type: 'urn:ietf:params:jmap:error:unknownCapability',
      status: 400,
    })
    expect(body.detail).toContain('urn:example:nope')
  })

  it('limit with "limit": "maxCallsInRequest"', async () => {
    server = createTestServer({ limits: { maxCallsInRequest: 2 } })
    const echo: [string, Record<string, unknown>, string] = ['Core/echo', {}, 'e']
    expect((await request(server, [echo, echo])).methodResponses).toHaveLength(2)
    const body = await problem(
      await postApi(server, { using: allCapabilities, methodCalls: [echo, echo, echo] }),
    )
    expect(body).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      limit: 'maxCallsInRequest',
    })
  })

  it('limit with "limit": "maxSizeRequest"', async () => {
    server = createTestServer({ limits: { maxSizeRequest: 200 } })
    const body = await problem(
      await postApi(server, {
        using: allCapabilities,
        methodCalls: [['Core/echo', { pad: 'x'.repeat(300) }, 'e']],
      }),
    )
    expect(body).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      limit: 'maxSizeRequest',
    })
  })

  it('limit with "limit": "maxConcurrentRequests" while requests are in flight', async () => {
    server = createTestServer({ limits: { maxConcurrentRequests: 1 } })
    server.faults.latency(50, { endpoint: 'api', times: 1 })
    const slow = request(server, [['Core/echo', {}, 'e']])
    await new Promise((resolve) => setTimeout(resolve, 10))
    const rejected = await postApi(server, { using: allCapabilities, methodCalls: [] })
    expect(await problem(rejected)).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      limit: 'maxConcurrentRequests',
    })
    expect((await slow).methodResponses).toHaveLength(1)
  })

  it('401 without the configured credentials; Bearer and Basic both accepted', async () => {
    server = createTestServer({
      auth: { bearer: 'token', basic: { username: 'u', password: 'p' } },
    })
    expect((await server.fetch(server.sessionUrl)).status).toBe(401)
    expect(
      (await server.fetch(server.sessionUrl, { headers: { authorization: 'Bearer wrong' } }))
        .status,
    ).toBe(401)
    expect(
      (await server.fetch(server.sessionUrl, { headers: { authorization: 'Bearer token' } }))
        .status,
    ).toBe(200)
    expect(
      (
        await server.fetch(server.sessionUrl, {
          headers: { authorization: `Basic ${btoa('u:p')}` },
        })
      ).status,
    ).toBe(200)
  })

  it('404 problem details for an unknown path, 405 for a wrong method', async () => {
    server = createTestServer()
    expect((await server.fetch('http://jmap.test/nope')).status).toBe(404)
    expect((await server.fetch('http://jmap.test/jmap/api')).status).toBe(405)
  })
})

describe('request processing (RFC 8620 §3)', () => {
  it('Core/echo returns its arguments (RFC 8620 §4)', async () => {
    server = createTestServer()
    expect(await calls(server, [['Core/echo', { hello: true, high: 5 }, 'b3ff']])).toEqual([
      ['Core/echo', { hello: true, high: 5 }, 'b3ff'],
    ])
  })

  it('runs calls in order and keeps going after a method error', async () => {
    server = createTestServer()
    const responses = await calls(server, [
      ['Core/echo', { n: 1 }, 'a'],
      ['Nope/nope', {}, 'b'],
      ['Core/echo', { n: 3 }, 'c'],
    ])
    expect(responses.map(([name, , id]) => `${name}:${id}`)).toEqual([
      'Core/echo:a',
      'error:b',
      'Core/echo:c',
    ])
  })

  it('unknownMethod for a method whose capability is not in using', async () => {
    server = createTestServer()
    const response = await postApi(server, {
      using: ['urn:ietf:params:jmap:core'],
      methodCalls: [['Mailbox/get', { accountId: 'u1' }, 'a']],
    })
    expect(await response.json()).toMatchObject({
      methodResponses: [['error', { type: 'unknownMethod' }, 'a']],
    })
  })

  it('accountNotFound, accountNotSupportedByMethod and accountReadOnly', async () => {
    server = createTestServer({
      accounts: [
        { id: 'u1' },
        { id: 'mailOnly', capabilities: ['urn:ietf:params:jmap:mail'] },
        { id: 'ro', isReadOnly: true },
      ],
    })
    expect(await callError(server, ['Mailbox/get', { accountId: 'nope' }, 'a'])).toEqual({
      type: 'accountNotFound',
    })
    expect(await callError(server, ['Task/get', { accountId: 'mailOnly' }, 'a'])).toEqual({
      type: 'accountNotSupportedByMethod',
    })
    expect(
      await callError(server, [
        'Mailbox/set',
        { accountId: 'ro', create: { a: { name: 'x' } } },
        'a',
      ]),
    ).toEqual({ type: 'accountReadOnly' })
  })

  it('invalidArguments for an unknown argument or a wrongly typed one', async () => {
    server = createTestServer()
    expect(
      await callError(server, ['Mailbox/get', { accountId: 'u1', bogus: 1 }, 'a']),
    ).toMatchObject({ type: 'invalidArguments', arguments: ['bogus'] })
    expect(
      await callError(server, ['Mailbox/get', { accountId: 'u1', ids: 'x' }, 'a']),
    ).toMatchObject({ type: 'invalidArguments' })
    expect(await callError(server, ['Mailbox/get', { accountId: 5 }, 'a'])).toMatchObject({
      type: 'invalidArguments',
    })
  })

  it('every /set takes the standard arguments and its own, and names any other', async () => {
    server = createTestServer()
    const using = [...allCapabilities, sieveCapability]
    const standard = { accountId: 'u1', ifInState: null, create: {}, update: {}, destroy: [] }
    const sets: Array<[string, Record<string, unknown>]> = [
      ['Mailbox/set', {}],
      ['AddressBook/set', { onDestroyRemoveContents: false, onSuccessSetIsDefault: null }],
      ['EmailSubmission/set', { onSuccessUpdateEmail: null, onSuccessDestroyEmail: null }],
      ['SieveScript/set', { onSuccessActivateScript: null, onSuccessDeactivateScript: false }],
    ]
    for (const [name, own] of sets) {
      const response = await postApi(server, {
        using,
        methodCalls: [
          [name, { ...standard, ...own }, 'ok'],
          [name, { ...standard, ...own, onSuccessFoo: true }, 'bad'],
        ],
      })
      const { methodResponses } = (await response.json()) as { methodResponses: Call[] }
      expect(
        methodResponses.map(([response]) => response),
        name,
      ).toEqual([name, 'error'])
      expect(methodResponses[1]?.[1]).toMatchObject({
        type: 'invalidArguments',
        arguments: ['onSuccessFoo'],
      })
    }
  })

  it('returns createdIds only when the request had them, seeded from the request', async () => {
    server = createTestServer()
    const parent = server.seed.mailbox({ name: 'Parent' })
    const without = await request(server, [
      ['Mailbox/set', { accountId: 'u1', create: { a: { name: 'A' } } }, 's'],
    ])
    expect(without).not.toHaveProperty('createdIds')
    const seeded = await request(
      server,
      [
        [
          'Mailbox/set',
          { accountId: 'u1', create: { child: { name: 'Child', parentId: '#parent' } } },
          's',
        ],
      ],
      { createdIds: { parent } },
    )
    const child = createdId(seeded.methodResponses[0]?.[1], 'child')
    expect(child).toEqual(expect.any(String))
    expect(seeded.createdIds).toEqual({ parent, child })
  })

  it('reports a changed sessionState after the session changes', async () => {
    server = createTestServer()
    const first = await request(server, [])
    expect(first.sessionState).toBe((await (await server.fetch(server.sessionUrl)).json()).state)
  })
})
