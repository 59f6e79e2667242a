// Load: 1,000 sequential and 200 concurrent typed requests against the
// in-memory test server and real Cyrus, each behind a counting loopback proxy
// that sees every HTTP request on the wire: nothing lost or mismatched, and
// never more API requests in flight than the session's maxConcurrentRequests.
import { createServer, request as forward } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClient } from '@typed-jmap/core'
import { createTestServer } from '@typed-jmap/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { describeOnServer } from '../../../../scripts/integration/servers.js'

interface CountingProxy {
  /** The proxy's origin: every URL of the upstream, with this origin instead. */
  readonly origin: string
  /** API POSTs forwarded, and the most that were open (request to end of response) at once. */
  readonly posts: () => number
  readonly peak: () => number
  close(): Promise<void>
}

async function countingProxy(upstream: string): Promise<CountingProxy> {
  const target = new URL(upstream)
  let posts = 0
  let open = 0
  let peak = 0
  let origin = ''
  const server = createServer((incoming, outgoing) => {
    const isPost = incoming.method === 'POST'
    if (isPost) {
      posts++
      open++
      peak = Math.max(peak, open)
      // Open until the client has the last byte of the response.
      outgoing.on('close', () => open--)
    }
    const upstreamRequest = forward(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        if (isPost) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(outgoing)
          return
        }
        // The session may name the upstream's origin (the test server does,
        // Cyrus sends relative URLs): point it at the proxy so all traffic passes here.
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          const body = Buffer.from(
            Buffer.concat(chunks).toString('utf8').replaceAll(target.origin, origin),
          )
          const headers = { ...answer.headers, 'content-length': String(body.length) }
          delete headers['transfer-encoding']
          outgoing.writeHead(answer.statusCode ?? 502, headers).end(body)
        })
      },
    )
    upstreamRequest.on('error', () => outgoing.destroy())
    incoming.pipe(upstreamRequest)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    posts: () => posts,
    peak: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The two load runs against a JMAP server reached through `proxy`. */
function loadTests(
  target: () => Promise<{
    sessionUrl: string
    auth?: { basic: { username: string; password: string } }
  }>,
) {
  let proxy: CountingProxy | undefined
  afterAll(async () => {
    await proxy?.close()
  })

  async function client() {
    const { sessionUrl, auth } = await target()
    proxy ??= await countingProxy(new URL(sessionUrl).origin)
    const path = new URL(sessionUrl)
    const jmap = createClient({
      sessionUrl: `${proxy.origin}${path.pathname}`,
      ...(auth === undefined ? {} : { auth }),
      // One request per call: the load is the number of HTTP requests.
      batching: false,
    })
    const session = await jmap.session()
    const limit = session.capabilities['urn:ietf:params:jmap:core'].maxConcurrentRequests
    return { jmap, limit, proxy }
  }

  it('1,000 sequential typed requests: each answer is its own', async () => {
    const { jmap, proxy } = await client()
    const before = proxy.posts()
    for (let index = 0; index < 1_000; index++) {
      const echo = await jmap.request((b) => b.call('Core/echo', { index, tag: `s${index}` }))
      expect(echo).toEqual({ index, tag: `s${index}` })
    }
    expect(proxy.posts() - before).toBe(1_000)
  }, 120_000)

  it('200 concurrent typed requests: none lost or mismatched, the limit never exceeded on the wire', async () => {
    const { jmap, limit, proxy } = await client()
    const before = proxy.posts()
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        jmap.request((b) => b.call('Core/echo', { index, tag: `c${index}` })),
      ),
    )
    expect(answers).toEqual(
      Array.from({ length: 200 }, (_, index) => ({ index, tag: `c${index}` })),
    )
    expect(proxy.posts() - before).toBe(200)
    expect(proxy.peak()).toBeGreaterThan(0)
    expect(proxy.peak()).toBeLessThanOrEqual(limit)
  }, 120_000)
}

describe('load against the in-memory test server', () => {
  const server = createTestServer({ limits: { maxConcurrentRequests: 4 } })
  const listening = server.listen()
  afterAll(async () => {
    await (await listening).close()
  })
  loadTests(async () => ({ sessionUrl: (await listening).sessionUrl }))
})

describeOnServer(['cyrus-3.10'], 'load against Cyrus', (server) => {
  loadTests(async () => ({ sessionUrl: server.sessionUrl, auth: { basic: server.user } }))
})
