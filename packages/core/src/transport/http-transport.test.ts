import { afterEach, describe, expect, it } from 'vitest'
import {
  type LocalHttpServer,
  sendJson,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { createCredentials } from '../auth/credentials.js'
import { createOriginPolicy } from '../auth/origin-policy.js'
import { isAuthenticationError } from '../errors/authentication-error.js'
import { isHttpStatusError } from '../errors/http-status-error.js'
import { isRequestProblemError } from '../errors/request-problem-error.js'
import { isTransportError } from '../errors/transport-error.js'
import { createHttpTransport, type HttpTransportOptions } from './http-transport.js'

const servers: LocalHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})
async function serve(handler: Parameters<typeof startLocalHttpServer>[0]) {
  const server = await startLocalHttpServer(handler)
  servers.push(server)
  return server
}
function transportFor(server: LocalHttpServer, options: Partial<HttpTransportOptions> = {}) {
  return createHttpTransport({
    credentials: createCredentials({ basic: { username: 'test', password: 'pässword' } }),
    originPolicy: createOriginPolicy(new URL(server.origin), []),
    retry: { limit: 2, backoffLimit: 20 },
    ...options,
  })
}
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('createHttpTransport', () => {
  it('sends UTF-8 Basic credentials to the configured origin', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, {}))
    await transportFor(server).request({
      method: 'GET',
      url: new URL(server.origin),
      retrySafe: true,
    })
    const expected = `Basic ${Buffer.from('test:pässword', 'utf8').toString('base64')}`
    expect(server.requests[0]?.headers.authorization).toBe(expected)
  })

  it.each([301, 307, 308])(
    'follows a %i redirect, resolving a relative Location',
    async (status) => {
      const server = await serve((request, response) => {
        if (request.url === '/.well-known/jmap') {
          response.writeHead(status, { location: '/jmap/' }).end()
        } else sendJson(response, 200, { at: request.url })
      })
      const { response, url } = await transportFor(server).request({
        method: 'GET',
        url: new URL(`${server.origin}/.well-known/jmap`),
        retrySafe: true,
      })
      expect(await response.json()).toEqual({ at: '/jmap/' })
      expect(url.href).toBe(`${server.origin}/jmap/`)
      expect(server.requests.map((request) => request.headers.authorization !== undefined)).toEqual(
        [true, true],
      )
    },
  )

  it('drops Authorization on a redirect to another origin', async () => {
    const other = await serve((_request, response) => sendJson(response, 200, {}))
    const server = await serve((_request, response) => {
      response.writeHead(307, { location: `${other.origin}/jmap/` }).end()
    })
    await transportFor(server).request({
      method: 'GET',
      url: new URL(server.origin),
      retrySafe: true,
    })
    expect(server.requests[0]?.headers.authorization).toBeDefined()
    expect(other.requests[0]?.headers.authorization).toBeUndefined()
  })

  it('refuses a redirect to a non-http scheme', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(302, { location: 'file:///etc/passwd' }).end()
    })
    const error = await failure(
      transportFor(server).request({ method: 'GET', url: new URL(server.origin), retrySafe: true }),
    )
    expect(isHttpStatusError(error)).toBe(true)
  })

  it('asks a token provider again once after a 401, then gives up with an AuthenticationError', async () => {
    const server = await serve((request, response) => {
      if (request.headers.authorization === 'Bearer t2') sendJson(response, 200, {})
      else response.writeHead(401).end()
    })
    let asked = 0
    const tokens = ['t1', 't2']
    const transport = transportFor(server, {
      credentials: createCredentials({ token: async () => tokens[asked++] ?? 'none' }),
    })
    await transport.request({
      method: 'POST',
      url: new URL(server.origin),
      body: '{}',
      retrySafe: false,
    })
    expect(asked).toBe(2)
    tokens.length = 0
    asked = 0
    const failing = createHttpTransport({
      credentials: createCredentials({ token: async () => `t${++asked + 10}` }),
      originPolicy: createOriginPolicy(new URL(server.origin), []),
    })
    const error = await failure(
      failing.request({ method: 'GET', url: new URL(server.origin), retrySafe: true }),
    )
    expect(isAuthenticationError(error)).toBe(true)
    expect(asked).toBe(2)
  })

  it('ends a 403 in an AuthenticationError without retrying', async () => {
    const server = await serve((_request, response) => response.writeHead(403).end())
    const error = await failure(
      transportFor(server).request({ method: 'GET', url: new URL(server.origin), retrySafe: true }),
    )
    expect(isAuthenticationError(error) && error.status).toBe(403)
    expect(server.requests).toHaveLength(1)
  })

  it('retries a safe request on 503 honouring Retry-After', async () => {
    const server = await serve((_request, response) => {
      if (server.requests.length === 1) response.writeHead(503, { 'retry-after': '1' }).end()
      else sendJson(response, 200, { ok: 1 })
    })
    const started = performance.now()
    const { response } = await transportFor(server).request({
      method: 'POST',
      url: new URL(server.origin),
      body: '{}',
      retrySafe: true,
    })
    expect(await response.json()).toEqual({ ok: 1 })
    expect(server.requests).toHaveLength(2)
    expect(performance.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('retries a safe request on 429', async () => {
    const server = await serve((_request, response) => {
      if (server.requests.length === 1) response.writeHead(429, { 'retry-after': '0' }).end()
      else sendJson(response, 200, {})
    })
    await transportFor(server).request({
      method: 'GET',
      url: new URL(server.origin),
      retrySafe: true,
    })
    expect(server.requests).toHaveLength(2)
  })

  it('never retries a request holding a write', async () => {
    const server = await serve((_request, response) =>
      response.writeHead(503, { 'retry-after': '0' }).end(),
    )
    const error = await failure(
      transportFor(server).request({
        method: 'POST',
        url: new URL(server.origin),
        body: '{}',
        retrySafe: false,
      }),
    )
    expect(isHttpStatusError(error) && error.status).toBe(503)
    expect(server.requests).toHaveLength(1)
  })

  it('parses problem details into a RequestProblemError', async () => {
    const server = await serve((_request, response) =>
      sendJson(
        response,
        400,
        { type: 'urn:ietf:params:jmap:error:limit', limit: 'maxSizeRequest' },
        'application/problem+json',
      ),
    )
    const error = await failure(
      transportFor(server).request({
        method: 'POST',
        url: new URL(server.origin),
        body: '{}',
        retrySafe: false,
      }),
    )
    expect(isRequestProblemError(error)).toBe(true)
    expect(error).toMatchObject({
      problemType: 'urn:ietf:params:jmap:error:limit',
      status: 400,
      limit: 'maxSizeRequest',
    })
  })

  it('parses problem details sent as text/plain', async () => {
    const server = await serve((_request, response) => {
      response
        .writeHead(400, { 'content-type': 'text/plain' })
        .end('urn:ietf:params:jmap:error:notRequest')
    })
    const error = await failure(
      transportFor(server).request({
        method: 'POST',
        url: new URL(server.origin),
        body: '{}',
        retrySafe: false,
      }),
    )
    expect(isRequestProblemError(error) && error.problemType).toBe(
      'urn:ietf:params:jmap:error:notRequest',
    )
  })

  it('turns an HTML error page into an HttpStatusError with an excerpt', async () => {
    const server = await serve((_request, response) => {
      response
        .writeHead(502, { 'content-type': 'text/html' })
        .end('<html><h1>Bad Gateway</h1></html>')
    })
    const error = await failure(
      transportFor(server, { retry: false }).request({
        method: 'GET',
        url: new URL(server.origin),
        retrySafe: true,
      }),
    )
    expect(isHttpStatusError(error)).toBe(true)
    expect(error).toMatchObject({ status: 502, contentType: 'text/html' })
    expect((error as { bodyExcerpt: string }).bodyExcerpt).toContain('Bad Gateway')
  })

  it('times out with a TransportError', async () => {
    const server = await serve(() => undefined)
    const error = await failure(
      transportFor(server, { timeout: 100, retry: false }).request({
        method: 'GET',
        url: new URL(server.origin),
        retrySafe: true,
      }),
    )
    expect(isTransportError(error) && error.failure).toBe('timeout')
  })

  it('rejects with the abort reason when the signal fires', async () => {
    const server = await serve(() => undefined)
    const controller = new AbortController()
    const pending = transportFor(server).request({
      method: 'GET',
      url: new URL(server.origin),
      retrySafe: true,
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(new Error('user gave up')), 50)
    expect(await failure(pending)).toMatchObject({ message: 'user gave up' })
  })

  it('retries a read after a connection reset', async () => {
    const server = await serve((_request, response, raw) => {
      if (server.requests.length === 1) raw.socket.destroy()
      else sendJson(response, 200, { ok: true })
    })
    const { response } = await transportFor(server).request({
      method: 'POST',
      url: new URL(server.origin),
      body: '{}',
      retrySafe: true,
    })
    expect(await response.json()).toEqual({ ok: true })
    expect(server.requests).toHaveLength(2)
  })

  it('reports a connection reset on a write, without retrying', async () => {
    const server = await serve((_request, _response, raw) => raw.socket.destroy())
    const error = await failure(
      transportFor(server).request({
        method: 'POST',
        url: new URL(server.origin),
        body: '{}',
        retrySafe: false,
      }),
    )
    expect(isTransportError(error)).toBe(true)
    expect(error).toMatchObject({ failure: 'network', writeMayHaveHappened: true })
    expect(server.requests).toHaveLength(1)
  })
})
