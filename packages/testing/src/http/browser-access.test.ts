import { createClient, isTransportError, type WebSocketConstructor } from '@typed-jmap/core'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createTestServer, type TestServer } from '../server/create-test-server.js'
import type { ListeningServer } from './listener.js'

const auth = { basic: { username: 'alice', password: 'secret' } }
const authorization = `Basic ${btoa('alice:secret')}`

let server: TestServer
let listening: ListeningServer
afterEach(async () => {
  await server.close()
})

async function start(options: Parameters<typeof createTestServer>[0] = {}): Promise<void> {
  server = createTestServer({ auth, ...options })
  listening = await server.listen()
}

function preflight(origin: string, headers = 'authorization, content-type'): Promise<Response> {
  return fetch(`${listening.url}/jmap/api`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': headers,
    },
  })
}

/** A WebSocket that, like a browser's, cannot send headers. */
const BrowserLikeWebSocket = class extends WebSocket {
  constructor(url: string, protocols: string | string[]) {
    super(url, protocols, { headers: { origin: 'http://localhost:5173' } })
  }
} as unknown as WebSocketConstructor

describe('CORS on the HTTP listener', () => {
  it('answers a preflight from a loopback page without credentials', async () => {
    await start()
    const answer = await preflight('http://localhost:5173')
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST')
    expect(answer.headers.get('access-control-allow-headers')).toContain('authorization')
    expect(answer.headers.get('vary')).toContain('origin')
  })

  it('refuses a preflight from another origin, and lets the page read nothing', async () => {
    await start()
    const answer = await preflight('https://evil.example')
    expect(answer.status).toBe(403)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    const read = await fetch(listening.sessionUrl, {
      headers: { origin: 'https://evil.example', authorization },
    })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('allows configured origins, and only loopback ones when told to', async () => {
    await start({ cors: { allowedOrigins: ['https://app.example'], allowLoopback: false } })
    expect((await preflight('https://app.example')).status).toBe(204)
    expect((await preflight('http://127.0.0.1:3000')).status).toBe(403)
  })

  it('marks real responses, including a 401, as readable by an allowed page', async () => {
    await start()
    const origin = 'http://127.0.0.1:5173'
    const ok = await fetch(listening.sessionUrl, { headers: { origin, authorization } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin)
    const refused = await fetch(listening.sessionUrl, { headers: { origin } })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin)
  })
})

describe('WebSocket tickets for browsers', () => {
  it('gives a ticket only for valid credentials, and each ticket opens one socket', async () => {
    await start()
    const ticketUrl = `${listening.url}/jmap/ws/ticket`
    expect((await fetch(ticketUrl, { method: 'POST' })).status).toBe(401)
    const issued = await fetch(ticketUrl, { method: 'POST', headers: { authorization } })
    const { ticket } = (await issued.json()) as { ticket: string }
    const open = (url: string) =>
      new Promise<number | 'open'>((resolve) => {
        const socket = new WebSocket(url, 'jmap')
        socket.on('open', () => {
          socket.close()
          resolve('open')
        })
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      })
    const wsUrl = `${listening.url.replace('http:', 'ws:')}/jmap/ws?ticket=${ticket}`
    expect(await open(wsUrl)).toBe('open')
    expect(await open(wsUrl)).toBe(401)
    expect(await open(`${listening.url.replace('http:', 'ws:')}/jmap/ws?ticket=made-up`)).toBe(401)
  })

  it('refuses an upgrade from a page on a foreign origin, even with credentials', async () => {
    await start()
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${listening.url.replace('http:', 'ws:')}/jmap/ws`, 'jmap', {
        headers: { origin: 'https://evil.example', authorization },
      })
      socket.on('open', () => resolve(101))
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    })
    expect(status).toBe(403)
  })

  it('lets a client that cannot send headers in through WebSocketOptions.authorize', async () => {
    await start()
    const jmap = createClient({ sessionUrl: listening.sessionUrl, auth })
    const refused = await jmap.connection
      .webSocket({ WebSocket: BrowserLikeWebSocket })
      .catch((error: unknown) => error)
    expect(isTransportError(refused) && refused.message).toMatch(/not authorized/)
    const socket = await jmap.connection.webSocket({
      WebSocket: BrowserLikeWebSocket,
      authorize: async ({ url, fetch }) => {
        const answer = await fetch(new URL(`${url.pathname}/ticket`, url), { method: 'POST' })
        const { ticket } = (await answer.json()) as { ticket: string }
        return `${url.href}?ticket=${encodeURIComponent(ticket)}`
      },
    })
    const response = await socket.send({
      using: ['urn:ietf:params:jmap:core'],
      methodCalls: [['Core/echo', { hello: true }, 'c0']],
    })
    expect(response.methodResponses).toEqual([['Core/echo', { hello: true }, 'c0']])
    socket.close()
  })
})

describe('listen() outside Node', () => {
  it('is refused by the fetch-only listener with a pointer to server.fetch', async () => {
    const { listen } = await import('./no-listener.js')
    server = createTestServer()
    const refused = await listen({
      port: 0,
      handle: server.fetch,
      runtime: server.runtime,
      authorized: () => true,
      announceWebSocket: () => undefined,
      cors: {},
    }).catch((error: unknown) => error)
    expect(String(refused)).toMatch(/server\.fetch/)
  })
})
