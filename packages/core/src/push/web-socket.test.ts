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
  options: { supportsPush?: boolean; advertise?: boolean; url?: string } = {},
) {
  const seen = {
    authorization: '' as string | undefined,
    messages: [] as Record<string, unknown>[],
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
    if (request.url === '/jmap/') sendJson(response, 200, sessionBody({ capabilities }))
    else response.writeHead(404).end()
  })
  const wss = new WebSocketServer({
    server: http.server,
    path: '/jmap/ws/',
    handleProtocols: (protocols) => (protocols.has('jmap') ? 'jmap' : false),
  })
  wss.on('connection', (socket, request) => {
    seen.authorization = request.headers.authorization
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>
      seen.messages.push(message)
      const type = message['@type']
      if (type === 'Request' && (message.using as string[]).includes('urn:example:nope')) {
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
            changed: { u1: { Email: 'e2' } },
            pushState: 'p1',
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
})
