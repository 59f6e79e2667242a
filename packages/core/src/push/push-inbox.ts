import * as v from 'valibot'
import { type PushVerification, pushVerificationSchema } from './push-subscription.js'
import { type StateChange, stateChangeSchema } from './state-change.js'

/**
 * What a push endpoint received, recognized: the verification of a new
 * subscription, a `StateChange`, or a body that is neither (answer it with an
 * HTTP 400; `problem` says what is wrong).
 *
 * @see RFC 8620 §7.1, §7.2.2
 * @example { kind: 'stateChange', change: { '@type': 'StateChange', changed: { u1: { Email: 's9' } } } }
 */
export type PushMessage =
  | { readonly kind: 'verification'; readonly verification: PushVerification }
  | { readonly kind: 'stateChange'; readonly change: StateChange }
  | { readonly kind: 'invalid'; readonly problem: string }

/**
 * Recognizes the JSON body a push endpoint received (already decrypted when
 * the subscription has `keys`): a {@link PushVerification} or a
 * {@link StateChange}, checked whole.
 *
 * @see RFC 8620 §7.1, §7.2.2
 * @example
 * const message = readPushMessage(JSON.parse(body))
 * if (message.kind === 'invalid') return new Response(message.problem, { status: 400 })
 */
export function readPushMessage(body: unknown): PushMessage {
  const type =
    typeof body === 'object' && body !== null ? (body as { '@type'?: unknown })['@type'] : undefined
  if (type === 'PushVerification') {
    const parsed = v.safeParse(pushVerificationSchema, body)
    return parsed.success
      ? { kind: 'verification', verification: parsed.output }
      : invalid('PushVerification', parsed.issues)
  }
  if (type === 'StateChange') {
    const parsed = v.safeParse(stateChangeSchema, body)
    return parsed.success
      ? { kind: 'stateChange', change: parsed.output }
      : invalid('StateChange', parsed.issues)
  }
  return {
    kind: 'invalid',
    problem: `@type is ${JSON.stringify(type) ?? 'missing'}, not "PushVerification" or "StateChange"`,
  }
}

function invalid(
  type: string,
  issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
): PushMessage {
  const issue = issues[0]
  const path = v.getDotPath(issue)
  return {
    kind: 'invalid',
    problem: `${type}${path === null ? '' : ` at ${path}`}: ${issue.message}`,
  }
}

/**
 * Options of {@link PushInbox.verification}.
 *
 * @example { timeoutMs: 30_000, signal: AbortSignal.timeout(60_000) }
 */
export interface PushVerificationWaitOptions {
  /** How long to wait for the server's POST (default 30 s). */
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
}

/**
 * Thrown when the server's {@link PushVerification} did not reach the push
 * endpoint in time (wrong callback URL, firewall, a server that does not push).
 *
 * @see RFC 8620 §7.2.2
 * @example if (error instanceof PushVerificationTimeoutError) console.warn(error.pushSubscriptionId)
 */
export class PushVerificationTimeoutError extends Error {
  override readonly name = 'PushVerificationTimeoutError' as const
  /** The subscription that stayed unverified. */
  readonly pushSubscriptionId: string

  constructor(pushSubscriptionId: string, timeoutMs: number) {
    super(`no PushVerification for ${pushSubscriptionId} within ${timeoutMs} ms`)
    this.pushSubscriptionId = pushSubscriptionId
  }
}

/**
 * The receiving side of push subscriptions in one process: a web-push or
 * webhook handler feeds it every body it gets; subscribing waits on it for the
 * verification, and the application reads `StateChange`s from it.
 *
 * @see RFC 8620 §7.2
 * @example
 * const inbox = createPushInbox()
 * // in the HTTP handler of the push URL:
 * const message = inbox.receive(await request.json())
 * return new Response(null, { status: message.kind === 'invalid' ? 400 : 204 })
 */
export interface PushInbox {
  /**
   * Takes one received body. A verification is kept until
   * {@link PushInbox.verification} asks for it (it may arrive before the
   * `PushSubscription/set` response does); a `StateChange` goes to
   * {@link PushInbox.stateChanges}.
   */
  receive(body: unknown): PushMessage
  /** Resolves with the verification of a subscription, received before or after the call. */
  verification(
    pushSubscriptionId: string,
    options?: PushVerificationWaitOptions,
  ): Promise<PushVerification>
  /**
   * The `StateChange`s received from now on, in order, until `signal` aborts.
   * Pushes arriving while nobody reads are queued (at most `maxQueued`,
   * default 1000, oldest dropped first: a newer StateChange carries newer states).
   */
  stateChanges(options?: {
    readonly signal?: AbortSignal
    readonly maxQueued?: number
  }): AsyncIterable<StateChange>
}

const defaultVerificationTimeoutMs = 30_000

/**
 * Creates a {@link PushInbox}. For several processes behind one push URL,
 * use {@link readPushMessage} and {@link verifyPushSubscriptionArgs} with your
 * own shared store instead.
 *
 * @see RFC 8620 §7.2
 * @example const inbox = createPushInbox()
 */
export function createPushInbox(): PushInbox {
  const verifications = new Map<string, PushVerification>()
  const waiters = new Map<string, Set<(verification: PushVerification) => void>>()
  const readers = new Set<(change: StateChange) => void>()

  return {
    receive(body) {
      const message = readPushMessage(body)
      if (message.kind === 'verification') {
        const { pushSubscriptionId } = message.verification
        const waiting = waiters.get(pushSubscriptionId)
        if (waiting === undefined) verifications.set(pushSubscriptionId, message.verification)
        else for (const resolve of waiting) resolve(message.verification)
      } else if (message.kind === 'stateChange') {
        for (const deliver of readers) deliver(message.change)
      }
      return message
    },

    verification(pushSubscriptionId, options = {}) {
      const received = verifications.get(pushSubscriptionId)
      if (received !== undefined) {
        verifications.delete(pushSubscriptionId)
        return Promise.resolve(received)
      }
      const timeoutMs = options.timeoutMs ?? defaultVerificationTimeoutMs
      return new Promise<PushVerification>((resolve, reject) => {
        const waiting = waiters.get(pushSubscriptionId) ?? new Set()
        waiters.set(pushSubscriptionId, waiting)
        const settle = (): void => {
          clearTimeout(timer)
          options.signal?.removeEventListener('abort', onAbort)
          waiting.delete(onVerification)
          if (waiting.size === 0) waiters.delete(pushSubscriptionId)
        }
        const onVerification = (verification: PushVerification): void => {
          settle()
          resolve(verification)
        }
        const onAbort = (): void => {
          settle()
          reject(options.signal?.reason)
        }
        const timer = setTimeout(() => {
          settle()
          reject(new PushVerificationTimeoutError(pushSubscriptionId, timeoutMs))
        }, timeoutMs)
        waiting.add(onVerification)
        if (options.signal?.aborted) onAbort()
        else options.signal?.addEventListener('abort', onAbort, { once: true })
      })
    },

    stateChanges(options = {}) {
      const maxQueued = options.maxQueued ?? 1000
      return {
        [Symbol.asyncIterator](): AsyncIterator<StateChange> {
          const queue: StateChange[] = []
          let wake: (() => void) | undefined
          const deliver = (change: StateChange): void => {
            queue.push(change)
            if (queue.length > maxQueued) queue.shift()
            wake?.()
          }
          const stop = (): void => {
            readers.delete(deliver)
            wake?.()
          }
          readers.add(deliver)
          options.signal?.addEventListener('abort', stop, { once: true })
          return {
            async next(): Promise<IteratorResult<StateChange>> {
              for (;;) {
                const change = queue.shift()
                if (change !== undefined) return { value: change, done: false }
                if (options.signal?.aborted || !readers.has(deliver))
                  return { value: undefined, done: true }
                await new Promise<void>((resolve) => {
                  wake = resolve
                })
                wake = undefined
              }
            },
            async return(): Promise<IteratorResult<StateChange>> {
              stop()
              return { value: undefined, done: true }
            },
          }
        },
      }
    },
  }
}
