import * as v from 'valibot'
import type { Credentials } from '../auth/credentials.js'
import type { OriginPolicy } from '../auth/origin-policy.js'
import { validateResponseEnvelope } from '../connection/response-envelope.js'
import { RequestProblemError } from '../errors/request-problem-error.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import { SessionError } from '../errors/session-error.js'
import { TransportError } from '../errors/transport-error.js'
import type { JmapRequest } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import type { DataTypeName } from '../registry/data-types.js'
import type { Session } from '../session/session.js'
import { parseJsonSafely } from '../transport/parse-json.js'
import { readProblemDetails } from '../transport/problem-details.js'
import { type StateChange, stateChangeSchema } from './state-change.js'

/** The capability a server advertises when it takes JMAP over WebSocket. */
export const webSocketCapability = 'urn:ietf:params:jmap:websocket'

/**
 * The subset of the WebSocket API used here, met by browsers' WebSocket and by `ws`.
 *
 * @example const socket: WebSocketLike = new WebSocket(url, 'jmap')
 */
export interface WebSocketLike {
  readonly protocol: string
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: { code: number; reason: string }) => void) | null
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
 * Options of an RFC 8887 WebSocket connection.
 *
 * @see RFC 8887
 * @example { WebSocket: (await import('ws')).default }
 */
export interface WebSocketOptions {
  /** Default: `ws` in Node (it can send Authorization), the global WebSocket elsewhere. */
  readonly WebSocket?: WebSocketConstructor
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
  send(request: JmapRequest): Promise<JmapResponse>
  /** Enables push and yields StateChanges until `close()` on the returned stream. */
  push(options?: WebSocketPushOptions): AsyncIterable<StateChange> & { close(): void }
  close(): void
}

const capabilitySchema = v.looseObject({ url: v.string(), supportsPush: v.boolean() })

async function defaultConstructor(): Promise<WebSocketConstructor> {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string'
  if (!isNode && typeof globalThis.WebSocket === 'function') {
    return globalThis.WebSocket as unknown as WebSocketConstructor
  }
  // ws can send an Authorization header; Node's own WebSocket cannot.
  const ws = (await import('ws')) as unknown as { default: WebSocketConstructor }
  return ws.default
}

function httpOrigin(url: URL): URL {
  const copy = new URL(url.href)
  copy.protocol = url.protocol === 'wss:' ? 'https:' : 'http:'
  return copy
}

/**
 * Opens the session's RFC 8887 WebSocket, refusing when the server does not
 * advertise it or when its URL is on an untrusted origin.
 *
 * @see RFC 8887 §4
 * @example const socket = await openJmapWebSocket({ session, credentials, policy, validate: true })
 */
export async function openJmapWebSocket(
  context: {
    readonly session: Session
    readonly credentials: Credentials
    readonly policy: OriginPolicy
    readonly validate: boolean
  },
  options: WebSocketOptions = {},
): Promise<JmapWebSocket> {
  const advertised = v.safeParse(
    capabilitySchema,
    context.session.capabilities[webSocketCapability],
  )
  if (!advertised.success) {
    throw new SessionError(
      'missingCapability',
      `the server does not advertise ${webSocketCapability}; use send() and events() over HTTP`,
    )
  }
  const url = new URL(advertised.output.url, context.session.apiUrl)
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    throw new SessionError('untrustedUrl', `WebSocket URL ${url.href} is not ws: or wss:`)
  }
  if (!context.policy.allows(httpOrigin(url))) {
    throw new SessionError('untrustedUrl', `WebSocket URL ${url.href} is not on a trusted origin`)
  }
  const Socket = options.WebSocket ?? (await defaultConstructor())
  const authorization = await context.credentials.header()
  const socket = new Socket(url.href, 'jmap', {
    ...(authorization === undefined ? {} : { headers: { authorization } }),
  })
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve()
    socket.onerror = () =>
      reject(new TransportError(`cannot open ${url.href}`, { failure: 'network', url: url.href }))
  })
  if (socket.protocol !== 'jmap') {
    socket.close(1002, 'jmap subprotocol required')
    throw new TransportError(`${url.href} did not accept the jmap subprotocol`, {
      failure: 'network',
      url: url.href,
    })
  }

  const pending = new Map<
    string,
    { request: JmapRequest; resolve: (r: JmapResponse) => void; reject: (e: unknown) => void }
  >()
  const listeners = new Set<(change: StateChange) => void>()
  let nextId = 0
  let closed: TransportError | undefined

  function readMessage(data: unknown): Record<string, unknown> {
    let message: unknown
    try {
      message = parseJsonSafely(String(data))
    } catch (error) {
      throw new ResponseValidationError(
        'WebSocket message is not JSON',
        { url: url.href },
        { cause: error },
      )
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      throw new ResponseValidationError('WebSocket message is not a JSON object', { url: url.href })
    }
    return message as Record<string, unknown>
  }

  function handle(data: unknown): void {
    const message = readMessage(data)
    const type = message['@type']
    if (type === 'StateChange') {
      const parsed = context.validate ? v.safeParse(stateChangeSchema, message) : undefined
      if (parsed !== undefined && !parsed.success) {
        throw new ResponseValidationError(`invalid StateChange: ${parsed.issues[0].message}`, {
          url: url.href,
        })
      }
      const change = parsed?.output ?? (message as unknown as StateChange)
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
          ? new ResponseValidationError('RequestError without a problem type', { url: url.href })
          : new RequestProblemError(problem, problem.status ?? 400),
      )
      return
    }
    try {
      waiting.resolve(
        context.validate
          ? validateResponseEnvelope(message, { url: url.href, calls: waiting.request.methodCalls })
          : (message as unknown as JmapResponse),
      )
    } catch (error) {
      waiting.reject(error)
    }
  }

  socket.onmessage = (event) => {
    try {
      handle(event.data)
    } catch (error) {
      // A message that cannot be read may have been anyone's answer: fail every
      // waiting request rather than leave one hanging, and drop the socket.
      for (const waiting of pending.values()) waiting.reject(error)
      pending.clear()
      socket.close(1007, 'invalid JMAP message')
    }
  }
  socket.onclose = (event) => {
    closed = new TransportError(`WebSocket ${url.href} closed (${event.code} ${event.reason})`, {
      failure: 'network',
      url: url.href,
      writeMayHaveHappened: pending.size > 0,
    })
    for (const waiting of pending.values()) waiting.reject(closed)
    pending.clear()
  }

  return {
    send(request) {
      if (closed !== undefined) return Promise.reject(closed)
      const id = `r${nextId++}`
      return new Promise<JmapResponse>((resolve, reject) => {
        pending.set(id, { request, resolve, reject })
        socket.send(JSON.stringify({ '@type': 'Request', id, ...request }))
      })
    },
    push(pushOptions = {}) {
      if (!advertised.output.supportsPush) {
        throw new SessionError(
          'pushUnavailable',
          `${url.href} does not support push (supportsPush is false)`,
        )
      }
      const queue: StateChange[] = []
      let wake: (() => void) | undefined
      let ended = false
      const listener = (change: StateChange): void => {
        queue.push(change)
        wake?.()
      }
      listeners.add(listener)
      socket.send(
        JSON.stringify({
          '@type': 'WebSocketPushEnable',
          dataTypes: pushOptions.dataTypes ?? null,
          ...(pushOptions.pushState === undefined ? {} : { pushState: pushOptions.pushState }),
        }),
      )
      const end = (): void => {
        if (ended) return
        ended = true
        listeners.delete(listener)
        if (closed === undefined) socket.send(JSON.stringify({ '@type': 'WebSocketPushDisable' }))
        wake?.()
      }
      async function* changes(): AsyncGenerator<StateChange, void, undefined> {
        try {
          while (!ended && closed === undefined) {
            const next = queue.shift()
            if (next !== undefined) {
              yield next
              continue
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
      socket.close(1000, 'done')
    },
  }
}
