import type { AuthOptions } from '../auth/auth-options.js'
import { type Credentials, createCredentials } from '../auth/credentials.js'
import { createOriginPolicy, type OriginPolicy } from '../auth/origin-policy.js'
import {
  type AutoBatcher,
  type BatchingOptions,
  createAutoBatcher,
  type QueuedCall,
} from '../batching/auto-batcher.js'
import type { DownloadOptions } from '../blob/download.js'
import type { UploadData, UploadOptions, UploadResult } from '../blob/upload.js'
import { SessionError } from '../errors/session-error.js'
import { type ConcurrencyGate, createConcurrencyGate } from '../limits/concurrency-gate.js'
import { assertRequestSize } from '../limits/request-size.js'
import { splitMethodCalls } from '../limits/split-method-calls.js'
import type { Invocation, JmapRequest } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import type { EventSourceOptions, PushEvents } from '../push/event-source.js'
import { lazyPushEvents } from '../push/lazy-push-events.js'
import type { JmapWebSocket, WebSocketOptions } from '../push/web-socket.js'
import { accountFor } from '../session/account-for.js'
import { fetchSession, type SessionLocation } from '../session/fetch-session.js'
import { raceAbort } from '../session/race-abort.js'
import { coreLimits, type Session } from '../session/session.js'
import { createHttpTransport, type HttpTransport } from '../transport/http-transport.js'
import { defaultMaxResponseBytes, readJsonBody } from '../transport/read-json-body.js'
import type { RetryOptions } from '../transport/retry-options.js'
import { isRetrySafe } from '../transport/retry-safety.js'
import { checkCall, checkRequest } from './check-request.js'
import { onDemandKit } from './on-demand-kit.js'
import { validateResponseEnvelope } from './response-envelope.js'

/**
 * Everything a connection needs: where the server is, how to authenticate, and
 * how the runtime behaves.
 *
 * @see RFC 8620 §2
 * @example { sessionUrl: 'https://jmap.example/jmap/', auth: { bearer: token } }
 */
export interface ConnectionOptions {
  /** The session resource URL. Give this or `host`. */
  readonly sessionUrl?: string | URL
  /** A host to discover the session at, through `/.well-known/jmap`. */
  readonly host?: string | URL
  readonly auth?: AuthOptions
  /** Origins besides the configured one that may receive credentials and serve session URLs. */
  readonly trustedOrigins?: readonly string[]
  /** A fetch to use instead of the global one (a custom TLS agent, a test double). */
  readonly fetch?: typeof fetch
  /**
   * Milliseconds one HTTP exchange may take, retries, their waits and the JSON
   * body included; default 30 000. Downloads and the event stream are bounded
   * until their headers arrive (their bodies stream).
   */
  readonly timeout?: number
  /** Retries of requests that are safe to repeat; `false` turns them off. */
  readonly retry?: RetryOptions | false
  /** Check every response with valibot (default true); false trusts the server. */
  readonly validate?: boolean
  /** Auto-batching of `enqueue` calls; `false` sends each call alone. */
  readonly batching?: BatchingOptions | false
  /** Largest JSON response body accepted, in bytes; default 64 MiB. */
  readonly maxResponseBytes?: number
}

/** Options of {@link JmapConnection.send}. */
export interface JmapSendOptions {
  /** Ends the exchange when aborted. */
  signal?: AbortSignal
  /**
   * `false` skips the check of caller-supplied Ids (the request's shape is still checked). Only for
   * a dialect layer that rewrites Ids into a server's own non-RFC form after checking its caller's
   * request, such as Cyrus 3.6's calendar events, whose ids are their UIDs.
   */
  checkIds?: boolean
}

/**
 * A connection to one JMAP server at the wire level: session, requests, blobs
 * and push. The typed client is built on it.
 *
 * @see RFC 8620
 * @example
 * const connection = createConnection({ host: 'https://jmap.example', auth: { bearer: token } })
 * const response = await connection.send({ using: ['urn:ietf:params:jmap:core'], methodCalls: [['Core/echo', {}, 'c0']] })
 */
export interface JmapConnection {
  /**
   * The session, fetched once and again after a response reports another
   * `sessionState`. An aborted `signal` stops this caller waiting (the shared
   * fetch goes on for others).
   */
  session(options?: { readonly signal?: AbortSignal }): Promise<Session>
  /** Fetches the session now; an aborted `signal` stops this caller waiting. */
  refreshSession(options?: { readonly signal?: AbortSignal }): Promise<Session>
  /**
   * Sends one JMAP request: checks `using` against the session's capabilities
   * (refusing before sending), `maxSizeRequest`, splits by `maxCallsInRequest`
   * where calls do not reference each other (a `LimitError` where they do),
   * queues by `maxConcurrentRequests`, retries only when safe, and validates
   * the response envelope. A malformed request or an invalid caller-supplied
   * Id is refused before sending with an `InvalidRequestError`.
   */
  send(request: JmapRequest, options?: JmapSendOptions): Promise<JmapResponse>
  /**
   * Queues one call for the next auto-batched request and resolves with the
   * method responses carrying its id (usually one; more for implicit calls).
   */
  enqueue(call: QueuedCall, options?: { signal?: AbortSignal }): Promise<Invocation[]>
  /** Uploads binary data for an account. */
  upload(accountId: string, data: UploadData, options?: UploadOptions): Promise<UploadResult>
  /** Downloads a blob; the `Response` body is unread, so it streams. */
  download(accountId: string, blobId: string, options?: DownloadOptions): Promise<Response>
  /** The download URL of a blob, for links and `<img src>`. */
  downloadUrl(
    accountId: string,
    blobId: string,
    options?: Pick<DownloadOptions, 'name' | 'type'>,
  ): Promise<URL>
  /** EventSource push of `StateChange` objects. */
  events(options?: EventSourceOptions): PushEvents
  /** Opens an RFC 8887 WebSocket when the session advertises `urn:ietf:params:jmap:websocket`. */
  webSocket(options?: WebSocketOptions): Promise<JmapWebSocket>
  /** The account to use for a capability: the primary one, else the first that has it. */
  accountFor(capabilityUrn: string): Promise<string>
}

function locate(options: ConnectionOptions): SessionLocation {
  if (options.sessionUrl !== undefined) return { sessionUrl: new URL(options.sessionUrl) }
  if (options.host !== undefined) {
    const host =
      typeof options.host === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(options.host)
        ? `https://${options.host}`
        : options.host
    return { host: new URL(host) }
  }
  throw new TypeError('createConnection needs sessionUrl or host')
}

class Connection implements JmapConnection {
  readonly #location: SessionLocation
  readonly #policy: OriginPolicy
  readonly #transport: HttpTransport
  readonly #validate: boolean
  readonly #timeout: number
  readonly #maxResponseBytes: number
  readonly #requests: ConcurrencyGate
  readonly #uploads: ConcurrencyGate
  readonly #batcher: AutoBatcher | undefined
  readonly #credentials: Credentials
  #current: Promise<Session> | undefined
  #latest: Session | undefined
  #stale = false

  constructor(options: ConnectionOptions) {
    this.#credentials = createCredentials(options.auth)
    this.#location = locate(options)
    const configured =
      'sessionUrl' in this.#location ? this.#location.sessionUrl : this.#location.host
    this.#policy = createOriginPolicy(configured, options.trustedOrigins ?? [])
    this.#transport = createHttpTransport({
      credentials: this.#credentials,
      originPolicy: this.#policy,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    })
    this.#validate = options.validate ?? true
    this.#timeout = options.timeout ?? 30_000
    this.#maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes
    const limit = (read: (session: Session) => number) => () =>
      this.#latest === undefined ? 1 : read(this.#latest)
    this.#requests = createConcurrencyGate(limit((s) => coreLimits(s).maxConcurrentRequests))
    this.#uploads = createConcurrencyGate(limit((s) => coreLimits(s).maxConcurrentUpload))
    this.#batcher =
      options.batching === false
        ? undefined
        : createAutoBatcher({
            send: (request) => this.send(request),
            session: () => this.session(),
            ...(options.batching?.delay === undefined ? {} : { delay: options.batching.delay }),
          })
  }

  session(options: { readonly signal?: AbortSignal } = {}): Promise<Session> {
    if (this.#current === undefined || this.#stale) return this.refreshSession(options)
    return raceAbort(this.#current, options.signal)
  }

  refreshSession(options: { readonly signal?: AbortSignal } = {}): Promise<Session> {
    this.#stale = false
    const fetching = fetchSession(this.#transport, this.#location, this.#policy).then((session) => {
      this.#latest = session
      return session
    })
    this.#current = fetching
    // A failed fetch must not stay cached: the next call tries again.
    fetching.catch(() => {
      if (this.#current === fetching) this.#current = undefined
    })
    return raceAbort(fetching, options.signal)
  }

  async send(request: JmapRequest, options: JmapSendOptions = {}): Promise<JmapResponse> {
    checkRequest(request, options.checkIds === false ? { ids: false } : {})
    const session = await this.session(
      options.signal === undefined ? {} : { signal: options.signal },
    )
    const missing = request.using.filter((urn) => !Object.hasOwn(session.capabilities, urn))
    if (missing.length > 0) {
      throw new SessionError(
        'missingCapability',
        `the request uses ${missing.join(', ')}, which the server does not advertise`,
      )
    }
    const groups = splitMethodCalls(request.methodCalls, coreLimits(session).maxCallsInRequest)
    if (groups.length === 1) return this.#post(session, request, options.signal)
    // Carrying createdIds from one part to the next lets a creation id made in
    // an earlier part be used in a later one (RFC 8620 §3.3).
    let createdIds = request.createdIds ?? {}
    const methodResponses: Invocation[] = []
    let sessionState = session.state
    for (const methodCalls of groups) {
      const part = await this.#post(
        session,
        { using: request.using, methodCalls, createdIds },
        options.signal,
      )
      methodResponses.push(...part.methodResponses)
      createdIds = part.createdIds ?? createdIds
      sessionState = part.sessionState
    }
    return {
      methodResponses,
      sessionState,
      ...(request.createdIds === undefined ? {} : { createdIds }),
    }
  }

  async #post(
    session: Session,
    request: JmapRequest,
    signal: AbortSignal | undefined,
  ): Promise<JmapResponse> {
    const body = JSON.stringify(request)
    assertRequestSize(body, coreLimits(session).maxSizeRequest)
    const retrySafe = isRetrySafe(request)
    // The slot and the timeout cover the body too: a slow body still counts
    // against maxConcurrentRequests, and a stalled one ends in a TransportError.
    const { json, url } = await this.#requests.run(
      () =>
        this.#transport.exchange(
          {
            method: 'POST',
            url: new URL(session.apiUrl),
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body,
            retrySafe,
            signal,
          },
          async ({ response, url }) => ({
            url,
            json: await readJsonBody(response, {
              url: url.href,
              maxBytes: this.#maxResponseBytes,
              writeMayHaveHappened: !retrySafe,
            }),
          }),
        ),
      signal,
    )
    const result = this.#validate
      ? validateResponseEnvelope(json, { url: url.href, calls: request.methodCalls })
      : (json as JmapResponse)
    if (result.sessionState !== session.state) this.#stale = true
    return result
  }

  enqueue(call: QueuedCall, options: { signal?: AbortSignal } = {}): Promise<Invocation[]> {
    try {
      // Checked here, not only in send: one bad call must not fail its batch.
      checkCall([call.name, call.args, 'queued'], 'call')
    } catch (error) {
      return Promise.reject(error)
    }
    if (this.#batcher !== undefined) return this.#batcher.enqueue(call, options)
    return this.send(
      {
        using: [...new Set(['urn:ietf:params:jmap:core', ...call.using])],
        methodCalls: [[call.name, call.args, '0']],
      },
      options,
    ).then((response) => response.methodResponses.filter((invocation) => invocation[2] === '0'))
  }

  // Blob and push code is imported on first use (./on-demand.ts): apps that never
  // upload, download or listen do not bundle it.
  async upload(
    accountId: string,
    data: UploadData,
    options?: UploadOptions,
  ): Promise<UploadResult> {
    const [{ uploadBlob }, session] = await Promise.all([import('./on-demand.js'), this.session()])
    return uploadBlob(
      {
        kit: onDemandKit,
        transport: this.#transport,
        session,
        gate: this.#uploads,
        maxResponseBytes: this.#maxResponseBytes,
      },
      accountId,
      data,
      options,
    )
  }

  async download(accountId: string, blobId: string, options?: DownloadOptions): Promise<Response> {
    const [{ downloadBlob }, session] = await Promise.all([
      import('./on-demand.js'),
      this.session(),
    ])
    return downloadBlob(
      { kit: onDemandKit, transport: this.#transport, session },
      accountId,
      blobId,
      options,
    )
  }

  async downloadUrl(
    accountId: string,
    blobId: string,
    options?: Pick<DownloadOptions, 'name' | 'type'>,
  ): Promise<URL> {
    const [{ downloadUrl }, session] = await Promise.all([import('./on-demand.js'), this.session()])
    return downloadUrl(session, accountId, blobId, options)
  }

  events(options?: EventSourceOptions): PushEvents {
    const context = {
      kit: onDemandKit,
      transport: this.#transport,
      session: () => this.session(),
      validate: this.#validate,
    }
    return lazyPushEvents(
      import('./on-demand.js').then((loaded) => loaded.openEventSource(context, options)),
    )
  }

  async webSocket(options?: WebSocketOptions): Promise<JmapWebSocket> {
    const [{ openJmapWebSocket }, session] = await Promise.all([
      import('./on-demand.js'),
      this.session(),
    ])
    return openJmapWebSocket(
      {
        kit: onDemandKit,
        session,
        credentials: this.#credentials,
        policy: this.#policy,
        transport: this.#transport,
        validate: this.#validate,
        timeout: this.#timeout,
      },
      options,
    )
  }

  async accountFor(capabilityUrn: string): Promise<string> {
    return accountFor(await this.session(), capabilityUrn)
  }
}

/**
 * Creates a connection; nothing is fetched until the first use.
 *
 * @see RFC 8620 §2
 * @example const connection = createConnection({ sessionUrl: 'http://127.0.0.1:8080/jmap/', auth: { basic: { username: 'test', password: 'test' } } })
 */
export function createConnection(options: ConnectionOptions): JmapConnection {
  return new Connection(options)
}
