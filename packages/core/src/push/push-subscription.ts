/**
 * A push subscription: where the server posts `StateChange` objects for this
 * client, once verified.
 *
 * @see RFC 8620 §7.2
 * @example { "id": "P1", "deviceClientId": "a889-ffea-910", "url": "https://push.example/x", "expires": null, "types": ["Email"] }
 */
export interface PushSubscription {
  readonly id: string
  readonly deviceClientId: string
  readonly url: string
  readonly keys: { readonly p256dh: string; readonly auth: string } | null
  /** Write-only in practice: servers answer it as `null`. */
  readonly verificationCode: string | null
  readonly expires: string | null
  readonly types: readonly string[] | null
}

/**
 * What a client creates: the server assigns `id`, the verification code comes
 * later through a {@link PushVerification}.
 *
 * @see RFC 8620 §7.2.2
 * @example { "deviceClientId": "a889-ffea-910", "url": "https://push.example/x", "types": null }
 */
export interface PushSubscriptionCreate {
  readonly deviceClientId: string
  readonly url: string
  readonly keys?: { readonly p256dh: string; readonly auth: string } | null
  readonly expires?: string | null
  readonly types?: readonly string[] | null
}

/**
 * The first message the server posts to a new subscription's URL; its code
 * must be set on the subscription before any `StateChange` is delivered.
 *
 * @see RFC 8620 §7.2.2
 * @example { "@type": "PushVerification", "pushSubscriptionId": "P1", "verificationCode": "da1f097b11ca17f06424e30bf02bfa67" }
 */
export interface PushVerification {
  readonly '@type': 'PushVerification'
  readonly pushSubscriptionId: string
  readonly verificationCode: string
}

/**
 * Recognizes a {@link PushVerification} in the body a push endpoint received
 * (the endpoint gets `StateChange` objects too, which this returns `undefined` for).
 *
 * @see RFC 8620 §7.2.2
 * @example readPushVerification(JSON.parse(body))?.verificationCode
 */
export function readPushVerification(body: unknown): PushVerification | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const candidate = body as Record<string, unknown>
  if (
    candidate['@type'] === 'PushVerification' &&
    typeof candidate.pushSubscriptionId === 'string' &&
    typeof candidate.verificationCode === 'string'
  ) {
    return {
      '@type': 'PushVerification',
      pushSubscriptionId: candidate.pushSubscriptionId,
      verificationCode: candidate.verificationCode,
    }
  }
  return undefined
}

/**
 * The `PushSubscription/set` arguments that complete verification.
 *
 * @see RFC 8620 §7.2.2
 * @example verifyPushSubscriptionArgs(verification)
 * // { "update": { "P1": { "verificationCode": "da1f…" } } }
 */
export function verifyPushSubscriptionArgs(verification: PushVerification): {
  update: Record<string, { verificationCode: string }>
} {
  return {
    update: {
      [verification.pushSubscriptionId]: { verificationCode: verification.verificationCode },
    },
  }
}
