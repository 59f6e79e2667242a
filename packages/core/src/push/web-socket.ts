import * as v from 'valibot'
import type { Credentials } from '../auth/credentials.js'
import type { OriginPolicy } from '../auth/origin-policy.js'
import type { OnDemandKit } from '../connection/on-demand-kit.js'
import type { TransportError } from '../errors/transport-error.js'
import type { JmapRequest } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import type { DataTypeName } from '../registry/data-types.js'
import type { Session } from '../session/session.js'
import type { HttpTransport } from '../transport/http-transport.js'
import { type StateChange, stateChangeSchema } from './state-change.js'
import {
  defaultWebSocketReconnect,
  reconnectDelay,
  type WebSocketReconnectOptions,
} from './web-socket-reconnect.js'

/** The capability a server advertises when it takes JMAP over WebSocket. */
export const webSocketCapability = 'urn:ietf:params:jmap:websocket'

/**
 * The subset of the WebSocket API used here, met by browsers' WebSocket and by `ws`.
 *
 * @example const socket: WebSocketLike = new WebSocket(url, 'jmap')
 */
export interface WebSocketLike {
  /** The subprotocol the server chose; anything but `jmap` is refused (RFC 8887 §4.2). */
  readonly protocol: string
  /** Sends one text frame. */
  send(data: string): void
  /** Closes the socket with a close code and reason. */
  close(code?: number, reason?: string): void
  /** Called once the handshake succeeded. */
  onopen: ((event: unknown) => void) | null
  /** Called for each frame received; JMAP frames are text (JSON). */
  onmessage: ((event: { data: unknown }) => void) | null
  /** Called when the socket closed, by either side or a dropped connection. */
  onclose: ((event: { code: number; reason: string }) => void) | null
  /** Called when the socket failed; an `onclose` follows. */
  onerror: ((event: unknown) => void) | null
}

/**
 * A WebSocket constructor; the third argument carries headers (honoured by
 * `ws`, ignored by browsers, which send cookies instead).
 *
 * @example import WebSocket from 'ws'
 */
export type WebSocketConstructor = new (
  url: string,
  protocols: string | string[],
  options?: { headers?: Record<string, string> },
) => WebSocketLike

/**
 * A `fetch` that goes through the connection: its credentials, origin policy,
 * timeout and typed errors. Given to {@link WebSocketOptions.authorize}; a
 * `ws:`/`wss:` URL is fetched over `http:`/`https:`.
 *
 * @example const response = await authorizedFetch(new URL(`${url.pathname}/ticket`, url), { method: 'POST' })
 */
export type AuthorizedFetch = (
  url: URL,
  init?: { readonly method?: 'GET' | 'POST'; readonly body?: string },
) => Promise<Response>

/**
 * Options of an RFC 8887 WebSocket connection.
 *
 * @see RFC 8887
 * @example { authorize: ({ url }) => `${url.href}?access_token=${encodeURIComponent(token)}` }
 */
export interface WebSocketOptions {
  /**
   * The constructor to use. Default: the runtime's global `WebSocket`. In Node
   * (22+) it is sent the connection's `Authorization` header; browsers cannot
   * send headers on a WebSocket (they send cookies), so give `authorize` there.
   */
  readonly WebSocket?: WebSocketConstructor
  /**
   * Browser authentication hook: returns the URL to open, typically the
   * advertised one with a short-lived ticket or token added, fetched with the
   * connection's normal credentials through `fetch`. The returned URL must be
   * on the same trusted origin as the advertised one. Without it the socket is
   * opened as advertised (cookies, or `Authorization` where headers can be sent).
   *
   * @example
   * authorize: async ({ url, fetch }) => {
   *   const answer = await fetch(new URL(`${url.pathname}/ticket`, url), { method: 'POST' })
   *   const { ticket } = await answer.json()
   *   return `${url.href}?ticket=${encodeURIComponent(ticket)}`
   * }
   */
  readonly authorize?: (request: {
    readonly url: URL
    readonly fetch: AuthorizedFetch
  }) => Promise<URL | string> | URL | string
  /**
   * Reconnecting after a drop the user did not ask for (`close()` stops it):
   * exponential backoff with jitter, `authorize` asked again, push re-enabled
   * from the last `pushState`, a waiting read re-sent once, a waiting write
   * failed. `false` turns it off. Default: {@link defaultWebSocketReconnect}.
   */
  readonly reconnect?: WebSocketReconnectOptions | false
}

/**
 * What to hear about over a WebSocket push.
 *
 * @see RFC 8887 §4.3.5
 * @example { dataTypes: ['Email'], pushState: 'abc' }
 */
export interface WebSocketPushOptions {
  /** Types to hear about (names the registered packages know); `null` (default) for all. */
  readonly dataTypes?: readonly DataTypeName[] | null
  /** Resume after the `pushState` of an earlier StateChange. */
  readonly pushState?: string
}

/**
 * JMAP over one WebSocket: requests and responses, and push.
 *
 * @see RFC 8887
 * @example const response = await socket.send({ using: [...], methodCalls: [['Core/echo', {}, 'c0']] })
 */
export interface JmapWebSocket {
  /** Sends one JMAP request over the socket and resolves with its response (RFC 8887 §4.3.3). */
  send(request: JmapRequest): Promise<JmapResponse>
  /** Enables push and yields StateChanges until `close()` on the returned stream. */
  push(options?: WebSocketPushOptions): AsyncIterable<StateChange> & {
    /** Ends this push stream; push is disabled when no other stream listens. */
    close(): void
  }
  /** Closes the socket for good: no reconnect, waiting requests fail, push streams end. */
  close(): void
}

const capabilitySchema = v.looseObject({ url: v.string(), supportsPush: v.boolean() })

function nativeConstructor(url: string, kit: OnDemandKit): WebSocketConstructor {
  const Native = globalThis.WebSocket as
    | (new (
        url: string,
        protocols: string | string[] | { protocols: string[]; headers?: Record<string, string> },
      ) => WebSocketLike)
    | undefined
  if (typeof Native !== 'function') {
    throw new kit.TransportError(
      `cannot open ${url}: this runtime has no global WebSocket; pass one in options.WebSocket (for example the ws package)`,
      { failure: 'network', url },
    )
  }
  // Read through globalThis: browser apps compile without Node's types.
  const runtime = (globalThis as { process?: { versions?: { node?: unknown } } }).process
  const inNode = typeof runtime?.versions?.node === 'string'
  if (!inNode) return Native as unknown as WebSocketConstructor
  // Node's WebSocket (undici, Node 22+) takes headers in an init object, so it
  // can send Authorization; browsers' WebSocket takes only protocols.
  return function NodeWebSocket(
    target: string,
    protocols: string | string[],
    options: { headers?: Record<string, string> } = {},
  ) {
    return new Native(target, {
      protocols: typeof protocols === 'string' ? [protocols] : protocols,
      ...(options.headers === undefined ? {} : { headers: options.headers }),
    })
  } as unknown as WebSocketConstructor
}

function httpOrigin(url: URL): URL {
  const copy = new URL(url.href)
  copy.protocol = url.protocol === 'wss:' ? 'https:' : 'http:'
  return copy
}

/** The URL to open: the advertised one, or what `options.authorize` made of it on the same origin. */
async function authorizedUrl(
  advertised: URL,
  transport: HttpTransport,
  options: WebSocketOptions,
  kit: OnDemandKit,
): Promise<URL> {
  if (options.authorize === undefined) return advertised
  const fetchWithCredentials: AuthorizedFetch = async (target, init = {}) => {
    const method = init.method ?? 'GET'
    const url = new URL(target)
    // The hook may build on the socket's URL: fetch its http(s) counterpart.
    if (url.protocol === 'ws:' || url.protocol === 'wss:') url.protocol = httpOrigin(url).protocol
    const { response } = await transport.request({
      method,
      url,
      ...(init.body === undefined
        ? {}
        : { body: init.body, headers: { 'content-type': 'application/json' } }),
      retrySafe: method === 'GET',
    })
    return response
  }
  const chosen = new URL(
    await options.authorize({ url: new URL(advertised.href), fetch: fetchWithCredentials }),
    advertised,
  )
  // A ticket is a credential: it may only go where the advertised URL points.
  if (chosen.protocol !== advertised.protocol || chosen.host !== advertised.host) {
    throw new kit.SessionError(
      'untrustedUrl',
      `WebSocketOptions.authorize returned a URL on ${chosen.protocol}//${chosen.host}, not on the advertised ${advertised.protocol}//${advertised.host}`,
    )
  }
  return chosen
}

/**
 * Opens the session's RFC 8887 WebSocket, refusing when the server does not
 * advertise it or when its URL is on an untrusted origin.
 *
 * @see RFC 8887 §4
 * @example const socket = await openJmapWebSocket({ kit: onDemandKit, session, credentials, policy, transport, validate: true, timeout: 0 })
 */
export async function openJmapWebSocket(
  context: {
    readonly kit: OnDemandKit
    readonly session: Session
    readonly credentials: Credentials
    readonly policy: OriginPolicy
    readonly transport: HttpTransport
    readonly validate: boolean
    /** Milliseconds a request may wait for its response; 0 waits for ever. */
    readonly timeout: number
  },
  options: WebSocketOptions = {},
): Promise<JmapWebSocket> {
  const {
    RequestProblemError,
    ResponseValidationError,
    SessionError,
    TransportError,
    coreLimits,
    createConcurrencyGate,
    isRetrySafe,
    parseJsonSafely,
    readProblemDetails,
    validateResponseEnvelope,
    validateWithSchema,
  } = context.kit
  const advertised = validateWithSchema(
    capabilitySchema,
    context.session.capabilities[webSocketCapability],
  )
  if (!advertised.ok) {
    throw new SessionError(
      'missingCapability',
      `the server does not advertise ${webSocketCapability}; use send() and events() over HTTP`,
    )
  }
  // validateWithSchema returns unknown; capabilitySchema has just checked it.
  const capability = advertised.value as v.InferOutput<typeof capabilitySchema>
  const advertisedUrl = new URL(capability.url, context.session.apiUrl)
  if (advertisedUrl.protocol !== 'wss:' && advertisedUrl.protocol !== 'ws:') {
    throw new SessionError('untrustedUrl', `WebSocket URL ${advertisedUrl.href} is not ws: or wss:`)
  }
  if (!context.policy.allows(httpOrigin(advertisedUrl))) {
    throw new SessionError(
      'untrustedUrl',
      `WebSocket URL ${advertisedUrl.href} is not on a trusted origin`,
    )
  }
  // Messages name the advertised URL: the opened one may carry a ticket.
  const where = advertisedUrl.href
  const Socket = options.WebSocket ?? nativeConstructor(where, context.kit)
  const policy =
    options.reconnect === false ? undefined : { ...defaultWebSocketReconnect, ...options.reconnect }

  /** Authorizes (afresh: a ticket may be single-use) and opens one socket. */
  async function connect(): Promise<WebSocketLike> {
    const url = await authorizedUrl(advertisedUrl, context.transport, options, context.kit)
    const authorization = await context.credentials.header()
    const opened = new Socket(url.href, 'jmap', {
      ...(authorization === undefined ? {} : { headers: { authorization } }),
    })
    await new Promise<void>((resolve, reject) => {
      const refused = (): void =>
        reject(
          new TransportError(
            `cannot open ${where} (refused, unreachable, or not authorized: browsers cannot send Authorization on a WebSocket, see WebSocketOptions.authorize)`,
            { failure: 'network', url: where },
          ),
        )
      opened.onopen = () => resolve()
      opened.onerror = refused
      opened.onclose = refused
    })
    if (opened.protocol !== 'jmap') {
      opened.close(1000, 'jmap subprotocol required')
      throw new TransportError(`${where} did not accept the jmap subprotocol`, {
        failure: 'network',
        url: where,
      })
    }
    return opened
  }

  const gate = createConcurrencyGate(() => coreLimits(context.session).maxConcurrentRequests)

  interface Waiting {
    readonly request: JmapRequest
    readonly message: string
    /** Sent on the current socket (false while it waits for a reconnect). */
    transmitted: boolean
    /** Already re-sent once after a drop: a second drop fails it. */
    resent: boolean
    resolve(response: JmapResponse): void
    reject(error: unknown): void
  }
  const pending = new Map<string, Waiting>()
  const listeners = new Set<(change: StateChange) => void>()
  const wakers = new Set<() => void>()
  let nextId = 0
  /** Set once the connection is over for good: by `close()`, or after giving up. */
  let closed: TransportError | undefined
  let closedByUser = false
  /** Undefined while reconnecting. */
  let current: WebSocketLike | undefined
  /** What push asked for last, to ask again after a reconnect. */
  let pushWanted: { dataTypes: readonly DataTypeName[] | null; pushState?: string } | undefined
  let cancelReconnect: (() => void) | undefined

  function readMessage(data: unknown): Record<string, unknown> {
    let message: unknown
    try {
      message = parseJsonSafely(String(data))
    } catch (error) {
      throw new ResponseValidationError(
        'WebSocket message is not JSON',
        { url: where },
        { cause: error },
      )
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      throw new ResponseValidationError('WebSocket message is not a JSON object', { url: where })
    }
    return message as Record<string, unknown>
  }

  function handle(data: unknown): void {
    const message = readMessage(data)
    const type = message['@type']
    if (type === 'StateChange') {
      const parsed = context.validate ? validateWithSchema(stateChangeSchema, message) : undefined
      if (parsed !== undefined && !parsed.ok) {
        throw new ResponseValidationError(`invalid StateChange: ${parsed.message}`, {
          url: where,
        })
      }
      // Checked by stateChangeSchema when validating, as the server sent it otherwise.
      const change = (parsed?.value ?? message) as StateChange
      // Resume from here after a reconnect, so no change in between is lost.
      if (pushWanted !== undefined && typeof change.pushState === 'string') {
        pushWanted = { ...pushWanted, pushState: change.pushState }
      }
      for (const listener of listeners) listener(change)
      return
    }
    const requestId = typeof message.requestId === 'string' ? message.requestId : undefined
    const waiting = requestId === undefined ? undefined : pending.get(requestId)
    if (waiting === undefined || requestId === undefined) return
    pending.delete(requestId)
    if (type === 'RequestError') {
      const problem = readProblemDetails(message)
      waiting.reject(
        problem === undefined
          ? new ResponseValidationError('RequestError without a problem type', { url: where })
          : new RequestProblemError(problem, problem.status ?? 400),
      )
      return
    }
    try {
      waiting.resolve(
        context.validate
          ? validateResponseEnvelope(message, { url: where, calls: waiting.request.methodCalls })
          : (message as unknown as JmapResponse),
      )
    } catch (error) {
      waiting.reject(error)
    }
  }

  function enablePush(on: WebSocketLike): void {
    if (pushWanted === undefined) return
    on.send(
      JSON.stringify({
        '@type': 'WebSocketPushEnable',
        dataTypes: pushWanted.dataTypes,
        ...(pushWanted.pushState === undefined ? {} : { pushState: pushWanted.pushState }),
      }),
    )
  }

  /** Ends everything: waiting requests fail with `error`, push streams end (throwing it unless closed by the user). */
  function finish(error: TransportError): void {
    closed = error
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
    for (const wake of wakers) wake()
  }

  /** A drop the user did not ask for: fail what may have written, keep the rest, reconnect. */
  function dropped(event: { code: number; reason: string }): void {
    const why = `WebSocket ${where} dropped (${event.code} ${event.reason})`
    if (policy === undefined) {
      finish(
        new TransportError(`${why}; reconnect is off`, {
          failure: 'network',
          url: where,
          writeMayHaveHappened: [...pending.values()].some((w) => w.transmitted),
        }),
      )
      return
    }
    for (const [id, waiting] of pending) {
      if (!waiting.transmitted) continue
      const safe = isRetrySafe(waiting.request)
      if (safe && !waiting.resent) {
        waiting.transmitted = false
        waiting.resent = true
        continue
      }
      pending.delete(id)
      waiting.reject(
        new TransportError(
          safe
            ? `${why} twice before the answer came`
            : `${why} before the answer came; not re-sent, since it may hold a write: check the server's state`,
          { failure: 'network', url: where, writeMayHaveHappened: !safe },
        ),
      )
    }
    void reconnect(policy, why)
  }

  async function reconnect(bound: Required<WebSocketReconnectOptions>, why: string): Promise<void> {
    let lastError: unknown
    for (let attempt = 0; attempt < bound.attempts; attempt++) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reconnectDelay(attempt, bound))
        cancelReconnect = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      cancelReconnect = undefined
      if (closed !== undefined) return
      try {
        const opened = await connect()
        if (closed !== undefined) {
          opened.close(1000, 'done')
          return
        }
        attach(opened)
        enablePush(opened)
        for (const waiting of pending.values()) {
          waiting.transmitted = true
          opened.send(waiting.message)
        }
        return
      } catch (error) {
        lastError = error
      }
    }
    finish(
      new TransportError(
        `${why}; gave up after ${bound.attempts} reconnect attempts`,
        { failure: 'network', url: where },
        { cause: lastError },
      ),
    )
  }

  function attach(opened: WebSocketLike): void {
    current = opened
    opened.onerror = null
    opened.onmessage = (event) => {
      try {
        handle(event.data)
      } catch (error) {
        // A message that cannot be read may have been anyone's answer: fail every
        // waiting request rather than leave one hanging, and drop the socket.
        for (const waiting of pending.values()) waiting.reject(error)
        pending.clear()
        // Browsers' close() takes only 1000 and 3000–4999 (1007 would throw).
        opened.close(1000, 'invalid JMAP message')
      }
    }
    opened.onclose = (event) => {
      if (opened !== current) return
      current = undefined
      if (closed === undefined) dropped(event)
    }
  }

  attach(await connect())

  return {
    send(request) {
      if (closed !== undefined) return Promise.reject(closed)
      return gate.run(
        () =>
          new Promise<JmapResponse>((resolve, reject) => {
            if (closed !== undefined) {
              reject(closed)
              return
            }
            const id = `r${nextId++}`
            const timer =
              context.timeout > 0
                ? setTimeout(() => {
                    pending.delete(id)
                    reject(
                      new TransportError(`no response over ${where} within ${context.timeout} ms`, {
                        failure: 'timeout',
                        url: where,
                        writeMayHaveHappened: !isRetrySafe(request),
                      }),
                    )
                  }, context.timeout)
                : undefined
            const settle = (): void => clearTimeout(timer)
            const waiting: Waiting = {
              request,
              message: JSON.stringify({ '@type': 'Request', id, ...request }),
              transmitted: current !== undefined,
              resent: false,
              resolve: (response) => {
                settle()
                resolve(response)
              },
              reject: (error) => {
                settle()
                reject(error)
              },
            }
            pending.set(id, waiting)
            // While reconnecting it waits in `pending` and goes out on the new socket.
            current?.send(waiting.message)
          }),
      )
    },
    push(pushOptions = {}) {
      if (!capability.supportsPush) {
        throw new SessionError(
          'pushUnavailable',
          `${where} does not support push (supportsPush is false)`,
        )
      }
      if (closed !== undefined) throw closed
      const queue: StateChange[] = []
      let wake: (() => void) | undefined
      let ended = false
      const listener = (change: StateChange): void => {
        queue.push(change)
        wake?.()
      }
      const waker = (): void => wake?.()
      listeners.add(listener)
      wakers.add(waker)
      pushWanted = {
        dataTypes: pushOptions.dataTypes ?? null,
        ...(pushOptions.pushState === undefined ? {} : { pushState: pushOptions.pushState }),
      }
      if (current !== undefined) enablePush(current)
      const end = (): void => {
        if (ended) return
        ended = true
        listeners.delete(listener)
        wakers.delete(waker)
        if (listeners.size === 0) {
          pushWanted = undefined
          if (closed === undefined)
            current?.send(JSON.stringify({ '@type': 'WebSocketPushDisable' }))
        }
        wake?.()
      }
      async function* changes(): AsyncGenerator<StateChange, void, undefined> {
        try {
          while (!ended) {
            const next = queue.shift()
            if (next !== undefined) {
              yield next
              continue
            }
            // Changes already queued are given first; then a connection lost
            // for good is an error, a close() by the user a quiet end.
            if (closed !== undefined) {
              if (closedByUser) return
              throw closed
            }
            await new Promise<void>((resolve) => {
              wake = resolve
            })
            wake = undefined
          }
        } finally {
          end()
        }
      }
      const iterator = changes()
      return { [Symbol.asyncIterator]: () => iterator, close: end }
    },
    close() {
      if (closed !== undefined) return
      closedByUser = true
      finish(
        new TransportError(`WebSocket ${where} was closed by close()`, {
          failure: 'network',
          url: where,
        }),
      )
      cancelReconnect?.()
      current?.close(1000, 'done')
    },
  }
}
