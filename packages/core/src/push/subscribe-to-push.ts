import type { JmapClient } from '../client/create-client.js'
import { throwFirstSetError } from '../errors/throw-first-set-error.js'
import type { Id } from '../primitives/id.js'
import type { UTCDate } from '../primitives/utc-date.js'
import type { PushInbox, PushVerificationWaitOptions } from './push-inbox.js'
import type { PushSubscriptionCreate } from './push-subscription.js'
import { verifyPushSubscriptionArgs } from './push-subscription.js'

type Needed = 'PushSubscription/set'

/**
 * Options of {@link subscribeToPush}: the subscription to create, and how long
 * to wait for its verification.
 *
 * @see RFC 8620 §7.2
 * @example { deviceClientId: 'backend-1', url: 'https://hooks.example/jmap', types: ['Email'], verificationTimeoutMs: 10_000 }
 */
export interface SubscribeToPushOptions extends PushSubscriptionCreate {
  /** How long to wait for the server's PushVerification POST (default 30 s). */
  readonly verificationTimeoutMs?: number
  readonly signal?: AbortSignal
}

/**
 * A created and verified push subscription.
 *
 * @see RFC 8620 §7.2
 * @example { id: 'P43', expires: '2026-12-14T00:00:00Z' }
 */
export interface ActivePushSubscription {
  readonly id: Id
  /** When the server stops pushing, as it set it (it may shorten what was asked); `null`: never. */
  readonly expires: UTCDate | null
}

/**
 * The whole RFC 8620 §7.2 flow for a web-push or webhook backend, in two
 * requests: creates the subscription, waits on `inbox` for the
 * {@link PushVerification} the server POSTs to `url`, and sends its code
 * back. From then on the server POSTs `StateChange`s (read them from
 * `inbox.stateChanges()`). If the verification does not come, or the server
 * refuses the code, the subscription is destroyed before the error is thrown,
 * so no unverified subscription is left behind.
 *
 * For a browser's push service pass `keys` (the `p256dh` and `auth` of the
 * browser's `PushSubscription`): the server then encrypts every push with
 * RFC 8291 (`aes128gcm`) and the service worker decrypts it; `inbox` then
 * gets the decrypted body from the worker.
 *
 * @throws SetOperationError when the server refuses the creation or the code,
 *   PushVerificationTimeoutError when no verification arrived in time,
 *   MethodCallError when the server has no PushSubscription (Cyrus: `unknownMethod`)
 * @see RFC 8620 §7.2.2
 * @example
 * const inbox = createPushInbox() // fed by the handler of https://hooks.example/jmap
 * const subscription = await subscribeToPush(jmap, inbox, {
 *   deviceClientId: 'backend-1', url: 'https://hooks.example/jmap', types: ['Email'],
 * })
 * for await (const change of inbox.stateChanges()) syncAccounts(change.changed)
 */
export async function subscribeToPush<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  inbox: Pick<PushInbox, 'verification'>,
  options: SubscribeToPushOptions,
): Promise<ActivePushSubscription> {
  // The call-site type checked that the client has the method; inside a generic
  // function the builder cannot see that, so the client is viewed at the method used.
  const jmap = client as JmapClient<Needed>
  const { verificationTimeoutMs, signal, ...wanted } = options
  const requestOptions = signal === undefined ? {} : { signal }
  const created = await jmap.request(
    (b) => b.call('PushSubscription/set', { create: { push: wanted } }),
    requestOptions,
  )
  throwFirstSetError('PushSubscription/set', created)
  const answer = created.created?.push
  if (answer === undefined) throw new Error('PushSubscription/set answered no created entry')
  const id = answer.id
  try {
    const waitOptions: PushVerificationWaitOptions = {
      ...(verificationTimeoutMs === undefined ? {} : { timeoutMs: verificationTimeoutMs }),
      ...requestOptions,
    }
    const verification = await inbox.verification(id, waitOptions)
    const verified = await jmap.request(
      (b) => b.call('PushSubscription/set', verifyPushSubscriptionArgs(verification)),
      requestOptions,
    )
    throwFirstSetError('PushSubscription/set', verified)
  } catch (error) {
    await destroyQuietly(jmap, id)
    throw error
  }
  return { id, expires: answer.expires ?? wanted.expires ?? null }
}

async function destroyQuietly(jmap: JmapClient<Needed>, id: Id): Promise<void> {
  // Best effort: the original failure is what the caller must see.
  await jmap
    .request((b) => b.call('PushSubscription/set', { destroy: [id] }), {
      signal: AbortSignal.timeout(10_000),
    })
    .catch(() => undefined)
}

/**
 * Extends (or shortens) a subscription's lifetime; no new verification is
 * needed. Resolves with the expiry the server kept, which may be earlier than
 * asked (servers cap lifetimes, e.g. at 7 days).
 *
 * @throws SetOperationError when the server refuses (`notFound`: it already expired and was removed; subscribe again)
 * @see RFC 8620 §7.2.2
 * @example
 * if (pushRenewalDue(subscription.expires)) {
 *   const expires = await renewPushSubscription(jmap, subscription.id, UTCDate(new Date(Date.now() + 7 * 86_400_000)))
 * }
 */
export async function renewPushSubscription<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  id: Id,
  expires: UTCDate | null,
  options: { readonly signal?: AbortSignal } = {},
): Promise<UTCDate | null> {
  const jmap = client as JmapClient<Needed>
  const response = await jmap.request(
    (b) => b.call('PushSubscription/set', { update: { [id]: { expires } } }),
    options,
  )
  throwFirstSetError('PushSubscription/set', response)
  const changed = response.updated?.[id]
  return changed?.expires === undefined ? expires : changed.expires
}

/**
 * Whether a subscription should be renewed now: it expires within `marginMs`
 * (default one day) of `now`. A subscription without expiry never needs it.
 *
 * @see RFC 8620 §7.2
 * @example setInterval(() => { if (pushRenewalDue(sub.expires)) void renew() }, 3_600_000)
 */
export function pushRenewalDue(
  expires: string | null,
  options: { readonly now?: Date; readonly marginMs?: number } = {},
): boolean {
  if (expires === null) return false
  const now = (options.now ?? new Date()).getTime()
  return Date.parse(expires) - now <= (options.marginMs ?? 86_400_000)
}
