import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import {
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { createConnection } from '../connection/connection.js'
import { isRequestProblemError } from '../errors/request-problem-error.js'
import { isResponseValidationError } from '../errors/response-validation-error.js'
import { isSessionError } from '../errors/session-error.js'
import { isTransportError } from '../errors/transport-error.js'
import type { WebSocketConstructor, WebSocketOptions } from './web-socket.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** An RFC 8887 test server: session at /jmap/, WebSocket at /jmap/ws/ on the same origin. */
async function webSocketServer(
  options: {
    supportsPush?: boolean
    advertise?: boolean
    url?: string
    timeout?: number
    maxConcurrentRequests?: number
    /** Refuses the upgrade of every connection after the first. */
    refuseReconnect?: boolean
  } = {},
) {
  const seen = {
    authorization: '' as string | undefined,
    messages: [] as Record<string, unknown>[],
    outstanding: 0,
    mostOutstanding: 0,
    /** URLs of the accepted connections, in order. */
    connections: [] as string[],
  }
  const http = await startLocalHttpServer((request, response) => {
    const capabilities = {
      ...(sessionBody().capabilities as object),
      ...(options.advertise === false
        ? {}
        : {
            'urn:ietf:params:jmap:websocket': {
              url: options.url ?? `${http.origin.replace('http:', 'ws:')}/jmap/ws/`,
              supportsPush: options.supportsPush ?? true,
            },
          }),
    }
    if (request.url === '/jmap/') {
      const limits =
        options.maxConcurrentRequests === undefined
          ? {}
          : { maxConcurrentRequests: options.maxConcurrentRequests }
      const core = { ...(sessionBody({}, limits).capabilities as Record<string, unknown>) }
      sendJson(response, 200, sessionBody({ capabilities: { ...core, ...capabilities } }))
    } else response.writeHead(404).end()
  })
  const wss = new WebSocketServer({
    server: http.server,
    path: '/jmap/ws/',
    handleProtocols: (protocols) => (protocols.has('jmap') ? 'jmap' : false),
    verifyClient: () => !(options.refuseReconnect === true && seen.connections.length > 0),
  })
  wss.on('connection', (socket, request) => {
    seen.authorization = request.headers.authorization
    seen.connections.push(request.url ?? '')
    const connection = seen.connections.length
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>
      seen.messages.push(message)
      const type = message['@type']
      if (
        type === 'Request' &&
        (message.using as string[]).includes('urn:example:drop') &&
        connection === 1
      ) {
        // The network fails under the first connection, with requests unanswered.
        setTimeout(() => socket.terminate(), 20)
      } else if (type === 'Request' && (message.using as string[]).includes('urn:example:nope')) {
        socket.send(
          JSON.stringify({
            '@type': 'RequestError',
            requestId: message.id,
            type: 'urn:ietf:params:jmap:error:unknownCapability',
            status: 400,
          }),
        )
      } else if (type === 'Request' && (message.methodCalls as unknown[]).length === 0) {
        socket.close(1011, 'crash')
      } else if (
        type === 'Request' &&
        (message.using as string[]).includes('urn:example:garbage')
      ) {
        socket.send('{"@type": "Response", "requestId": ')
      } else if (type === 'Request' && (message.using as string[]).includes('urn:example:silent')) {
        // Never answered: the client's timeout must end the wait.
      } else if (type === 'Request' && (message.using as string[]).includes('urn:example:slow')) {
        seen.outstanding++
        seen.mostOutstanding = Math.max(seen.mostOutstanding, seen.outstanding)
        setTimeout(() => {
          seen.outstanding--
          socket.send(
            JSON.stringify({
              '@type': 'Response',
              requestId: message.id,
              methodResponses: message.methodCalls,
              sessionState: 's1',
            }),
          )
        }, 20)
      } else if (type === 'Request') {
        // Answer out of order to prove responses are paired by requestId.
        setTimeout(
          () =>
            socket.send(
              JSON.stringify({
                '@type': 'Response',
                requestId: message.id,
                methodResponses: message.methodCalls,
                sessionState: 's1',
              }),
            ),
          message.id === 'r0' ? 30 : 0,
        )
      } else if (type === 'WebSocketPushEnable') {
        socket.send(
          JSON.stringify({
            '@type': 'StateChange',
            changed: { u1: { Email: `e${connection + 1}` } },
            pushState: `p${connection}`,
          }),
        )
      }
    })
  })
  cleanups.push(
    () => http.close(),
    () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close(() => resolve())
      }),
  )
  const connection = createConnection({
    sessionUrl: `${http.origin}/jmap/`,
    auth: { basic: { username: 'test', password: 'test' } },
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  })
  return { connection, seen }
}

const core = 'urn:ietf:params:jmap:core'

// Node 22+ has a global WebSocket (the default, which is what CI tests);
// on an older Node, ws stands in so the suite still runs there.
// (ws's overloads, whose first one takes a null address, hide that it fits.)
const socketOptions: WebSocketOptions =
  typeof globalThis.WebSocket === 'function'
    ? {}
    : { WebSocket: WebSocket as unknown as WebSocketConstructor }

describe('webSocket (RFC 8887)', () => {
  it('sends requests over the jmap subprotocol with credentials and pairs responses by id', async () => {
    const { connection, seen } = await webSocketServer()
    const socket = await connection.webSocket(socketOptions)
    const [first, second] = await Promise.all([
      socket.send({ using: [core], methodCalls: [['Core/echo', { n: 1 }, 'a']] }),
      socket.send({ using: [core], methodCalls: [['Core/echo', { n: 2 }, 'b']] }),
    ])
    expect(first.methodResponses).toEqual([['Core/echo', { n: 1 }, 'a']])
    expect(second.methodResponses).toEqual([['Core/echo', { n: 2 }, 'b']])
    expect(seen.authorization).toMatch(/^Basic /)
    expect(seen.messages[0]).toMatchObject({ '@type': 'Request', id: 'r0' })
    socket.close()
  })

  it('turns a RequestError into a RequestProblemError', async () => {
    const { connection } = await webSocketServer()
    const socket = await connection.webSocket(socketOptions)
    const error = await socket
      .send({ using: ['urn:example:nope'], methodCalls: [['Core/echo', {}, 'a']] })
      .catch((caught: unknown) => caught)
    expect(isRequestProblemError(error) && error.problemType).toBe(
      'urn:ietf:params:jmap:error:unknownCapability',
    )
    socket.close()
  })

  it('enables push and yields StateChanges with pushState', async () => {
    const { connection, seen } = await webSocketServer()
    const socket = await connection.webSocket(socketOptions)
    const changes = socket.push({ dataTypes: ['Email'] })
    for await (const change of changes) {
      expect(change).toEqual({
        '@type': 'StateChange',
        changed: { u1: { Email: 'e2' } },
        pushState: 'p1',
      })
      break
    }
    expect(seen.messages[0]).toEqual({ '@type': 'WebSocketPushEnable', dataTypes: ['Email'] })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seen.messages[1]).toEqual({ '@type': 'WebSocketPushDisable' })
    socket.close()
  })

  it('rejects pending requests when the socket closes', async () => {
    const { connection } = await webSocketServer()
    const socket = await connection.webSocket(socketOptions)
    const error = await socket
      .send({ using: [core], methodCalls: [] })
      .catch((caught: unknown) => caught)
    expect(isTransportError(error)).toBe(true)
  })

  it('fails waiting requests on a message that is not JSON', async () => {
    const { connection } = await webSocketServer()
    const socket = await connection.webSocket(socketOptions)
    const error = await socket
      .send({ using: ['urn:example:garbage'], methodCalls: [['Core/echo', {}, 'a']] })
      .catch((caught: unknown) => caught)
    expect(isResponseValidationError(error)).toBe(true)
  })

  it('refuses when the server does not advertise WebSocket, or puts it on another origin', async () => {
    const plain = await webSocketServer({ advertise: false })
    const missing = await plain.connection
      .webSocket(socketOptions)
      .catch((caught: unknown) => caught)
    expect(isSessionError(missing) && missing.problem).toBe('missingCapability')
    const elsewhere = await webSocketServer({ url: 'wss://evil.example/ws' })
    const untrusted = await elsewhere.connection
      .webSocket(socketOptions)
      .catch((caught: unknown) => caught)
    expect(isSessionError(untrusted) && untrusted.problem).toBe('untrustedUrl')
  })

  it('ends a request the server never answers with a timeout TransportError', async () => {
    const { connection } = await webSocketServer({ timeout: 100 })
    const socket = await connection.webSocket(socketOptions)
    const error = await socket
      .send({ using: [core, 'urn:example:silent'], methodCalls: [['Core/echo', {}, 'a']] })
      .catch((caught: unknown) => caught)
    expect(isTransportError(error) && error.failure).toBe('timeout')
    expect(isTransportError(error) && error.writeMayHaveHappened).toBe(false)
    const after = await socket.send({ using: [core], methodCalls: [['Core/echo', {}, 'b']] })
    expect(after.methodResponses).toEqual([['Core/echo', {}, 'b']])
    socket.close()
  })

  it('keeps no more requests in flight than the session maxConcurrentRequests', async () => {
    const { connection, seen } = await webSocketServer({ maxConcurrentRequests: 2 })
    const socket = await connection.webSocket(socketOptions)
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        socket.send({
          using: [core, 'urn:example:slow'],
          methodCalls: [['Core/echo', { n }, 'a']],
        }),
      ),
    )
    expect(responses.map((r) => r.methodResponses[0]?.[1])).toEqual(
      Array.from({ length: 6 }, (_, n) => ({ n })),
    )
    expect(seen.mostOutstanding).toBe(2)
    socket.close()
  })

  it('refuses an authorize hook that sends the ticket to another origin', async () => {
    const { connection } = await webSocketServer()
    const error = await connection
      .webSocket({ ...socketOptions, authorize: () => 'ws://evil.example/jmap/ws/?ticket=t' })
      .catch((caught: unknown) => caught)
    expect(isSessionError(error) && error.problem).toBe('untrustedUrl')
  })
})

describe('webSocket reconnect', () => {
  const fast = { attempts: 3, initialDelay: 10, maxDelay: 40 }
  const read = (n: number) => ({
    using: [core, 'urn:example:drop'],
    methodCalls: [['Core/echo', { n }, 'a']] as [string, Record<string, unknown>, string][],
  })

  it('reconnects with a fresh ticket, re-sends a waiting read and fails a waiting write unsent', async () => {
    const { connection, seen } = await webSocketServer()
    let tickets = 0
    const socket = await connection.webSocket({
      ...socketOptions,
      reconnect: fast,
      authorize: ({ url }) => `${url.href}?ticket=t${++tickets}`,
    })
    const write = socket
      .send({
        using: [core, 'urn:example:silent'],
        methodCalls: [['Mailbox/set', { accountId: 'u1', destroy: ['m1'] }, 'w']],
      })
      .catch((caught: unknown) => caught)
    const answer = await socket.send(read(1))
    expect(answer.methodResponses).toEqual([['Core/echo', { n: 1 }, 'a']])
    const error = await write
    expect(isTransportError(error) && error.failure).toBe('network')
    expect(isTransportError(error) && error.writeMayHaveHappened).toBe(true)
    expect(String(error)).toMatch(/dropped .* not re-sent/)
    expect(seen.connections).toEqual(['/jmap/ws/?ticket=t1', '/jmap/ws/?ticket=t2'])
    const sets = seen.messages.filter((m) => JSON.stringify(m.methodCalls).includes('Mailbox/set'))
    expect(sets).toHaveLength(1)
    const reads = seen.messages.filter((m) => JSON.stringify(m.methodCalls).includes('"n":1'))
    expect(reads).toHaveLength(2)
    // The new socket carries new requests.
    const after = await socket.send({ using: [core], methodCalls: [['Core/echo', {}, 'b']] })
    expect(after.methodResponses).toEqual([['Core/echo', {}, 'b']])
    socket.close()
  })

  it('re-enables push from the last pushState so no StateChange is lost', async () => {
    const { connection, seen } = await webSocketServer()
    const socket = await connection.webSocket({ ...socketOptions, reconnect: fast })
    const states: string[] = []
    for await (const change of socket.push({ dataTypes: ['Email'] })) {
      states.push(change.pushState ?? '')
      if (states.length === 1) await socket.send(read(1))
      else break
    }
    expect(states).toEqual(['p1', 'p2'])
    const enables = seen.messages.filter((m) => m['@type'] === 'WebSocketPushEnable')
    expect(enables).toEqual([
      { '@type': 'WebSocketPushEnable', dataTypes: ['Email'] },
      { '@type': 'WebSocketPushEnable', dataTypes: ['Email'], pushState: 'p1' },
    ])
    expect(seen.connections).toHaveLength(2)
    socket.close()
  })

  it('gives up after the bound with a typed error, for requests and push alike', async () => {
    const { connection, seen } = await webSocketServer({ refuseReconnect: true })
    const socket = await connection.webSocket({
      ...socketOptions,
      reconnect: { attempts: 2, initialDelay: 10 },
    })
    const changes = socket.push()
    const pushed = (async () => {
      for await (const _ of changes) {
        // Drain until the connection is lost for good.
      }
    })().catch((caught: unknown) => caught)
    const error = await socket.send(read(1)).catch((caught: unknown) => caught)
    expect(isTransportError(error) && error.failure).toBe('network')
    expect(String(error)).toMatch(/gave up after 2 reconnect attempts/)
    expect(isTransportError((error as Error).cause)).toBe(true)
    expect(await pushed).toBe(error)
    expect(await socket.send(read(2)).catch((caught: unknown) => caught)).toBe(error)
    expect(seen.connections).toHaveLength(1)
  })

  it('stops reconnecting on close() and fails what was waiting', async () => {
    const { connection, seen } = await webSocketServer()
    const socket = await connection.webSocket({
      ...socketOptions,
      reconnect: { initialDelay: 200 },
    })
    const waiting = socket.send(read(1)).catch((caught: unknown) => caught)
    await new Promise((resolve) => setTimeout(resolve, 80))
    socket.close()
    const error = await waiting
    expect(String(error)).toMatch(/closed by close\(\)/)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(seen.connections).toHaveLength(1)
  })

  it('fails everything at the first drop when reconnect is off', async () => {
    const { connection, seen } = await webSocketServer()
    const socket = await connection.webSocket({ ...socketOptions, reconnect: false })
    const error = await socket.send(read(1)).catch((caught: unknown) => caught)
    expect(isTransportError(error) && error.writeMayHaveHappened).toBe(true)
    expect(String(error)).toMatch(/reconnect is off/)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen.connections).toHaveLength(1)
  })
})
