/**
 * The registry of JMAP methods: one entry per method name, each a
 * {@link MethodWitness}. Empty in core; every capability package adds its
 * methods by declaration merging, so importing a package registers its methods.
 *
 * @see RFC 8620 §3.2
 * @example
 * declare module '@typed-jmap/core' {
 *   interface Methods { 'Email/get': EmailGetMethod }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: it is empty until packages augment it
export interface Methods {}

/**
 * The type-level description of one JMAP method: the capability it needs, the
 * arguments it takes and the response it gives.
 *
 * Optional phantom members a witness may add: `'~object'` (the record type,
 * for patch path checks) and `'~creationArguments'` (the arguments whose
 * keys are creation ids when not just `create`, e.g. `'send'` for MDN/send)
 * and `'~ownCreationReferences'` (the arguments whose `#creationId` items may
 * only name this call's own creations, e.g. `'onSuccessDestroyEmail'`) and
 * `'~patchArguments'` (arguments besides `update` that map ids to
 * PatchObjects, each with the object type its patches apply to, e.g.
 * `{ onSuccessUpdateEmail: EmailUpdatable }`) and `'~responseArguments'` (the
 * arguments besides `properties` and `…Properties` that `response` reads, e.g.
 * Email/get's `'fetchTextBodyValues' | …`: a call by data type,
 * `t.Email.get(args)`, infers only those and `properties` from the call, and
 * checks the others against their declared types).
 *
 * A witness may compute `response` from `this['~args']`: the builder reads
 * `(Methods[M] & { readonly '~args': TArgs })['response']`, so the response of
 * a call is a function of (method, arguments) found by indexed access alone.
 *
 * @see RFC 8620 §3.2
 * @example
 * interface EchoMethod {
 *   readonly capability: 'urn:ietf:params:jmap:core'
 *   readonly args: Record<string, unknown>
 *   readonly response: Record<string, unknown>
 *   readonly '~args': unknown
 * }
 */
export interface MethodWitness {
  /** The capability URN the method belongs to; it goes into `using`. */
  readonly capability: string
  /** The arguments object the method accepts. */
  readonly args: object
  /** The response arguments; may read `this['~args']`. */
  readonly response: object
  /** The arguments of the call being typed; `unknown` until a call fills it. */
  readonly '~args': unknown
}

/**
 * The name of every registered method.
 *
 * @example type N = MethodName // 'Core/echo' | 'Blob/copy' | 'Email/get' | …
 */
export type MethodName = keyof Methods & string

/**
 * The witness registered for method `TMethod`.
 *
 * @example type W = WitnessOf<'Core/echo'>
 */
export type WitnessOf<TMethod extends MethodName> = Methods[TMethod]

/**
 * The capability URN of method `TMethod`.
 *
 * @example type C = CapabilityOf<'Blob/copy'> // 'urn:ietf:params:jmap:core'
 */
export type CapabilityOf<TMethod extends MethodName> = WitnessOf<TMethod>['capability']

/**
 * The arguments method `TMethod` accepts.
 *
 * @example type A = ArgumentsOf<'Blob/copy'> // BlobCopyArguments
 */
export type ArgumentsOf<TMethod extends MethodName> = WitnessOf<TMethod>['args']

/**
 * The response of method `TMethod` called with arguments `TArgs`.
 *
 * @example type R = ResponseOf<'Email/get', { accountId: 'a'; properties: ['subject'] }>
 */
export type ResponseOf<TMethod extends MethodName, TArgs = unknown> = (Methods[TMethod] & {
  readonly '~args': TArgs
})['response']

/**
 * The names of the registered methods that belong to capability `TUrn`.
 *
 * @example type M = MethodNameOf<'urn:ietf:params:jmap:core'> // 'Core/echo' | 'Blob/copy'
 */
export type MethodNameOf<TUrn extends string> = {
  [TMethod in MethodName]: WitnessOf<TMethod>['capability'] extends TUrn ? TMethod : never
}[MethodName]
