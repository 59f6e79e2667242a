import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'
import { isDroppedConnectionError } from '../faults/dropped-connection-error.js'
import type { ServerRuntime } from '../server/server-runtime.js'
import { endpointPaths } from './session-resource.js'
import { handleWebSocket } from './web-socket-session.js'

/** A server listening on 127.0.0.1. */
export interface ListeningServer {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  /** The session URL on that origin. */
  readonly sessionUrl: string
  /** Stops listening and closes every open connection. */
  close(): Promise<void>
}

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

/**
 * Serves the test server's `fetch` handler over HTTP on 127.0.0.1, with RFC
 * 8887 WebSocket upgrades on `/jmap/ws` (subprotocol `jmap`).
 *
 * @see RFC 8887 §3
 */
export async function listenOnLoopback(
  port: number,
  handle: (request: Request) => Promise<Response>,
  runtime: ServerRuntime,
  authorized: (authorization: string | undefined) => boolean,
  announceWebSocket: (origin: string) => void,
): Promise<ListeningServer> {
  const sockets = new Set<WebSocket>()
  const webSockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('jmap') ? 'jmap' : false),
  })
  let origin = ''
  const server = createServer((message, out) => {
    const controller = new AbortController()
    out.on('close', () => controller.abort())
    void (async () => {
      try {
        const response = await handle(await toRequest(message, origin, controller.signal))
        await sendResponse(response, out)
      } catch (error) {
        if (isDroppedConnectionError(error)) message.socket.destroy()
        else if (!out.headersSent) out.writeHead(500).end()
        else out.destroy()
      }
    })()
  })
  server.on('upgrade', (message, socket, head) => {
    const path = new URL(message.url ?? '/', origin).pathname
    if (path !== endpointPaths.webSocket || !authorized(message.headers.authorization)) {
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
