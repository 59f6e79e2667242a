import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the local server received, with its body read. */
export interface ReceivedRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

/** A local node:http server for tests, recording every request. */
export interface LocalHttpServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  readonly requests: ReceivedRequest[]
  /** The node:http server, e.g. to attach a WebSocket server. */
  readonly server: Server
  close(): Promise<void>
}

/** What a test's handler does with one request. */
export type Handler = (
  request: ReceivedRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => unknown

/** Starts a server on a free loopback port. */
export async function startLocalHttpServer(handler: Handler): Promise<LocalHttpServer> {
  const requests: ReceivedRequest[] = []
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = []
    raw.on('data', (chunk: Buffer) => chunks.push(chunk))
    raw.on('end', () => {
      const received: ReceivedRequest = {
        method: raw.method ?? 'GET',
        url: raw.url ?? '/',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(received)
      Promise.resolve(handler(received, response, raw)).catch((error: unknown) => {
        response.statusCode = 599
        response.end(String(error))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Answers with a JSON body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
): void {
  const text = JSON.stringify(body)
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) })
  response.end(text)
}

/** A session object like Cyrus's (relative URLs), with overridable members. */
export function sessionBody(
  overrides: Record<string, unknown> = {},
  core: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    username: 'test',
    apiUrl: '/jmap/',
    downloadUrl: '/jmap/download/{accountId}/{blobId}/{name}?accept={type}',
    uploadUrl: '/jmap/upload/{accountId}/',
    eventSourceUrl: '/jmap/eventsource/?types={types}&closeafter={closeafter}&ping={ping}',
    state: 's1',
    capabilities: {
      'urn:ietf:params:jmap:core': {
        maxSizeUpload: 1_000_000,
        maxConcurrentUpload: 2,
        maxSizeRequest: 100_000,
        maxConcurrentRequests: 2,
        maxCallsInRequest: 3,
        maxObjectsInGet: 100,
        maxObjectsInSet: 100,
        collationAlgorithms: [],
        ...core,
      },
      'urn:ietf:params:jmap:mail': {},
    },
    accounts: {
      u1: {
        name: 'test',
        isPersonal: true,
        isReadOnly: false,
        accountCapabilities: { 'urn:ietf:params:jmap:core': {}, 'urn:ietf:params:jmap:mail': {} },
      },
    },
    primaryAccounts: { 'urn:ietf:params:jmap:mail': 'u1' },
    ...overrides,
  }
}

/** Echoes each method call back as its response, like Core/echo for every method. */
export function echoResponse(body: string, sessionState = 's1'): Record<string, unknown> {
  const request = JSON.parse(body) as { methodCalls: [string, unknown, string][] }
  return { methodResponses: request.methodCalls, sessionState }
}
