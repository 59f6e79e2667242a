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
import { isInvalidRequestError } from '../errors/invalid-request-error.js'
import { isRedirectRefusedError } from '../errors/redirect-refused-error.js'
import { isRequestProblemError } from '../errors/request-problem-error.js'
import { isTransportError } from '../errors/transport-error.js'
import { createHttpTransport, type HttpTransportOptions } from './http-transport.js'
import { withUploadProgress } from './upload-progress.js'

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

  it('drops Authorization on a redirect to another origin when asked to follow it', async () => {
    const other = await serve((_request, response) => sendJson(response, 200, {}))
    const server = await serve((_request, response) => {
      response.writeHead(307, { location: `${other.origin}/jmap/` }).end()
    })
    await transportFor(server).request({
      method: 'GET',
      url: new URL(server.origin),
      retrySafe: true,
      followUntrustedRedirects: true,
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

describe('redirects to untrusted origins', () => {
  it.each([307, 308])(
    'refuses a %i of a POST to another origin without sending the body there',
    async (status) => {
      const other = await serve((_request, response) => sendJson(response, 200, { forged: true }))
      const server = await serve((_request, response) => {
        response.writeHead(status, { location: `${other.origin}/api/` }).end()
      })
      const error = await failure(
        transportFor(server).exchange(
          { method: 'POST', url: new URL(server.origin), body: '{"secret":1}', retrySafe: true },
          ({ response }) => response.json(),
        ),
      )
      expect(isRedirectRefusedError(error)).toBe(true)
      expect(error).toMatchObject({ from: server.origin, to: other.origin, status })
      expect(String(error)).toContain(server.origin)
      expect(String(error)).toContain(other.origin)
      expect(other.requests).toHaveLength(0)
    },
  )

  it('refuses a GET (download, event stream) redirected to another origin by default', async () => {
    const other = await serve((_request, response) => sendJson(response, 200, {}))
    const server = await serve((_request, response) => {
      response.writeHead(302, { location: `${other.origin}/blob` }).end()
    })
    const error = await failure(
      transportFor(server).request({ method: 'GET', url: new URL(server.origin), retrySafe: true }),
    )
    expect(isRedirectRefusedError(error)).toBe(true)
    expect(other.requests).toHaveLength(0)
  })

  it('follows a redirect to a trusted origin', async () => {
    const other = await serve((_request, response) => sendJson(response, 200, { ok: 1 }))
    const server = await serve((_request, response) => {
      response.writeHead(307, { location: `${other.origin}/api/` }).end()
    })
    const transport = transportFor(server, {
      originPolicy: createOriginPolicy(new URL(server.origin), [other.origin]),
    })
    const answer = await transport.exchange(
      { method: 'POST', url: new URL(server.origin), body: '{}', retrySafe: true },
      ({ response }) => response.json(),
    )
    expect(answer).toEqual({ ok: 1 })
    expect(other.requests[0]?.headers.authorization).toBeDefined()
  })

  // A browser hides manual redirects (an opaque response): the target is unknown.
  function browserLikeFetch(finalUrl: string): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init)
      if (request.redirect === 'manual') {
        const hidden = new Response(null, { status: 200 })
        Object.defineProperty(hidden, 'type', { value: 'opaqueredirect' })
        return hidden
      }
      const followed = new Response('{"forged":true}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })
      Object.defineProperty(followed, 'url', { value: finalUrl })
      Object.defineProperty(followed, 'redirected', { value: true })
      return followed
    }
  }

  it('refuses an opaque (browser) redirect of a POST: the body is never replayed blind', async () => {
    let calls = 0
    const inner = browserLikeFetch('https://elsewhere.example/api/')
    const transport = createHttpTransport({
      credentials: createCredentials(undefined),
      originPolicy: createOriginPolicy(new URL('https://jmap.example/'), []),
      fetch: (input, init) => {
        calls++
        return inner(input, init)
      },
    })
    const error = await failure(
      transport.request({
        method: 'POST',
        url: new URL('https://jmap.example/api/'),
        body: '{}',
        retrySafe: true,
      }),
    )
    expect(isRedirectRefusedError(error) && error.to).toBeUndefined()
    expect(String(error)).toContain('https://jmap.example')
    expect(calls).toBe(1)
  })

  it('refuses a browser-followed GET that ended at an untrusted origin', async () => {
    const transport = createHttpTransport({
      credentials: createCredentials(undefined),
      originPolicy: createOriginPolicy(new URL('https://jmap.example/'), []),
      fetch: browserLikeFetch('https://elsewhere.example/blob'),
    })
    const error = await failure(
      transport.request({
        method: 'GET',
        url: new URL('https://jmap.example/d/'),
        retrySafe: true,
      }),
    )
    expect(error).toMatchObject({ from: 'https://jmap.example', to: 'https://elsewhere.example' })
  })
})

describe('the timeout covers the whole exchange', () => {
  it('ends a body that stalls after the headers in a TransportError (timeout)', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"methodResponses":[')
    })
    const started = performance.now()
    const error = await failure(
      transportFor(server, { timeout: 300 }).exchange(
        { method: 'POST', url: new URL(server.origin), body: '{}', retrySafe: false },
        ({ response }) => response.text(),
      ),
    )
    expect(isTransportError(error)).toBe(true)
    expect(error).toMatchObject({ failure: 'timeout', writeMayHaveHappened: true })
    expect(performance.now() - started).toBeLessThan(3_000)
  })

  it('keeps the caller abort reason while the body is read', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('[')
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('user gave up')), 100)
    const error = await failure(
      transportFor(server).exchange(
        {
          method: 'GET',
          url: new URL(server.origin),
          retrySafe: true,
          signal: controller.signal,
        },
        ({ response }) => response.text(),
      ),
    )
    expect(error).toMatchObject({ message: 'user gave up' })
  })
})

describe('Retry-After', () => {
  it('fails at once with the hint when the server asks for longer than the bound', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(503, { 'retry-after': '3600' }).end()
    })
    const started = performance.now()
    const error = await failure(
      createHttpTransport({
        credentials: createCredentials(undefined),
        originPolicy: createOriginPolicy(new URL(server.origin), []),
        timeout: 3_000,
      }).request({ method: 'GET', url: new URL(server.origin), retrySafe: true }),
    )
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(isHttpStatusError(error)).toBe(true)
    expect(error).toMatchObject({ status: 503, retryAfter: 3_600_000 })
    expect(String(error)).toContain('retry after 3600 s')
    expect(server.requests).toHaveLength(1)
  })

  it('fails at once when the hint is within maxRetryAfter but beyond the timeout', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(429, { 'retry-after': '5' }).end()
    })
    const started = performance.now()
    const error = await failure(
      transportFor(server, { timeout: 1_000, retry: { maxRetryAfter: 60_000 } }).request({
        method: 'GET',
        url: new URL(server.origin),
        retrySafe: true,
      }),
    )
    expect(performance.now() - started).toBeLessThan(900)
    expect(error).toMatchObject({ status: 429, retryAfter: 5_000 })
  })
})

describe('caller mistakes in headers', () => {
  it.each([
    ['a bearer token with CRLF', { bearer: 'abc\r\nX-Injected: 1' }, {}, 'headers.authorization'],
    [
      'an upload type with LF',
      undefined,
      { 'content-type': 'text/plain\nx: y' },
      'headers.content-type',
    ],
  ] as const)(
    'reports %s as an InvalidRequestError, sending nothing',
    async (_name, auth, headers, path) => {
      const server = await serve((_request, response) => sendJson(response, 200, {}))
      const error = await failure(
        createHttpTransport({
          credentials: createCredentials(auth),
          originPolicy: createOriginPolicy(new URL(server.origin), []),
        }).request({
          method: 'POST',
          url: new URL(server.origin),
          body: 'x',
          headers,
          retrySafe: true,
        }),
      )
      expect(isInvalidRequestError(error)).toBe(true)
      expect(error).toMatchObject({ path })
      expect(String(error)).not.toContain('abc')
      expect(server.requests).toHaveLength(0)
    },
  )
})

describe('a request the browser refuses (CORS, mixed content, offline)', () => {
  it.each(['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'])(
    'ends "%s" in one TransportError that names the refusal, without retrying',
    async (message) => {
      let calls = 0
      const refusingFetch: typeof fetch = async () => {
        calls++
        throw new TypeError(message)
      }
      const error = await failure(
        createHttpTransport({
          credentials: createCredentials(undefined),
          originPolicy: createOriginPolicy(new URL('https://jmap.example'), []),
          fetch: refusingFetch,
          retry: { limit: 3, backoffLimit: 1 },
        }).request({ method: 'GET', url: new URL('https://jmap.example/jmap/'), retrySafe: true }),
      )
      expect(isTransportError(error)).toBe(true)
      expect(error).toMatchObject({ failure: 'network', url: 'https://jmap.example/jmap/' })
      expect(String(error)).toContain('browser refused the request')
      expect(String(error)).toMatch(/CORS, mixed content or the network/)
      expect(calls).toBe(1)
    },
  )
})

describe('plain fetch', () => {
  it('hands fetch the URL string and no Request, retrying a 500 with backoff', async () => {
    const seen: unknown[] = []
    let calls = 0
    const countingFetch: typeof fetch = async (input) => {
      seen.push(input)
      calls++
      return calls === 1
        ? new Response('oops', { status: 500 })
        : new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
    }
    const { response } = await createHttpTransport({
      credentials: createCredentials(undefined),
      originPolicy: createOriginPolicy(new URL('https://jmap.example'), []),
      fetch: countingFetch,
      retry: { limit: 2, backoffLimit: 5 },
    }).request({ method: 'GET', url: new URL('https://jmap.example/api/'), retrySafe: true })
    expect(response.status).toBe(200)
    expect(seen).toEqual(['https://jmap.example/api/', 'https://jmap.example/api/'])
  })

  it('reports upload progress up to the whole body', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, {}))
    const reports: [number, number | undefined][] = []
    const body = new Uint8Array(200_000).fill(7)
    await transportFor(server).request({
      method: 'POST',
      url: new URL(server.origin),
      body,
      retrySafe: true,
      streamBody: (data) => withUploadProgress(data, (sent, total) => reports.push([sent, total])),
    })
    expect(reports.at(-1)).toEqual([200_000, 200_000])
    expect(server.requests[0]?.body.length).toBe(200_000)
  })
})
