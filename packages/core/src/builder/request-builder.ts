import type { CreationId, CreationIdsOf } from '../creation-id/creation-id.js'
import type { MethodName, Methods, ResponseOf } from '../registry/methods.js'
import type { CallHandle } from './call-handle.js'
import type { ArgumentsInput, CheckedArguments } from './check-arguments.js'
import type { JmapTypeError } from './jmap-type-error.js'

/**
 * The method name argument of `call`: the name when this client can call it,
 * otherwise a message saying it is unknown or which capability is missing.
 */
export type CheckedMethod<
  TMethod extends string,
  TAvailable extends string,
> = TMethod extends TAvailable
  ? TMethod
  : TMethod extends MethodName
    ? JmapTypeError<`${TMethod} (capability ${Methods[TMethod]['capability'] & string}) is not in the capability tables this client was created with`>
    : JmapTypeError<`unknown method '${TMethod}'${DidYouMean<ClosestMethod<TMethod, TAvailable>>}`>

/** The suggestion part of the message, when there is a name to suggest. */
type DidYouMean<TName extends string> = [TName] extends [never] ? '' : `; did you mean '${TName}'?`

/**
 * The registered names closest to a name that is not one: the same letters in
 * another case (`email/get`), else one edit away (a letter missing, extra,
 * wrong, or two letters swapped: `Email/gett`, `Emial/get`). Only computed for
 * a wrong name, so a correct call pays nothing for it.
 */
// Why `string extends TMethod` first: while `call` is being inferred, TypeScript
// reads this type with `TMethod` at its constraint (`string & {}` included);
// comparing that with every registered name cost about 900 instantiations per
// request (bench/types), for no message anyone sees.
type ClosestMethod<TMethod extends string, TAvailable extends string> = string extends TMethod
  ? never
  : [SameLettersOf<TMethod, TAvailable>] extends [never]
    ? OneEditFrom<TMethod, TAvailable>
    : SameLettersOf<TMethod, TAvailable>

type SameLettersOf<TMethod extends string, TAvailable extends string> = TAvailable extends unknown
  ? Lowercase<TAvailable> extends Lowercase<TMethod>
    ? TAvailable
    : never
  : never

type OneEditFrom<TMethod extends string, TAvailable extends string> = TAvailable extends unknown
  ? IsOneEdit<TMethod, TAvailable> extends true
    ? TAvailable
    : never
  : never

/**
 * Whether `TFrom` becomes `TTo` by one insertion, deletion, substitution or
 * swap of two neighbouring characters: past the common start, the rests must
 * match once the first differing character is dealt with.
 */
type IsOneEdit<
  TFrom extends string,
  TTo extends string,
> = TFrom extends `${infer TA}${infer TFromRest}`
  ? TTo extends `${infer TB}${infer TToRest}`
    ? TA extends TB
      ? IsOneEdit<TFromRest, TToRest>
      : TFromRest extends TToRest
        ? true
        : TFromRest extends TTo
          ? true
          : TFrom extends TToRest
            ? true
            : TFromRest extends `${TB}${infer TTail}`
              ? TToRest extends `${TA}${TTail}`
                ? true
                : false
              : false
    : TFromRest extends ''
      ? true
      : false
  : TTo extends `${string}${infer TToRest}`
    ? TToRest extends ''
      ? true
      : false
    : false

/**
 * The response type of a call of `TMethod` with arguments `TArgs`.
 *
 * @example type R = CallResponse<'Core/echo', { hello: true }> // { hello: true }
 */
export type CallResponse<TMethod extends string, TArgs> = TMethod extends MethodName
  ? ResponseOf<TMethod, TArgs>
  : never

/**
 * The arguments of `TMethod` whose keys are creation ids: what its witness
 * names in `'~creationArguments'`, else `create`.
 *
 * @see RFC 8620 §5.3
 * @example type N = CreationArgumentsOf<'MDN/send'> // 'send'
 */
export type CreationArgumentsOf<TMethod extends string> = TMethod extends MethodName
  ? Methods[TMethod] extends { readonly '~creationArguments': infer TNames extends string }
    ? TNames
    : 'create'
  : 'create'

/**
 * Options of one call.
 *
 * @see RFC 8620 §3.2
 */
export interface CallOptions {
  /** The method call id to send instead of the generated `c0`, `c1`, … */
  readonly callId?: string
  /**
   * Capability URNs this call needs in `using` besides its method's own: an
   * extension whose properties or arguments it uses
   * (`urn:ietf:params:jmap:calendars:parse`, a Sieve or S/MIME extension).
   * Sending refuses a URN the server's session does not list.
   *
   * @see RFC 8620 §3.3
   * @example b.call('Task/get', { accountId, properties: ['recurrenceRule'] }, { using: ['urn:ietf:params:jmap:tasks:recurrences'] })
   */
  readonly using?: readonly string[]
}

/**
 * Builds one JMAP request: each `call` adds a method call, in order, and
 * returns a handle whose `ref(...)` and `created(...)` feed later calls. The
 * compiler checks method names, arguments, reference paths and their value
 * types, properties and patch paths at each call.
 *
 * `TScope` is unique to one request (a type parameter of the builder
 * callback), so a reference to a call of another request does not compile.
 *
 * @see RFC 8620 §3.3
 * @example
 * const found = b.call('Email/query', { accountId, filter: { inMailbox } })
 * const emails = b.call('Email/get', { accountId, ids: found.ref('/ids'), properties: ['subject'] })
 */
export interface RequestBuilder<out TScope, in out TAvailable extends string> {
  /**
   * Adds a method call to the request.
   *
   * @see RFC 8620 §3.2
   * @example b.call('Core/echo', { hello: true }) // ["Core/echo", { "hello": true }, "c0"]
   */
  call<TMethod extends TAvailable | (string & {}), const TArgs extends ArgumentsInput<TMethod>>(
    method: CheckedMethod<TMethod, TAvailable>,
    args: NoInfer<CheckedArguments<TScope, TMethod, TArgs>> & TArgs,
    options?: CallOptions,
  ): CallHandle<
    TScope,
    TMethod,
    CreationIdsOf<TArgs, CreationArgumentsOf<TMethod>>,
    CallResponse<TMethod, TArgs>
  >
  /**
   * A `#creationId` reference to a record created in the same call that uses
   * it (RFC 8620 allows a `/set` to refer to its own creations). The compiler
   * checks it only as an item of an argument the witness names in
   * `'~ownCreationReferences'` (a computed map key loses its type); the
   * request refuses to build unless a call in it (that one or an earlier one)
   * creates the id, or, for those arguments, unless that very call does.
   *
   * @see RFC 8620 §5.3
   * @example b.call('Todo/set', { accountId, create: { k15: {} }, update: { a: { subTodoIds: [b.creationId('k15')] } } })
   */
  creationId<const TCreationId extends string>(creationId: TCreationId): CreationId<TCreationId>
}
