import * as v from 'valibot'
import type { EchoedId } from '../creation-id/echoed-id.js'
import { EchoedIdSchema } from '../creation-id/echoed-id.js'
import { type Id, IdSchema } from '../primitives/id.js'
import { type UTCDate, UTCDateSchema } from '../primitives/utc-date.js'
import type { ResponseSchema, ResponseSchemaFactory } from '../registry/method-runtime.js'
import type { SelectProperties } from '../standard-methods/get.js'
import { pickedObjectSchema } from '../standard-methods/object-entries.js'
import { type SetError, SetErrorSchema } from '../standard-methods/set-error.js'
import { typeTagSchema } from './type-tag.js'

/**
 * The keys a browser's push service hands out (`PushSubscription.getKey()` in
 * the Push API): the server encrypts every push with them (RFC 8291,
 * `aes128gcm`), so the push service relays bytes it cannot read. Both are
 * URL-safe base64 without padding.
 *
 * @see RFC 8620 §7.2, RFC 8291 §3
 * @example { "p256dh": "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcx…", "auth": "BTBZMqHH6r4Tts7J_aSIgg" }
 */
export interface PushKeys {
  /** The user agent's P-256 ECDH public key (65 octets, uncompressed point). */
  readonly p256dh: string
  /** The 16-octet authentication secret. */
  readonly auth: string
}

/**
 * A push subscription: where the server posts `StateChange` objects for this
 * client, once verified.
 *
 * @see RFC 8620 §7.2
 * @example { "id": "P1", "deviceClientId": "a889-ffea-910", "url": "https://push.example/x", "expires": null, "types": ["Email"] }
 */
export interface PushSubscription {
  readonly id: Id
  readonly deviceClientId: string
  readonly url: string
  readonly keys: PushKeys | null
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
  /** Set for a browser's push service: the server then encrypts every push (RFC 8291). */
  readonly keys?: PushKeys | null
  /** Asked expiry; the server may shorten it (see the `created` answer). */
  readonly expires?: UTCDate | null
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
 * The valibot schema of a {@link PushVerification}; extra members are kept.
 *
 * @see RFC 8620 §7.2.2
 * @example v.parse(pushVerificationSchema, JSON.parse(body))
 */
export const pushVerificationSchema: v.GenericSchema<unknown, PushVerification> = v.looseObject({
  '@type': typeTagSchema('PushVerification'),
  pushSubscriptionId: v.string(),
  verificationCode: v.string(),
})

/**
 * Recognizes a {@link PushVerification} in the body a push endpoint received
 * (the endpoint gets `StateChange` objects too, which this returns `undefined` for).
 *
 * @see RFC 8620 §7.2.2
 * @example readPushVerification(JSON.parse(body))?.verificationCode
 */
export function readPushVerification(body: unknown): PushVerification | undefined {
  const parsed = v.safeParse(pushVerificationSchema, body)
  if (!parsed.success) return undefined
  const { pushSubscriptionId, verificationCode } = parsed.output
  return { '@type': 'PushVerification', pushSubscriptionId, verificationCode }
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

/**
 * The properties `PushSubscription/get` may return: all but `url` and `keys`,
 * which a server never gives back (asking for them is a `forbidden` error).
 *
 * @see RFC 8620 §7.2.1
 */
export type PushSubscriptionReadable = Omit<PushSubscription, 'url' | 'keys'>

/**
 * A property name `PushSubscription/get` accepts in `properties`.
 *
 * @see RFC 8620 §7.2.1
 * @example const properties: PushSubscriptionProperty[] = ['deviceClientId', 'expires']
 */
export type PushSubscriptionProperty = keyof PushSubscriptionReadable & string

/**
 * Arguments of `PushSubscription/get`: a standard /get without `accountId`
 * (subscriptions belong to the credentials, not to an account).
 *
 * @see RFC 8620 §7.2.1
 * @example { "ids": null, "properties": ["deviceClientId", "expires"] }
 */
export interface PushSubscriptionGetArguments {
  /** The subscriptions to return; `null` or absent for all of this client's credentials. */
  readonly ids?: readonly Id[] | null
  /** The properties to return; `null` for all but `url` and `keys`. */
  readonly properties?: readonly PushSubscriptionProperty[] | null
}

/**
 * Response of `PushSubscription/get`: no `accountId`, no `state`.
 *
 * @see RFC 8620 §7.2.1
 * @example { "list": [{ "id": "P1", "deviceClientId": "a889-ffea-910", "verificationCode": "b210ef734fe5f439c1ca386421359f7b", "expires": "2018-07-31T00:00:00Z", "types": [] }], "notFound": [] }
 */
export interface PushSubscriptionGetResponse<TObject = PushSubscriptionReadable> {
  readonly list: TObject[]
  readonly notFound: Id[]
}

/**
 * Method witness of `PushSubscription/get`; the listed objects are narrowed to
 * the `properties` asked for.
 *
 * @see RFC 8620 §7.2.1
 */
export interface PushSubscriptionGetMethod {
  readonly capability: 'urn:ietf:params:jmap:core'
  readonly args: PushSubscriptionGetArguments
  readonly response: PushSubscriptionGetResponse<
    SelectProperties<PushSubscriptionReadable, this['~args'], PushSubscriptionProperty>
  >
  readonly '~args': unknown
  /** Phantom: the properties `properties` may name. */
  readonly '~object': PushSubscriptionReadable
}

/**
 * What an update may change: `url` and `keys` are immutable (destroy and
 * create again to change them).
 *
 * @see RFC 8620 §7.2.2
 * @example { "expires": "2026-12-14T00:00:00Z" }
 */
export interface PushSubscriptionPatch {
  /** The code the server sent in the {@link PushVerification}. */
  readonly verificationCode?: string
  /** The new expiry; the server may shorten it (see `updated[id].expires`). */
  readonly expires?: UTCDate | null
  readonly types?: readonly string[] | null
}

/**
 * The mutable part of a subscription, for the builder's patch-path check.
 *
 * @see RFC 8620 §7.2.2
 */
export interface PushSubscriptionMutable {
  readonly id: Id
  readonly verificationCode: string
  readonly expires: UTCDate | null
  readonly types: readonly string[] | null
}

/**
 * Arguments of `PushSubscription/set`: a standard /set without `accountId`
 * and `ifInState`.
 *
 * @see RFC 8620 §7.2.2
 * @example { "create": { "k1": { "deviceClientId": "d1", "url": "https://push.example/x", "types": null } } }
 */
export interface PushSubscriptionSetArguments {
  readonly create?: { readonly [creationId: string]: PushSubscriptionCreate } | null
  readonly update?: Readonly<Record<Id, PushSubscriptionPatch>> | null
  readonly destroy?: readonly Id[] | null
}

/**
 * What the server answers for a created subscription: its id and whatever it
 * set or changed, typically `expires` when it shortened the asked lifetime.
 *
 * @see RFC 8620 §7.2.2
 * @example { "id": "P43", "expires": "2026-12-14T00:00:00Z" }
 */
export interface PushSubscriptionCreated {
  readonly id: Id
  readonly expires?: UTCDate | null
  readonly types?: readonly string[] | null
}

/**
 * Response of `PushSubscription/set`: no `accountId`, `oldState` or `newState`.
 *
 * @see RFC 8620 §7.2.2
 * @example { "created": { "k1": { "id": "P43", "expires": "2026-12-14T00:00:00Z" } }, "updated": null, "destroyed": null, "notCreated": null, "notUpdated": null, "notDestroyed": null }
 */
export interface PushSubscriptionSetResponse {
  readonly created: Record<string, PushSubscriptionCreated> | null
  /** For each updated id, `null` or what the server changed beyond the patch (a clamped `expires`). */
  readonly updated: Record<Id, { readonly expires?: UTCDate | null } | null> | null
  readonly destroyed: Id[] | null
  readonly notCreated: Record<string, SetError> | null
  readonly notUpdated: Record<EchoedId, SetError> | null
  readonly notDestroyed: Record<EchoedId, SetError> | null
}

/**
 * Method witness of `PushSubscription/set`.
 *
 * @see RFC 8620 §7.2.2
 */
export interface PushSubscriptionSetMethod {
  readonly capability: 'urn:ietf:params:jmap:core'
  readonly args: PushSubscriptionSetArguments
  readonly response: PushSubscriptionSetResponse
  readonly '~args': unknown
  /** Phantom: the patchable properties, for the builder's patch-path check. */
  readonly '~object': PushSubscriptionMutable
}

const pushSubscriptionSchema = v.looseObject({
  id: IdSchema,
  deviceClientId: v.string(),
  verificationCode: v.nullish(v.string(), null),
  expires: v.nullish(UTCDateSchema, null),
  types: v.nullish(v.array(v.string()), null),
})

const pushSubscriptionGetEnvelope = (item: v.GenericSchema): v.GenericSchema =>
  v.looseObject({ list: v.array(item), notFound: v.nullish(v.array(IdSchema), []) })

const allReadable = pushSubscriptionGetEnvelope(pushSubscriptionSchema)

/**
 * Runtime entry of `PushSubscription/get`: the list is checked against the
 * `properties` of each call.
 *
 * @see RFC 8620 §7.2.1
 */
export const pushSubscriptionGetRuntime: { readonly response: ResponseSchemaFactory } = {
  response: (args) =>
    Array.isArray(args.properties)
      ? pushSubscriptionGetEnvelope(pickedObjectSchema(pushSubscriptionSchema, args.properties))
      : allReadable,
}

const setErrors = v.nullish(v.record(v.string(), SetErrorSchema), null)
const setErrorsById = v.nullish(v.record(EchoedIdSchema, SetErrorSchema), null)

/**
 * Runtime entry of `PushSubscription/set`.
 *
 * @see RFC 8620 §7.2.2
 */
export const pushSubscriptionSetRuntime: { readonly response: ResponseSchema } = {
  response: v.looseObject({
    created: v.nullish(
      v.record(
        v.string(),
        v.looseObject({
          id: IdSchema,
          expires: v.optional(v.nullable(UTCDateSchema)),
          types: v.optional(v.nullable(v.array(v.string()))),
        }),
      ),
      null,
    ),
    updated: v.nullish(
      v.record(
        v.string(),
        v.nullable(v.looseObject({ expires: v.optional(v.nullable(UTCDateSchema)) })),
      ),
      null,
    ),
    destroyed: v.nullish(v.array(IdSchema), null),
    notCreated: setErrors,
    notUpdated: setErrorsById,
    notDestroyed: setErrorsById,
  }),
}
