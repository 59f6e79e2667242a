import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One method call as received: `[name, arguments, callId]`. */
export type ReceivedCall = [string, Record<string, unknown>, string]

/** A local JMAP server for unit tests: a fixed session and scripted API answers. */
export interface StubJmapServer {
  readonly sessionUrl: string
  /** The `methodCalls` of every API request, in order. */
  readonly requests: ReceivedCall[][]
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Starts a JMAP server on a free loopback port. `answer` maps each received call to the
 * invocations to send back (the implicit Email/set after a submission included).
 */
export async function startStubJmapServer(
  answer: (call: ReceivedCall) => ReceivedCall[],
  limits: { readonly maxObjectsInSet?: number } = {},
): Promise<StubJmapServer> {
  const requests: ReceivedCall[][] = []
  const server = createServer((request, response) => {
    void (async () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      let body: unknown
      if (request.method === 'GET' && request.url === '/jmap/session') {
        body = {
          capabilities: {
            'urn:ietf:params:jmap:core': {
              maxSizeUpload: 50_000_000,
              maxConcurrentUpload: 4,
              maxSizeRequest: 10_000_000,
              maxConcurrentRequests: 4,
              maxCallsInRequest: 16,
              maxObjectsInGet: 500,
              maxObjectsInSet: limits.maxObjectsInSet ?? 500,
              collationAlgorithms: [],
            },
            'urn:ietf:params:jmap:mail': {},
            'urn:ietf:params:jmap:submission': {},
          },
          accounts: {
            a1: {
              name: 'test',
              isPersonal: true,
              isReadOnly: false,
              accountCapabilities: {
                'urn:ietf:params:jmap:mail': {},
                'urn:ietf:params:jmap:submission': {},
              },
            },
          },
          primaryAccounts: { 'urn:ietf:params:jmap:mail': 'a1' },
          username: 'test',
          apiUrl: `${origin}/jmap/api`,
          downloadUrl: `${origin}/jmap/download/{accountId}/{blobId}/{name}?type={type}`,
          uploadUrl: `${origin}/jmap/upload/{accountId}/`,
          eventSourceUrl: `${origin}/jmap/events?types={types}&closeafter={closeafter}&ping={ping}`,
          state: 's0',
        }
      } else if (request.method === 'POST' && request.url === '/jmap/api') {
        const { methodCalls } = JSON.parse(await readBody(request)) as {
          methodCalls: ReceivedCall[]
        }
        requests.push(methodCalls)
        body = { methodResponses: methodCalls.flatMap(answer), sessionState: 's0' }
      } else {
        response.writeHead(404).end()
        return
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    sessionUrl: `http://127.0.0.1:${port}/jmap/session`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
