import { SessionError } from '../errors/session-error.js'
import type { Invocation, JmapRequest } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import { coreLimits, type Session } from '../session/session.js'

/**
 * How single calls are gathered into shared requests.
 *
 * @example { delay: 0 }
 */
export interface BatchingOptions {
  /** Milliseconds to wait for more calls before sending; default 0 (the next macrotask). */
  readonly delay?: number
}

/**
 * One method call handed to the batcher, with the capabilities it needs.
 *
 * @see RFC 8620 §3.2
 * @example { name: 'Mailbox/get', args: { accountId: 'u1' }, using: ['urn:ietf:params:jmap:mail'] }
 */
export interface QueuedCall {
  readonly name: string
  readonly args: Record<string, unknown>
  readonly using: readonly string[]
}

interface Pending {
  readonly call: QueuedCall
  readonly resolve: (responses: Invocation[]) => void
  readonly reject: (reason: unknown) => void
  readonly signal: AbortSignal | undefined
}

/**
 * Gathers calls made in the same tick and sends them together; each caller gets
 * the method responses that carry its call id.
 *
 * @see RFC 8620 §3.3
 * @example const [[name, args]] = await batcher.enqueue({ name: 'Core/echo', args: {}, using: [] })
 */
export interface AutoBatcher {
  enqueue(call: QueuedCall, options?: { signal?: AbortSignal | undefined }): Promise<Invocation[]>
}

/**
 * Creates a batcher over a connection's `send` and `session`. N calls made
 * together cost ceil(N / maxCallsInRequest) requests, sent concurrently (the
 * connection queues them by `maxConcurrentRequests`).
 *
 * @example const batcher = createAutoBatcher({ send, session, delay: 0 })
 */
export function createAutoBatcher(context: {
  readonly send: (request: JmapRequest) => Promise<JmapResponse>
  readonly session: () => Promise<Session>
  readonly delay?: number
}): AutoBatcher {
  let queue: Pending[] = []
  let scheduled = false

  async function dispatch(batch: Pending[]): Promise<void> {
    let session: Session
    try {
      session = await context.session()
    } catch (error) {
      for (const pending of batch) pending.reject(error)
      return
    }
    const sendable: Pending[] = []
    for (const pending of batch) {
      if (pending.signal?.aborted) continue
      const missing = pending.call.using.filter((urn) => !Object.hasOwn(session.capabilities, urn))
      if (missing.length > 0) {
        pending.reject(
          new SessionError(
            'missingCapability',
            `${pending.call.name} needs ${missing.join(', ')}, which the server does not advertise`,
          ),
        )
      } else sendable.push(pending)
    }
    const size = coreLimits(session).maxCallsInRequest
    const sends: Promise<void>[] = []
    for (let start = 0; start < sendable.length; start += size) {
      sends.push(sendChunk(sendable.slice(start, start + size)))
    }
    await Promise.all(sends)
  }

  async function sendChunk(chunk: Pending[]): Promise<void> {
    const using = new Set<string>(['urn:ietf:params:jmap:core'])
    const methodCalls: Invocation[] = chunk.map((pending, index) => {
      for (const urn of pending.call.using) using.add(urn)
      return [pending.call.name, pending.call.args, String(index)]
    })
    try {
      const response = await context.send({ using: [...using], methodCalls })
      const byId = new Map<string, Invocation[]>()
      for (const invocation of response.methodResponses) {
        const list = byId.get(invocation[2])
        if (list === undefined) byId.set(invocation[2], [invocation])
        else list.push(invocation)
      }
      chunk.forEach((pending, index) => {
        pending.resolve(byId.get(String(index)) ?? [])
      })
    } catch (error) {
      for (const pending of chunk) pending.reject(error)
    }
  }

  function flush(): void {
    scheduled = false
    const batch = queue
    queue = []
    void dispatch(batch)
  }

  return {
    enqueue(call, options = {}) {
      const signal = options.signal
      if (signal?.aborted) return Promise.reject(signal.reason)
      return new Promise<Invocation[]>((resolve, reject) => {
        const pending: Pending = { call, resolve, reject, signal }
        // An abort before sending removes the call; after sending, the shared
        // request goes on for the others and only this caller stops waiting.
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
        queue.push(pending)
        if (!scheduled) {
          scheduled = true
          setTimeout(flush, context.delay ?? 0)
        }
      })
    },
  }
}
