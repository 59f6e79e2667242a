import { DroppedConnectionError } from '../faults/dropped-connection-error.js'
import { type FaultControls, type FaultEndpoint, FaultInjector } from '../faults/fault-injector.js'
import { decodeBase64 } from '../http/base64.js'
import { downloadResponse, uploadResponse } from '../http/blob-endpoints.js'
import { eventSourceResponse } from '../http/event-source-stream.js'
import type { CorsOptions, ListeningServer } from '../http/listener.js'
import { endpointPaths, sessionResource } from '../http/session-resource.js'
import { standardMethodsFor } from '../methods/standard/standard-methods.js'
import { problemResponse } from '../protocol/problem-details.js'
import { type PersonalPreset, seedPersonalPreset } from '../seed/personal-preset.js'
import { createSeedHelpers, type SeedHelpers } from '../seed/seed-helpers.js'
import type { AccountOptions } from '../store/account-data.js'
import { processRequest } from './api-processor.js'
import { corePlugin } from './core-plugin.js'
import { type PushFetch, pushSubscriptionPlugin } from './push-subscription-plugin.js'
import {
  type CoreLimits,
  type SentMessage,
  ServerRuntime,
  type TestServerPlugin,
} from './server-runtime.js'
import { standardPlugins } from './standard-plugins.js'

/** Credentials the server requires; without them every request is accepted. */
export interface TestServerAuth {
  /** Accept `Authorization: Bearer <token>`. */
  readonly bearer?: string
  /** Accept `Authorization: Basic …` for this user. */
  readonly basic?: { readonly username: string; readonly password: string }
}

/** Options of {@link createTestServer}. */
export interface TestServerOptions {
  /** The session `username` (default `"test@example.com"`). */
  readonly username?: string
  /** Accounts (default: one personal account `"u1"`). The first is primary. */
  readonly accounts?: readonly AccountOptions[]
  /** Overrides of the core capability limits. */
  readonly limits?: Partial<CoreLimits>
  /** Required credentials; omitted means no authentication. */
  readonly auth?: TestServerAuth
  /** Origin used for URLs when called in-process (default `"http://jmap.test"`). */
  readonly origin?: string
  /** Capability plugins (default: mail, submission, vacation response, calendars, tasks, contacts). */
  readonly plugins?: readonly TestServerPlugin[]
  /** How many changes per type and account are remembered for /changes (default 1000). */
  readonly maxChangeLogLength?: number
  /** The server clock (default: real time). */
  readonly now?: () => Date
  /** How PushSubscription verifications and StateChanges are POSTed (default: global fetch). */
  readonly pushFetch?: PushFetch
  /** Browser origins `listen()` answers CORS for (default: loopback origins only). */
  readonly cors?: CorsOptions
  /**
   * Ready-made data in the primary account: `'personal'` gives an identity, one mailbox per
   * standard role, a few messages, a calendar with events and a task list with tasks; their ids
   * are in `server.preset`.
   */
  readonly preset?: 'personal'
}

/** A JMAP server running in the test process. */
export interface TestServer {
  /** A `fetch` for clients: pass it as the client's `fetch` option, no port needed. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>
  /** The session URL for in-process use. */
  readonly sessionUrl: string
  /** The primary account id. */
  readonly accountId: string
  /** Helpers that put data in place without going through the API. */
  readonly seed: SeedHelpers
  /** Fault mode for resilience tests. */
  readonly faults: FaultControls
  /** Messages EmailSubmission/set recorded instead of sending. */
  readonly outbox: readonly SentMessage[]
  /** The underlying data and registries, for advanced tests. */
  readonly runtime: ServerRuntime
  /** The ids of the preset's records (`undefined` without `preset`). */
  readonly preset: PersonalPreset | undefined
  /** Adds a capability plugin (data types and methods). */
  register(plugin: TestServerPlugin): void
  /** Forgets every change log, so older states give `cannotCalculateChanges`. */
  trimChangeLogs(): void
  /**
   * Serves HTTP (and RFC 8887 WebSocket) on 127.0.0.1, with CORS for browser
   * pages; port 0 (default) picks a free one. Node only: elsewhere it rejects
   * (use `fetch` there).
   */
  listen(port?: number): Promise<ListeningServer>
  /** Stops every listener and push stream. */
  close(): Promise<void>
}

const defaultLimits: CoreLimits = {
  maxSizeUpload: 50_000_000,
  maxConcurrentUpload: 4,
  maxSizeRequest: 10_000_000,
  maxConcurrentRequests: 4,
  maxCallsInRequest: 16,
  maxObjectsInGet: 500,
  maxObjectsInSet: 500,
  collationAlgorithms: ['i;ascii-casemap', 'i;octet', 'i;unicode-casemap'],
}

function endpointOf(pathname: string): FaultEndpoint {
  if (pathname.startsWith(endpointPaths.api)) return 'api'
  if (pathname.startsWith(endpointPaths.upload)) return 'upload'
  if (pathname.startsWith(endpointPaths.download)) return 'download'
  if (pathname.startsWith(endpointPaths.eventSource)) return 'eventSource'
  return 'session'
}

function authorized(auth: TestServerAuth | undefined, header: string | null): boolean {
  if (auth === undefined) return true
  if (auth.bearer !== undefined && header === `Bearer ${auth.bearer}`) return true
  if (auth.basic !== undefined && header?.startsWith('Basic ') === true) {
    const bytes = decodeBase64(header.slice(6))
    return (
      bytes !== undefined &&
      new TextDecoder().decode(bytes) === `${auth.basic.username}:${auth.basic.password}`
    )
  }
  return false
}

/**
 * Creates an in-memory JMAP server that follows RFC 8620: use `server.fetch`
 * in-process or `await server.listen()` for a real port.
 *
 * @see RFC 8620
 * @example
 * const server = createTestServer()
 * const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
 * server.seed.email({ mailboxIds: [inbox], from: 'a@example.com', subject: 'Hi', text: 'Hello' })
 * const client = createClient({ sessionUrl: server.sessionUrl, fetch: server.fetch })
 * @example
 * const { preset, sessionUrl, fetch } = createTestServer({ preset: 'personal' })
 * // preset.mailboxes.inbox, preset.identityId, preset.calendarId, preset.taskListId, …
 */
export function createTestServer(
  options: TestServerOptions & { readonly preset: 'personal' },
): TestServer & { readonly preset: PersonalPreset }
export function createTestServer(options?: TestServerOptions): TestServer
export function createTestServer(options: TestServerOptions = {}): TestServer {
  const username = options.username ?? 'test@example.com'
  const runtime = new ServerRuntime({
    limits: { ...defaultLimits, ...options.limits },
    username,
    accounts: options.accounts ?? [{ id: 'u1', name: username }],
    maxChangeLogLength: options.maxChangeLogLength ?? 1000,
    now: options.now ?? (() => new Date()),
  })
  const register = (plugin: TestServerPlugin): void => runtime.register(plugin, standardMethodsFor)
  register(corePlugin)
  register(pushSubscriptionPlugin(runtime, options.pushFetch ?? ((url, init) => fetch(url, init))))
  for (const plugin of options.plugins ?? standardPlugins) register(plugin)

  const origin = options.origin ?? 'http://jmap.test'
  const faults = new FaultInjector()
  const listeners: ListeningServer[] = []
  const streams = new Set<AbortController>()
  let inFlight = 0
  let uploadsInFlight = 0
  let webSocketOrigin: string | undefined

  async function route(
    request: Request,
    url: URL,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const path = url.pathname
    if (path === endpointPaths.session || path === '/.well-known/jmap') {
      if (request.method !== 'GET') return problemResponse('about:blank', 405, 'use GET')
      return Response.json(sessionResource(runtime, url.origin, webSocketOrigin), {
        headers: { 'cache-control': 'no-cache, no-store, must-revalidate' },
      })
    }
    if (path === endpointPaths.api) {
      if (request.method !== 'POST') return problemResponse('about:blank', 405, 'use POST')
      return apiResponse(request)
    }
    if (path.startsWith(endpointPaths.upload)) {
      if (request.method !== 'POST') return problemResponse('about:blank', 405, 'use POST')
      if (uploadsInFlight >= runtime.limits.maxConcurrentUpload) {
        return problemResponse('limit', 400, 'too many concurrent uploads', {
          limit: 'maxConcurrentUpload',
        })
      }
      uploadsInFlight += 1
      try {
        return await uploadResponse(runtime, request, url)
      } finally {
        uploadsInFlight -= 1
      }
    }
    if (path.startsWith(endpointPaths.download)) return downloadResponse(runtime, url)
    if (path === endpointPaths.eventSource) {
      const controller = new AbortController()
      streams.add(controller)
      signal?.addEventListener('abort', () => controller.abort(), { once: true })
      controller.signal.addEventListener('abort', () => streams.delete(controller))
      return eventSourceResponse(runtime, url, controller.signal)
    }
    return problemResponse('about:blank', 404, `nothing at ${path}`)
  }

  async function apiResponse(request: Request): Promise<Response> {
    const contentType = request.headers.get('content-type') ?? ''
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return problemResponse('notJSON', 400, 'the content type must be application/json')
    }
    const bytes = new Uint8Array(await request.arrayBuffer())
    if (bytes.length > runtime.limits.maxSizeRequest) {
      return problemResponse('limit', 400, 'the request is larger than maxSizeRequest', {
        limit: 'maxSizeRequest',
      })
    }
    let body: unknown
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    } catch {
      return problemResponse('notJSON', 400, 'the request did not parse as I-JSON')
    }
    const result = processRequest(runtime, body)
    if ('problem' in result) {
      const { type, detail, limit } = result.problem
      return problemResponse(type, 400, detail, limit === undefined ? {} : { limit })
    }
    return Response.json(result.response)
  }

  async function applyFaults(endpoint: FaultEndpoint): Promise<Response | undefined> {
    for (const fault of faults.take(endpoint)) {
      if (fault.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.ms))
      else if (fault.kind === 'drop') throw new DroppedConnectionError()
      else if (fault.kind === 'unavailable') {
        return new Response(null, {
          status: fault.status,
          headers:
            fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
        })
      } else {
        return new Response('{"methodResponses": [[', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      }
    }
    return undefined
  }

  async function handle(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    if (signal?.aborted === true) throw signal.reason
    // The caller's signal is kept out of the Request built here: Node frees a Request made with
    // a signal only after a turn of the event loop (FinalizationRegistry), so a test sending
    // thousands of requests in a row through server.fetch grew ~1.3 MB per 1,000 until then.
    let request: Request
    if (input instanceof Request && init === undefined) request = input
    else {
      const { signal: _kept, ...rest } = init ?? {}
      request = new Request(input, rest)
    }
    if (signal === undefined || signal === null) return serve(request, undefined)
    // As fetch does: an abort rejects at once, even while a latency fault holds the answer.
    const aborted = signal
    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(aborted.reason)
      aborted.addEventListener('abort', onAbort, { once: true })
      serve(request, aborted)
        .then(resolve, reject)
        .finally(() => {
          aborted.removeEventListener('abort', onAbort)
        })
    })
  }

  async function serve(request: Request, signal: AbortSignal | undefined): Promise<Response> {
    const url = new URL(request.url)
    const endpoint = endpointOf(url.pathname)
    // An API request counts against maxConcurrentRequests from arrival, so a
    // latency fault makes it occupy a slot the way a slow server would.
    const isApiCall = endpoint === 'api' && request.method === 'POST'
    if (isApiCall && inFlight >= runtime.limits.maxConcurrentRequests) {
      return problemResponse('limit', 400, 'too many concurrent requests', {
        limit: 'maxConcurrentRequests',
      })
    }
    if (isApiCall) inFlight += 1
    try {
      const injected = await applyFaults(endpoint)
      if (injected !== undefined) return injected
      if (!authorized(options.auth, request.headers.get('authorization'))) {
        return new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'Bearer realm="jmap"' },
        })
      }
      return await route(request, url, signal)
    } finally {
      if (isApiCall) inFlight -= 1
    }
  }

  const seed = createSeedHelpers(runtime)
  const server: TestServer = {
    fetch: handle,
    sessionUrl: `${origin}${endpointPaths.session}`,
    accountId: runtime.primaryAccountId(),
    seed,
    preset: options.preset === 'personal' ? seedPersonalPreset(runtime, seed, username) : undefined,
    faults,
    outbox: runtime.outbox,
    runtime,
    register,
    trimChangeLogs() {
      for (const account of runtime.accounts.values()) {
        for (const store of account.allStores()) store.trimChangeLog()
      }
    },
    async listen(port = 0) {
      // '#listener' is node:http + ws under the `node` condition and a refusal
      // elsewhere, so browser bundles of this package carry no Node imports.
      const { listen } = await import('#listener')
      const listening = await listen({
        port,
        handle,
        runtime,
        authorized: (auth) => authorized(options.auth, auth ?? null),
        announceWebSocket: (wsOrigin) => {
          webSocketOrigin = wsOrigin
        },
        cors: options.cors ?? {},
      })
      listeners.push(listening)
      return listening
    },
    async close() {
      for (const controller of streams) controller.abort()
      await Promise.all(listeners.splice(0).map((listening) => listening.close()))
      runtime.pushListeners.clear()
    },
  }
  return server
}
