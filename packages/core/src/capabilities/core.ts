import { describeValue, isJsonObject } from '../connection/json-shape.js'
import type { Id } from '../primitives/id.js'
import type {
  PushSubscriptionGetMethod,
  PushSubscriptionSetMethod,
} from '../push/push-subscription.js'
import { type CapabilityDefinition, defineCapability } from '../registry/capability-definition.js'
import type { MethodRuntime, ResponseValidator } from '../registry/method-runtime.js'
import type { CoreCapability } from '../session/session.js'
import type { SetError } from '../standard-methods/set-error.js'

/** The URN of JMAP core; always part of `using`. */
export const coreUrn = 'urn:ietf:params:jmap:core'

/**
 * Method witness of `Core/echo`: the response is the arguments sent.
 *
 * @see RFC 8620 §4
 * @example ["Core/echo", { "hello": true }, "c0"] → ["Core/echo", { "hello": true }, "c0"]
 */
export interface CoreEchoMethod {
  readonly capability: typeof coreUrn
  readonly args: { readonly [argument: string]: unknown }
  readonly response: this['~args'] extends object ? this['~args'] : Record<string, unknown>
  readonly '~args': unknown
}

/**
 * Arguments of `Blob/copy`.
 *
 * @see RFC 8620 §6.3
 * @example { "fromAccountId": "u1", "accountId": "u2", "blobIds": ["B1"] }
 */
export interface BlobCopyArguments {
  readonly fromAccountId: string
  readonly accountId: string
  readonly blobIds: readonly Id[]
}

/**
 * Response of `Blob/copy`.
 *
 * @see RFC 8620 §6.3
 * @example { "fromAccountId": "u1", "accountId": "u2", "copied": { "B1": "B9" }, "notCopied": null }
 */
export interface BlobCopyResponse {
  readonly fromAccountId: Id
  readonly accountId: Id
  /** The new blob id of each copied blob, by original blob id. */
  readonly copied: Record<Id, Id> | null
  /** Why each blob was not copied, by blob id. */
  readonly notCopied: Record<Id, SetError> | null
}

/**
 * Method witness of `Blob/copy`.
 *
 * @see RFC 8620 §6.3
 */
export interface BlobCopyMethod {
  readonly capability: typeof coreUrn
  readonly args: BlobCopyArguments
  readonly response: BlobCopyResponse
  readonly '~args': unknown
}

/**
 * The methods core registers. `PushSubscription/*` take no `accountId` and
 * need nothing in `using` beyond core.
 *
 * @see RFC 8620 §4, §6.3, §7.2
 */
export interface CoreMethods {
  'Core/echo': CoreEchoMethod
  'Blob/copy': BlobCopyMethod
  'PushSubscription/get': PushSubscriptionGetMethod
  'PushSubscription/set': PushSubscriptionSetMethod
}

declare module '../registry/methods.js' {
  interface Methods extends CoreMethods {}
}

declare module '../registry/capabilities.js' {
  interface Capabilities {
    'urn:ietf:params:jmap:core': { readonly session: CoreCapability; readonly account: {} }
  }
}

// Core/echo answers with the arguments it was sent: any object. A Standard
// Schema written by hand, as valibot would be the only reason a core-only app
// bundles valibot (see connection/json-shape.ts).
const echoResponse: ResponseValidator<Record<string, unknown>> = {
  '~standard': {
    version: 1,
    vendor: 'typed-jmap',
    validate: (value) =>
      isJsonObject(value)
        ? { value }
        : { issues: [{ message: `expected an object, got ${describeValue(value)}` }] },
  },
}

type OnDemand = typeof import('../connection/on-demand.js')

/**
 * The runtime of a core method whose response validator lives in the on-demand
 * chunk with the blob and push code: loaded before the first such response is
 * checked, so a client that never calls the method does not bundle it.
 */
function onDemand<TResponse>(
  pick: (loaded: OnDemand) => MethodRuntime<TResponse>,
): MethodRuntime<TResponse> {
  let loaded: MethodRuntime<TResponse> | undefined
  return {
    response: (args) => {
      if (loaded === undefined) throw new Error('a core validator was used before it was loaded')
      return typeof loaded.response === 'function' ? loaded.response(args) : loaded.response
    },
    loadResponse: async () => {
      loaded ??= pick(await import('../connection/on-demand.js'))
    },
  }
}

/**
 * The runtime table of JMAP core (`Core/echo`, `Blob/copy`,
 * `PushSubscription/get`, `PushSubscription/set`); every client includes it.
 *
 * @see RFC 8620 §4, §6.3, §7.2
 * @example createClient({ sessionUrl, auth, capabilities: [mail] }) // core is implied
 */
export const core: CapabilityDefinition<typeof coreUrn, CoreMethods> = defineCapability<
  typeof coreUrn,
  CoreMethods
>({
  urn: coreUrn,
  methods: {
    'Core/echo': { response: echoResponse },
    'Blob/copy': onDemand((loaded) => loaded.blobCopyRuntime),
    'PushSubscription/get': onDemand((loaded) => loaded.pushSubscriptionGetRuntime),
    'PushSubscription/set': onDemand((loaded) => loaded.pushSubscriptionSetRuntime),
  },
})
