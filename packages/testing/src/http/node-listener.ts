import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'
import { isDroppedConnectionError } from '../faults/dropped-connection-error.js'
import { isAllowedOrigin, preflightResponse, withCorsHeaders } from './cors.js'
import type { Listen, ListeningServer } from './listener.js'
import { endpointPaths } from './session-resource.js'
import { handleWebSocket } from './web-socket-session.js'

async function toRequest(
  message: IncomingMessage,
  origin: string,
  signal: AbortSignal,
): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = message.method ?? 'GET'
  const init: RequestInit = { method, headers, signal }
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = []
    for await (const chunk of message) chunks.push(chunk as Buffer)
    init.body = Buffer.concat(chunks)
  }
  return new Request(new URL(message.url ?? '/', origin), init)
}

async function sendResponse(response: Response, out: ServerResponse): Promise<void> {
  out.writeHead(response.status, Object.fromEntries(response.headers))
  if (response.body === null) {
    out.end()
    return
  }
  out.flushHeaders()
  const reader = response.body.getReader()
  out.on('close', () => {
    void reader.cancel().catch(() => undefined)
  })
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    out.write(value)
  }
  out.end()
}

/** How long a WebSocket ticket may wait to be used. */
const ticketLifetime = 60_000

/**
 * Serves the test server's `fetch` handler over HTTP on 127.0.0.1, with CORS
 * for browser pages on allowed origins and RFC 8887 WebSocket upgrades on
 * `/jmap/ws` (subprotocol `jmap`). A browser, which cannot send
 * `Authorization` on a WebSocket, POSTs to `/jmap/ws/ticket` with its normal
 * credentials and opens `/jmap/ws?ticket=…`; each ticket works once, within a minute.
 *
 * @see RFC 8887 §3
 * @example const listening = await listen({ port: 0, handle, runtime, authorized, announceWebSocket, cors: {} })
 */
export const listen: Listen = async ({
  port,
  handle,
  runtime,
  authorized,
  announceWebSocket,
  cors,
}): Promise<ListeningServer> => {
  const sockets = new Set<WebSocket>()
  const tickets = new Map<string, number>()
  const ticketPath = `${endpointPaths.webSocket}/ticket`
  const webSockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('jmap') ? 'jmap' : false),
  })
  let origin = ''

  function issueTicket(request: Request): Response {
    if (request.method !== 'POST') return new Response(null, { status: 405 })
    if (!authorized(request.headers.get('authorization') ?? undefined)) {
      return new Response(null, {
        status: 401,
        headers: { 'www-authenticate': 'Bearer realm="jmap"' },
      })
    }
    const ticket = crypto.randomUUID()
    tickets.set(ticket, Date.now() + ticketLifetime)
    return Response.json({ ticket })
  }

  function takeTicket(ticket: string | null): boolean {
    if (ticket === null) return false
    const expires = tickets.get(ticket)
    tickets.delete(ticket)
    return expires !== undefined && expires >= Date.now()
  }

  async function answer(request: Request): Promise<Response> {
    const preflight = preflightResponse(request, cors)
    if (preflight !== undefined) return preflight
    const path = new URL(request.url).pathname
    const response = path === ticketPath ? issueTicket(request) : await handle(request)
    return withCorsHeaders(request, response, cors)
  }

  const server = createServer((message, out) => {
    const controller = new AbortController()
    out.on('close', () => controller.abort())
    void (async () => {
      try {
        const response = await answer(await toRequest(message, origin, controller.signal))
        await sendResponse(response, out)
      } catch (error) {
        if (isDroppedConnectionError(error)) message.socket.destroy()
        else if (!out.headersSent) out.writeHead(500).end()
        else out.destroy()
      }
    })()
  })
  server.on('upgrade', (message, socket, head) => {
    const url = new URL(message.url ?? '/', origin)
    // Browsers send Origin on a WebSocket; a page on a foreign origin must not
    // ride on the user's cookies or tickets (cross-site WebSocket hijacking).
    const pageOrigin = message.headers.origin
    if (pageOrigin !== undefined && !isAllowedOrigin(pageOrigin, cors)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const allowed =
      authorized(message.headers.authorization) || takeTicket(url.searchParams.get('ticket'))
    if (url.pathname !== endpointPaths.webSocket || !allowed) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n')
      return
    }
    webSockets.handleUpgrade(message, socket, head, (webSocket) => {
      if (webSocket.protocol !== 'jmap') {
        webSocket.close(1002, 'the jmap subprotocol is required')
        return
      }
      sockets.add(webSocket)
      webSocket.on('close', () => sockets.delete(webSocket))
      handleWebSocket(runtime, webSocket)
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  origin = `http://127.0.0.1:${address.port}`
  announceWebSocket(`ws://127.0.0.1:${address.port}`)
  return {
    url: origin,
    sessionUrl: `${origin}${endpointPaths.session}`,
    async close() {
      for (const webSocket of sockets) webSocket.terminate()
      webSockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
