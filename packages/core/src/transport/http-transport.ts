import type { Credentials } from '../auth/credentials.js'
import type { OriginPolicy } from '../auth/origin-policy.js'
import { AuthenticationError } from '../errors/authentication-error.js'
import { HttpStatusError } from '../errors/http-status-error.js'
import { InvalidRequestError } from '../errors/invalid-request-error.js'
import { RedirectRefusedError } from '../errors/redirect-refused-error.js'
import { RequestProblemError } from '../errors/request-problem-error.js'
import { TransportError } from '../errors/transport-error.js'
import { type Deadline, startDeadline } from './deadline.js'
import { parseJsonSafely } from './parse-json.js'
import { readProblemDetails } from './problem-details.js'
import { retryAfterMs } from './retry-after.js'
import { defaultRetryOptions, type RetryOptions } from './retry-options.js'

/**
 * Settings shared by every HTTP request of a connection.
 *
 * @example { credentials, originPolicy, timeout: 30_000, retry: { limit: 2 } }
 */
export interface HttpTransportOptions {
  readonly credentials: Credentials
  readonly originPolicy: OriginPolicy
  readonly fetch?: typeof fetch
  /**
   * Milliseconds one exchange may take from start to end: headers, retries and
   * their waits, and (for {@link HttpTransport.exchange}) the body; default 30 000.
   */
  readonly timeout?: number
  readonly retry?: RetryOptions | false
}

/**
 * One HTTP request as the runtime makes it.
 *
 * @example { method: 'POST', url: new URL('https://jmap.example/api/'), body: '{…}', retrySafe: true }
 */
export interface HttpRequest {
  readonly method: 'GET' | 'POST'
  readonly url: URL
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array<ArrayBuffer> | Blob | ReadableStream<Uint8Array>
  /** Whether repeating the request cannot duplicate a write. */
  readonly retrySafe: boolean
  readonly signal?: AbortSignal | undefined
  /**
   * Turns the body into the stream sent on each attempt (an upload reporting
   * its progress), or `undefined` to send the body as it is. A hook, so the
   * stream code is bundled only by apps that upload.
   */
  readonly streamBody?:
    | ((body: NonNullable<HttpRequest['body']>) => ReadableStream<Uint8Array> | undefined)
    | undefined
  /** Overrides the connection timeout; `false` for long-lived streams. */
  readonly timeout?: number | false
  /**
   * Follow a redirect to an origin the origin policy does not trust (without
   * credentials); default false, which refuses it with a {@link RedirectRefusedError}.
   */
  readonly followUntrustedRedirects?: boolean
}

/**
 * A successful (2xx) response and the URL it finally came from after redirects.
 *
 * @example { response, url: new URL('https://jmap.example/jmap/') }
 */
export interface HttpExchange {
  readonly response: Response
  readonly url: URL
}

/**
 * Sends HTTP requests on plain `fetch` with credentials, redirects, timeouts, retries
 * and typed errors.
 *
 * @see RFC 8620 §3.1
 * @example const { response } = await transport.request({ method: 'GET', url, retrySafe: true })
 */
export interface HttpTransport {
  /**
   * Sends a request and resolves once the headers of a 2xx response are in; the
   * timeout ends there, so the body can stream (downloads, the event stream).
   */
  request(request: HttpRequest): Promise<HttpExchange>
  /**
   * Sends a request and lets `read` consume the response within the same
   * timeout: a stalled body ends in a `TransportError` whose failure is `timeout`.
   */
  exchange<T>(request: HttpRequest, read: (exchange: HttpExchange) => Promise<T>): Promise<T>
}

const maxRedirects = 10
const redirectStatuses = new Set([301, 302, 303, 307, 308])
// HTTP field values: visible ASCII, space, tab and obs-text; CR, LF and NUL split
// or end a header and fetch refuses them with a bare TypeError.
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/

function replayable(body: HttpRequest['body']): boolean {
  return !(typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
}

function resolveLocation(location: string, base: URL): URL | undefined {
  // URL.parse needs Node 22; the runtime supports Node 20.
  try {
    return new URL(location, base)
  } catch {
    return undefined
  }
}

function checkHeaders(headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (headerValue.test(value)) continue
    // Never echo the value: it may be a token.
    const source =
      name === 'authorization'
        ? 'the configured credentials (bearer token or password)'
        : name === 'content-type'
          ? 'the media type given'
          : `the value given for ${name}`
    throw new InvalidRequestError(
      `${source} contain a line break or a character an HTTP header cannot carry`,
      { path: `headers.${name}` },
    )
  }
}

interface RetryWait {
  readonly ms: number
  readonly bound: number
}

const retryStatuses = new Set([408, 429, 500, 502, 503, 504])
const maxErrorBodyBytes = 64 * 1024
const jsonMediaType = /^application\/([a-z0-9.+-]*\+)?json\b/i
// What browsers say when they refuse a request without telling why (CORS, mixed
// content, offline): Chromium, Firefox and WebKit. Node's undici says "fetch failed".
const browserRefusals = new Set([
  'Failed to fetch',
  'NetworkError when attempting to fetch resource.',
  'Load failed',
])

function refusedByBrowser(error: unknown): boolean {
  return error instanceof TypeError && browserRefusals.has(error.message)
}

function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError
}

async function readErrorText(response: Response): Promise<string> {
  if (response.body === null) return ''
  // An error page is only read for its excerpt and problem type; a huge one is cut.
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let received = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      received += value.byteLength
      text += decoder.decode(value, { stream: true })
      if (received >= maxErrorBodyBytes) {
        await reader.cancel()
        break
      }
    }
  } catch {
    // A body cut off mid-read still leaves the status to report.
  }
  return text + decoder.decode()
}

function parseErrorBody(text: string, headers: Headers): unknown {
  if (!jsonMediaType.test(headers.get('content-type') ?? '')) return text
  try {
    return parseJsonSafely(text)
  } catch {
    return text
  }
}

/**
 * Creates the HTTP transport of a connection.
 *
 * @example const transport = createHttpTransport({ credentials, originPolicy })
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const retry = {
    ...defaultRetryOptions,
    ...(options.retry === false ? { limit: 0 } : options.retry),
  }

  async function errorFor(response: Response, url: URL, retryAfter?: RetryWait): Promise<Error> {
    const status = response.status
    if (status === 401 || status === 403) {
      await response.body?.cancel()
      return new AuthenticationError({ status, url: url.href })
    }
    const text = await readErrorText(response)
    const problem = readProblemDetails(parseErrorBody(text, response.headers))
    if (problem !== undefined) return new RequestProblemError(problem, status)
    return new HttpStatusError({
      status,
      url: url.href,
      contentType: response.headers.get('content-type') ?? '',
      bodyExcerpt: text.slice(0, 500),
      retryAfter,
    })
  }

  function timeoutError(request: HttpRequest, url: URL, deadline: Deadline, cause: unknown) {
    const writeMayHaveHappened = request.method === 'POST' && !request.retrySafe
    return new TransportError(
      `no complete response from ${url.href} within ${deadline.limit} ms (timeout)${writeMayHaveHappened ? '; the request held a write and was not retried, check the server state' : ''}`,
      { failure: 'timeout', url: url.href, writeMayHaveHappened },
      { cause },
    )
  }

  function failureOf(error: unknown, request: HttpRequest, url: URL, method: string): Error {
    const writeMayHaveHappened = method === 'POST' && !request.retrySafe
    const consequence = writeMayHaveHappened
      ? '; the request held a write and was not retried, check the server state'
      : ''
    if (refusedByBrowser(error)) {
      return new TransportError(
        `the browser refused the request to ${url.href} (CORS, mixed content or the network; the browser does not say which)${consequence}`,
        { failure: 'network', url: url.href, writeMayHaveHappened },
        { cause: error },
      )
    }
    return new TransportError(
      `request to ${url.href} failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}${consequence}`,
      { failure: 'network', url: url.href, writeMayHaveHappened },
      { cause: error },
    )
  }

  async function hop(
    request: HttpRequest,
    url: URL,
    method: string,
    follow: boolean,
    deadline: Deadline,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...request.headers }
    // Credentials only ever go to configured origins; a redirect elsewhere loses them.
    if (options.originPolicy.allows(url)) {
      const authorization = await options.credentials.header()
      if (authorization !== undefined) headers.authorization = authorization
    }
    checkHeaders(headers)
    const retries = request.retrySafe && replayable(request.body) ? Math.max(0, retry.limit) : 0
    for (let attempt = 0; ; attempt++) {
      const init: RequestInit & { duplex?: 'half' } = {
        method,
        headers,
        redirect: follow ? 'follow' : 'manual',
      }
      if (deadline.signal !== undefined) init.signal = deadline.signal
      if (method !== 'GET' && request.body !== undefined) {
        init.body = request.streamBody?.(request.body) ?? request.body
        if (init.body instanceof ReadableStream) init.duplex = 'half'
      }
      let response: Response
      try {
        // The URL string, not a Request: constructing one costs more than the fetch.
        response = await fetchImpl(url.href, init)
      } catch (error) {
        if (deadline.expired()) throw timeoutError(request, url, deadline, error)
        if (request.signal?.aborted) throw request.signal.reason
        if (attempt < retries && !refusedByBrowser(error) && isNetworkFailure(error)) {
          await pause(backoff(attempt), deadline, request, url)
          continue
        }
        throw failureOf(error, request, url, method)
      }
      if (response.status < 400) return response
      if (attempt >= retries || !retryStatuses.has(response.status)) {
        throw await errorFor(response, url)
      }
      let wait = backoff(attempt)
      if (response.status === 429 || response.status === 503) {
        const hinted = retryAfterMs(response.headers)
        if (hinted !== undefined) {
          // A wait longer than the bound (or than the time left) fails at once with
          // the server's hint, instead of holding the caller for minutes.
          const bound = Math.max(0, Math.min(retry.maxRetryAfter, deadline.remaining()))
          if (hinted > bound) {
            throw await errorFor(response, url, { ms: hinted, bound: Math.floor(bound) })
          }
          wait = hinted
        }
      }
      await response.body?.cancel()
      await pause(wait, deadline, request, url)
    }
  }

  function backoff(attempt: number): number {
    // Exponential from 300 ms with full jitter, so clients that failed together spread out.
    return Math.min(retry.backoffLimit, Math.random() * 300 * 2 ** attempt)
  }

  async function pause(ms: number, deadline: Deadline, request: HttpRequest, url: URL) {
    const signal = deadline.signal
    try {
      await new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason)
          return
        }
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', stop)
          resolve()
        }, ms)
        function stop(): void {
          clearTimeout(timer)
          reject(signal?.reason)
        }
        signal?.addEventListener('abort', stop, { once: true })
      })
    } catch (error) {
      if (deadline.expired()) throw timeoutError(request, url, deadline, error)
      throw request.signal?.aborted ? request.signal.reason : error
    }
  }

  function refuseUntrusted(
    request: HttpRequest,
    status: number,
    from: URL,
    to: URL | undefined,
  ): void {
    if (request.followUntrustedRedirects === true) return
    if (to !== undefined && options.originPolicy.allows(to)) return
    throw new RedirectRefusedError({
      status,
      url: from.href,
      to: to?.origin,
      trusted: options.originPolicy.origins,
    })
  }

  async function followRedirects(request: HttpRequest, deadline: Deadline): Promise<HttpExchange> {
    let url = request.url
    let method: string = request.method
    for (let hops = 0; hops <= maxRedirects; hops++) {
      const response = await hop(request, url, method, false, deadline)
      // Browsers hide manual redirects. A body must not be replayed to an origin
      // nobody can see, so a POST stops here; a GET may follow (the fetch
      // standard drops Authorization across origins) and the final URL is checked.
      if (response.type === 'opaqueredirect') {
        if (method === 'POST') refuseUntrusted(request, 0, url, undefined)
        const followed = await hop(request, url, method, true, deadline)
        const finalUrl = new URL(followed.url || url.href)
        if (followed.redirected && finalUrl.origin !== url.origin) {
          try {
            refuseUntrusted(request, 0, url, finalUrl)
          } catch (error) {
            await followed.body?.cancel()
            throw error
          }
        }
        return { response: followed, url: finalUrl }
      }
      if (!redirectStatuses.has(response.status)) return { response, url }
      await response.body?.cancel()
      const location = response.headers.get('location')
      const target = location === null ? undefined : resolveLocation(location, url)
      if (target === undefined || !/^https?:$/.test(target.protocol)) {
        throw new HttpStatusError({
          status: response.status,
          url: url.href,
          contentType: '',
          bodyExcerpt: `redirect to an unusable location ${JSON.stringify(location)}`,
        })
      }
      if (target.origin !== url.origin) refuseUntrusted(request, response.status, url, target)
      if (method === 'POST' && (response.status === 303 || !replayable(request.body))) {
        throw new HttpStatusError({
          status: response.status,
          url: url.href,
          contentType: '',
          bodyExcerpt: `refusing to replay a POST body to ${target.href}`,
        })
      }
      if (response.status === 303) method = 'GET'
      url = target
    }
    throw new HttpStatusError({
      status: 310,
      url: request.url.href,
      contentType: '',
      bodyExcerpt: `more than ${maxRedirects} redirects`,
    })
  }

  async function send(request: HttpRequest, deadline: Deadline): Promise<HttpExchange> {
    try {
      return await followRedirects(request, deadline)
    } catch (error) {
      // A 401 means the server did not act on the request, so even a write can
      // be sent again once a token provider has produced a fresh token.
      if (
        error instanceof AuthenticationError &&
        error.status === 401 &&
        replayable(request.body) &&
        (await options.credentials.renew())
      ) {
        return await followRedirects(request, deadline)
      }
      throw error
    }
  }

  function limitOf(request: HttpRequest): number | false {
    return request.timeout ?? options.timeout ?? 30_000
  }

  return {
    async request(request) {
      const deadline = startDeadline(limitOf(request), request.signal)
      try {
        return await send(request, deadline)
      } catch (error) {
        deadline.dispose()
        throw error
      } finally {
        // The body may stream for long; the caller's signal still cancels it.
        deadline.stopClock()
      }
    },
    async exchange(request, read) {
      const deadline = startDeadline(limitOf(request), request.signal)
      let url = request.url
      try {
        const exchange = await send(request, deadline)
        url = exchange.url
        return await read(exchange)
      } catch (error) {
        if (
          deadline.expired() &&
          !(error instanceof TransportError && error.failure === 'timeout')
        ) {
          throw timeoutError(request, url, deadline, error)
        }
        if (request.signal?.aborted) throw request.signal.reason
        throw error
      } finally {
        deadline.dispose()
      }
    },
  }
}
