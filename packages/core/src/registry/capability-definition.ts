import type { MethodRuntime, ResponseValidator } from './method-runtime.js'
import type { MethodNameOf, Methods } from './methods.js'

/**
 * The runtime table of one capability: its URN and, for every method of
 * `TMethods` (by default every method the registry lists under that URN), a
 * {@link MethodRuntime}. A registered method without a runtime entry makes the
 * table fail to compile. A client can call exactly the methods of the tables
 * it was created with.
 *
 * `TMethods` is the package's own view of its witnesses. When a package passes
 * it, `createClient` compares it with the merged registry and reports a
 * conflicting registration by another package at the user's call site.
 *
 * @see RFC 8620 §2
 * @example
 * export const mail: CapabilityDefinition<'urn:ietf:params:jmap:mail', MailMethods> =
 *   defineCapability({ urn: 'urn:ietf:params:jmap:mail', methods: { 'Email/get': { response: … } } })
 */
export interface CapabilityDefinition<
  TUrn extends string,
  TMethods extends object = Pick<Methods, MethodNameOf<TUrn>>,
> {
  /** The capability URN, sent in `using` when one of its methods is called. */
  readonly urn: TUrn
  /** One runtime entry per method of the capability. */
  readonly methods: CapabilityMethods<TMethods>
  /** The schema of `session.capabilities[urn]`, checked by `client.session()`. */
  readonly sessionCapability?: ResponseValidator
  /** The schema of each `account.accountCapabilities[urn]`, checked by `client.session()`. */
  readonly accountCapability?: ResponseValidator
  /**
   * For an extension capability that owns no methods but changes those of
   * others (`urn:ietf:params:jmap:tasks:recurrences` adds properties to
   * Task): the URNs whose calls also send this URN in `using`, when the
   * client is created with this table.
   *
   * @see RFC 8620 §3.3
   * @example { urn: 'urn:ietf:params:jmap:tasks:recurrences', methods: {}, extends: ['urn:ietf:params:jmap:tasks'] }
   */
  readonly extends?: readonly string[]
  /** Phantom: the witnesses as the package declared them. Never set at run time. */
  readonly '~methods'?: TMethods
}

/**
 * The `methods` table of a {@link CapabilityDefinition}: a required entry for
 * every method of `TMethods` (by default, every method the registry lists
 * under the URN), whose schema's output must be assignable to the response
 * the method's witness declares.
 */
export type CapabilityMethods<TMethods extends object> = {
  readonly [TMethod in keyof TMethods & string]-?: MethodRuntime<
    DeclaredResponse<TMethods[TMethod]>
  >
}

/**
 * The response a witness declares for a call whose arguments are not known
 * (`'~args'` left `unknown`): what every response of the method must fit.
 */
type DeclaredResponse<TWitness> = TWitness extends { readonly response: unknown }
  ? (TWitness & { readonly '~args': unknown })['response']
  : unknown

/**
 * Any capability table, whatever its URN and methods.
 *
 * @example const tables: readonly AnyCapabilityDefinition[] = [core, mail]
 */
export interface AnyCapabilityDefinition {
  /** The capability URN. */
  readonly urn: string
  /** The runtime entries by method name. */
  readonly methods: { readonly [method: string]: MethodRuntime }
  /** The schema of `session.capabilities[urn]`. */
  readonly sessionCapability?: ResponseValidator
  /** The schema of each `account.accountCapabilities[urn]`. */
  readonly accountCapability?: ResponseValidator
  /** The URNs whose calls also send this one in `using`. */
  readonly extends?: readonly string[]
  /** Phantom: the witnesses as the package declared them. */
  readonly '~methods'?: object
}

/**
 * Declares a capability's runtime table; the argument is checked against the
 * registry, so a missing or misspelt method is a compile error.
 *
 * @see RFC 8620 §2
 * @example defineCapability({ urn: 'urn:ietf:params:jmap:core', methods: { 'Core/echo': { response: echoSchema } } })
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineCapability<
  const TUrn extends string,
  TMethods extends object = Pick<Methods, MethodNameOf<TUrn>>,
>(definition: CapabilityDefinition<TUrn, TMethods>): CapabilityDefinition<TUrn, TMethods> {
  return Object.freeze({ ...definition, methods: Object.freeze({ ...definition.methods }) })
}
