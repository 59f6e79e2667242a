import { expect, it } from 'vitest'
import { describeOnServer, type TestServer } from '../../../../scripts/integration/servers.js'
import { createCredentials } from '../../src/auth/credentials.js'
import { createOriginPolicy } from '../../src/auth/origin-policy.js'
import { createConnection, type JmapConnection } from '../../src/connection/connection.js'
import { isAuthenticationError } from '../../src/errors/authentication-error.js'
import { isRequestProblemError } from '../../src/errors/request-problem-error.js'
import { isSessionError } from '../../src/errors/session-error.js'
import type { Invocation } from '../../src/protocol/request.js'
import { createHttpTransport } from '../../src/transport/http-transport.js'

const core = 'urn:ietf:params:jmap:core'
const mail = 'urn:ietf:params:jmap:mail'

/** A connection whose fetch counts the API requests that reach the server. */
function countingConnection(server: TestServer): {
  connection: JmapConnection
  apiPosts: () => number
} {
  let posts = 0
  const counting: typeof fetch = (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    if (method.toUpperCase() === 'POST') posts++
    return fetch(input, init)
  }
  const connection = createConnection({
    host: new URL(server.wellKnownUrl).origin,
    auth: { basic: server.user },
    fetch: counting,
  })
  return { connection, apiPosts: () => posts }
}

/** Posts a raw body, bypassing the connection's own checks, to see what the server says. */
async function rawPost(server: TestServer, body: unknown): Promise<unknown> {
  const transport = createHttpTransport({
    credentials: createCredentials({ basic: server.user }),
    originPolicy: createOriginPolicy(new URL(server.sessionUrl), []),
  })
  return transport
    .request({
      method: 'POST',
      url: new URL(server.sessionUrl),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      retrySafe: true,
    })
    .then(
      () => undefined,
      (error: unknown) => error,
    )
}

describeOnServer(
  ['cyrus-3.6', 'cyrus-3.10'],
  'runtime: session, requests, limits, blobs',
  (server) => {
    it('discovers the session through /.well-known/jmap and resolves its relative URLs', async () => {
      const { connection } = countingConnection(server)
      const session = await connection.session()
      expect(session.username).toBe(server.user.username)
      expect(session.apiUrl).toBe(new URL('/jmap/', server.sessionUrl).href)
      expect(session.downloadUrl).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/jmap\/download\/\{accountId\}/,
      )
      expect(await connection.accountFor(mail)).toBe(server.user.username)
    })

    it('ends a wrong password in an AuthenticationError', async () => {
      const connection = createConnection({
        sessionUrl: server.sessionUrl,
        auth: { basic: { username: server.user.username, password: 'wrong' } },
      })
      const error = await connection.session().catch((caught: unknown) => caught)
      expect(isAuthenticationError(error) && error.status).toBe(401)
    })

    it('echoes', async () => {
      const { connection } = countingConnection(server)
      const response = await connection.send({
        using: [core],
        methodCalls: [['Core/echo', { hello: 'world' }, 'c0']],
      })
      expect(response.methodResponses).toEqual([['Core/echo', { hello: 'world' }, 'c0']])
    })

    it('refuses an unknown capability before sending, and parses the server unknownCapability problem', async () => {
      const { connection, apiPosts } = countingConnection(server)
      const refused = await connection
        .send({ using: [core, 'urn:example:nope'], methodCalls: [['Core/echo', {}, 'c0']] })
        .catch((error: unknown) => error)
      expect(isSessionError(refused) && refused.problem).toBe('missingCapability')
      expect(apiPosts()).toBe(0)
      const problem = await rawPost(server, {
        using: [core, 'urn:example:nope'],
        methodCalls: [['Core/echo', {}, 'c0']],
      })
      expect(isRequestProblemError(problem) && problem.problemType).toBe(
        'urn:ietf:params:jmap:error:unknownCapability',
      )
      expect(problem).toMatchObject({ status: 400 })
    })

    it("parses the server's limit problem, and the connection splits the same request instead", async () => {
      const calls: Invocation[] = Array.from({ length: 51 }, (_, index) => [
        'Core/echo',
        { index },
        `c${index}`,
      ])
      const problem = await rawPost(server, { using: [core], methodCalls: calls })
      expect(isRequestProblemError(problem) && problem.limit).toBe('maxCallsInRequest')
      const { connection, apiPosts } = countingConnection(server)
      const response = await connection.send({ using: [core], methodCalls: calls })
      expect(response.methodResponses.map((call) => call[2])).toEqual(calls.map((call) => call[2]))
      expect(apiPosts()).toBe(2)
    })

    it('returns unknownMethod as data', async () => {
      const { connection } = countingConnection(server)
      const response = await connection.send({
        using: [core],
        methodCalls: [['Nope/frobnicate', {}, 'c0']],
      })
      expect(response.methodResponses).toEqual([['error', { type: 'unknownMethod' }, 'c0']])
    })

    it('auto-batches N calls of one tick into ceil(N / maxCallsInRequest) requests', async () => {
      const { connection, apiPosts } = countingConnection(server)
      const session = await connection.session()
      const perRequest = session.capabilities['urn:ietf:params:jmap:core'].maxCallsInRequest
      const count = perRequest * 2 + 7
      const results = await Promise.all(
        Array.from({ length: count }, (_, index) =>
          connection.enqueue({ name: 'Core/echo', args: { index }, using: [core] }),
        ),
      )
      expect(results.map((responses) => responses[0]?.[1])).toEqual(
        Array.from({ length: count }, (_, index) => ({ index })),
      )
      expect(apiPosts()).toBe(Math.ceil(count / perRequest))
    })

    it('uploads and downloads the same bytes', async () => {
      const { connection } = countingConnection(server)
      const accountId = await connection.accountFor(mail)
      const raw = `From: a@example.test\r\nTo: b@example.test\r\nSubject: round trip ${Date.now()}\r\n\r\nbody é ✓\r\n`
      const bytes = new TextEncoder().encode(raw)
      let lastProgress = 0
      const uploaded = await connection.upload(accountId, bytes, {
        type: 'message/rfc822',
        onProgress: (sent) => {
          lastProgress = sent
        },
      })
      expect(uploaded.size).toBe(bytes.byteLength)
      expect(lastProgress).toBe(bytes.byteLength)
      const download = await connection.download(accountId, uploaded.blobId, {
        name: 'round trip (1).eml',
        type: 'message/rfc822',
      })
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes)
    })
  },
)

describeOnServer('cyrus-3.10', 'runtime: EventSource push', (server) => {
  it('yields a StateChange after a change', async () => {
    const { connection } = countingConnection(server)
    const accountId = await connection.accountFor(mail)
    const events = connection.events({ types: ['Email', 'Mailbox'], ping: 5 })
    const iterator = events[Symbol.asyncIterator]()
    const next = iterator.next()
    // Give the stream time to open before changing anything.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const name = `push-${Date.now()}`
    const created = await connection.send({
      using: [core, mail],
      methodCalls: [['Mailbox/set', { accountId, create: { k: { name } } }, 'c0']],
    })
    const id =
      (created.methodResponses[0]?.[1].created as Record<string, { id: string }> | undefined)?.k
        ?.id ?? ''
    try {
      const result = await next
      expect(result.done).toBe(false)
      expect(result.value?.changed[accountId]?.Mailbox).toEqual(expect.any(String))
    } finally {
      events.close()
      await connection.send({
        using: [core, mail],
        methodCalls: [['Mailbox/set', { accountId, destroy: [id] }, 'c0']],
      })
    }
  })
})

describeOnServer('cyrus-3.6', 'runtime: EventSource push', (server) => {
  it('says plainly that push is unavailable (Cyrus 3.6 answers 204)', async () => {
    const { connection } = countingConnection(server)
    const events = connection.events()
    const error = await events[Symbol.asyncIterator]()
      .next()
      .catch((caught: unknown) => caught)
    expect(isSessionError(error) && error.problem).toBe('pushUnavailable')
  })
})
