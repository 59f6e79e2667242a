import ky, {
  HTTPError,
  type KyInstance,
  type RetryOptions as KyRetryOptions,
  TimeoutError,
} from 'ky'
import type { Credentials } from '../auth/credentials.js'
import type { OriginPolicy } from '../auth/origin-policy.js'
import { AuthenticationError } from '../errors/authentication-error.js'
import { HttpStatusError } from '../errors/http-status-error.js'
import { RequestProblemError } from '../errors/request-problem-error.js'
import { TransportError } from '../errors/transport-error.js'
import { parseJsonSafely } from './parse-json.js'
import { readProblemDetails } from './problem-details.js'
import type { RetryOptions } from './retry-options.js'

/**
 * Settings shared by every HTTP request of a connection.
 *
 * @example { credentials, originPolicy, timeout: 30_000, retry: { limit: 2 } }
 */
export interface HttpTransportOptions {
  readonly credentials: Credentials
  readonly originPolicy: OriginPolicy
  readonly fetch?: typeof fetch
  /** Milliseconds until the response headers must have arrived; default 30 000. */
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
  readonly onUploadProgress?: ((sent: number, total?: number) => void) | undefined
  /** Overrides the connection timeout; `false` for long-lived streams. */
  readonly timeout?: number | false
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
 * Sends HTTP requests through ky with credentials, redirects, timeouts, retries
 * and typed errors.
 *
 * @see RFC 8620 §3.1
 * @example const { response } = await transport.request({ method: 'GET', url, retrySafe: true })
 */
export interface HttpTransport {
  request(request: HttpRequest): Promise<HttpExchange>
}

const maxRedirects = 10
const redirectStatuses = new Set([301, 302, 303, 307, 308])

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

/**
 * Creates the HTTP transport of a connection.
 *
 * @example const transport = createHttpTransport({ credentials, originPolicy })
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const client: KyInstance = ky.create({
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // Error bodies are parsed by ky for HTTPError.data; keep that safe too.
    parseJson: parseJsonSafely,
    throwHttpErrors: (status) => status >= 400,
  })
  const retry = options.retry === false ? { limit: 0 } : (options.retry ?? {})

  function retryFor(request: HttpRequest): KyRetryOptions | number {
    if (!request.retrySafe || !replayable(request.body)) return 0
    return {
      limit: retry.limit ?? 2,
      methods: ['get', 'post'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      backoffLimit: retry.backoffLimit ?? 10_000,
      maxRetryAfter: retry.maxRetryAfter ?? 60_000,
      jitter: true,
    }
  }

  async function errorFor(error: HTTPError, url: URL): Promise<Error> {
    const status = error.response.status
    if (status === 401 || status === 403) {
      return new AuthenticationError({ status, url: url.href }, { cause: error })
    }
    const problem = readProblemDetails(error.data)
    if (problem !== undefined) return new RequestProblemError(problem, status, { cause: error })
    const excerpt =
      typeof error.data === 'string'
        ? error.data
        : error.data === undefined
          ? ''
          : JSON.stringify(error.data)
    return new HttpStatusError(
      {
        status,
        url: url.href,
        contentType: error.response.headers.get('content-type') ?? '',
        bodyExcerpt: excerpt.slice(0, 500),
      },
      { cause: error },
    )
  }

  async function hop(
    request: HttpRequest,
    url: URL,
    method: string,
    follow: boolean,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...request.headers }
    // Credentials only ever go to configured origins; a redirect elsewhere loses them.
    if (options.originPolicy.allows(url)) {
      const authorization = await options.credentials.header()
      if (authorization !== undefined) headers.authorization = authorization
    }
    const progress = request.onUploadProgress
    try {
      return await client(url, {
        method,
        headers,
        ...(method === 'GET' || request.body === undefined ? {} : { body: request.body }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        timeout: request.timeout ?? options.timeout ?? 30_000,
        retry: retryFor(request),
        redirect: follow ? 'follow' : 'manual',
        ...(progress === undefined
          ? {}
          : {
              onUploadProgress: (state) =>
                progress(
                  state.transferredBytes,
                  state.totalBytes > 0 ? state.totalBytes : undefined,
                ),
            }),
      })
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason
      if (error instanceof HTTPError) throw await errorFor(error, url)
      const writeMayHaveHappened = method === 'POST' && !request.retrySafe
      const consequence = writeMayHaveHappened
        ? '; the request held a write and was not retried, check the server state'
        : ''
      if (error instanceof TimeoutError) {
        throw new TransportError(
          `no response from ${url.href} within the timeout${consequence}`,
          { failure: 'timeout', url: url.href, writeMayHaveHappened },
          { cause: error },
        )
      }
      throw new TransportError(
        `request to ${url.href} failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}${consequence}`,
        { failure: 'network', url: url.href, writeMayHaveHappened },
        { cause: error },
      )
    }
  }

  async function followRedirects(request: HttpRequest): Promise<HttpExchange> {
    let url = request.url
    let method: string = request.method
    for (let hops = 0; hops <= maxRedirects; hops++) {
      const response = await hop(request, url, method, false)
      // Browsers hide manual redirects; there the fetch standard itself drops
      // Authorization on a cross-origin hop, so let the browser follow.
      if (response.type === 'opaqueredirect') {
        const followed = await hop(request, url, method, true)
        return { response: followed, url: new URL(followed.url || url.href) }
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

  return {
    async request(request) {
      try {
        return await followRedirects(request)
      } catch (error) {
        // A 401 means the server did not act on the request, so even a write can
        // be sent again once a token provider has produced a fresh token.
        if (
          error instanceof AuthenticationError &&
          error.status === 401 &&
          replayable(request.body) &&
          (await options.credentials.renew())
        ) {
          return await followRedirects(request)
        }
        throw error
      }
    },
  }
}
