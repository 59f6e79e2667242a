import type { CreationIdsOf } from '../creation-id/creation-id.js'
import type { MethodName, Methods, ResponseOf } from '../registry/methods.js'
import type { ResultReferenceArgument } from '../result-reference/result-reference-argument.js'
import type { CallHandle } from './call-handle.js'
import type {
  ArgumentsInput,
  CheckedArguments,
  CheckItems,
  IsUnion,
  OwnCreationReferencesOf,
  PatchArgumentOf,
  UnionToIntersection,
} from './check-arguments.js'
import type { JmapTypeError } from './jmap-type-error.js'
import type { CallOptions, CallResponse, CreationArgumentsOf } from './request-builder.js'

/** The declared arguments of `TMethod`. */
type DeclaredArguments<TMethod extends MethodName> = Methods[TMethod]['args']

/**
 * The arguments whose written value the response (or the witness's item
 * check) depends on: `properties`, arguments named `…Properties`, and those
 * the witness names in `'~responseArguments'` (Email/get's `fetch…BodyValues`).
 */
type ResponseArgumentName<TMethod extends MethodName> = keyof DeclaredArguments<TMethod> &
  (
    | 'properties'
    | `${string}Properties`
    | (Methods[TMethod] extends { readonly '~responseArguments': infer TNames } ? TNames : never)
  )

/**
 * Whether calls of `TMethod` need the argument check of `call`: arguments
 * keyed by strings (Core/echo) or declared as a union, creations, patches and
 * `#creationId` items, whose checks read the whole call's arguments.
 */
type NeedsArgumentCheck<TMethod extends MethodName> =
  string extends keyof DeclaredArguments<TMethod>
    ? true
    : IsUnion<DeclaredArguments<TMethod>> extends true
      ? true
      : [
            keyof DeclaredArguments<TMethod> &
              (
                | 'create'
                | 'update'
                | CreationArgumentsOf<TMethod>
                | PatchArgumentOf<TMethod>
                | OwnCreationReferencesOf<TMethod>
              ),
          ] extends [never]
        ? false
        : true

/**
 * An argument as a call takes it: its declared type, or a result reference
 * of this request to a value of that type.
 */
type ArgumentValue<TScope, TValue> = TValue | ResultReferenceArgument<TScope, TValue>

/** The arguments of `TMethod` as a call of this request takes them. */
type ScopedArguments<TScope, TMethod extends MethodName> = {
  readonly [TName in keyof DeclaredArguments<TMethod>]: ArgumentValue<
    TScope,
    DeclaredArguments<TMethod>[TName]
  >
}

/**
 * The arguments of `TMethod` whose type does not depend on the call: all but
 * `TSlotName`.
 */
// Why `Pick` and not a mapped type with an `as` clause: TypeScript re-evaluates
// an `as` clause over every key each time it asks whether the type is generic,
// several times per call (about 11 instantiations a call, bench/types).
type FixedArguments<TScope, TMethod extends MethodName, TSlotName> = Pick<
  ScopedArguments<TScope, TMethod>,
  Exclude<keyof DeclaredArguments<TMethod>, TSlotName>
>

/** The arguments of `TMethod` that must be given. */
type RequiredArgumentName<TArgs> = {
  [TName in keyof TArgs]-?: {} extends Pick<TArgs, TName> ? never : TName
}[keyof TArgs]

/**
 * One argument whose value is inferred at each call (`TValue`), as an object
 * type of its own so that the rest of the arguments stay a fixed type, which
 * TypeScript checks (unknown names, nested objects) without a type of the call.
 */
type Slot<TMethod extends MethodName, TName, TValue> = [TName] extends [never]
  ? unknown
  : TName extends RequiredArgumentName<DeclaredArguments<TMethod>>
    ? { readonly [TKey in TName & string]: SlotValue<TMethod, TKey, TValue> }
    : { readonly [TKey in TName & string]?: SlotValue<TMethod, TKey, TValue> }

/** A slot as the witness's response reads it: present, `undefined` when not written. */
type SlotArgument<TName, TValue> = [TName] extends [never]
  ? unknown
  : { readonly [TKey in TName & string]: TValue }

/** A slot's value, with the witness's `'~itemCheck'` when it checks that argument. */
type SlotValue<
  TMethod extends MethodName,
  TName extends string,
  TValue,
> = Methods[TMethod] extends { readonly '~itemCheck': infer TCheck }
  ? TName extends keyof TCheck
    ? TValue & NoInfer<ItemCheckOf<TMethod, TName, TValue>>
    : TValue
  : TValue

type ItemCheckOf<TMethod extends MethodName, TName, TValue> = TValue extends readonly unknown[]
  ? CheckItems<TName, TValue, Methods[TMethod]>
  : unknown

/** The type a slot's value must have. */
type SlotConstraint<TScope, TMethod extends MethodName, TName> = [TName] extends [never]
  ? unknown
  :
      | ArgumentValue<TScope, DeclaredArguments<TMethod>[TName & keyof DeclaredArguments<TMethod>]>
      | undefined

/** The names of a union as a tuple (in no particular order). */
type UnionToTuple<TUnion, TLast = LastOf<TUnion>> = [TUnion] extends [never]
  ? []
  : [...UnionToTuple<Exclude<TUnion, TLast>>, TLast]

type LastOf<TUnion> = (TUnion extends unknown ? (value: () => TUnion) => void : never) extends (
  value: infer TAll,
) => void
  ? TAll extends () => infer TLast
    ? TLast
    : never
  : never

/** A call of a method without inferred arguments: one fixed parameter type. */
export interface FixedMethodCall<in out TScope, in out TMethod extends MethodName> {
  /**
   * Adds a call of this method to the request; `t.Email.query(args)` is
   * `b.call('Email/query', args)`.
   *
   * @see RFC 8620 §3.2
   */
  // biome-ignore lint/style/useShorthandFunctionType: an interface, so that the variance is declared (not measured) and the instantiation is cached per method
  (
    args: FixedArguments<TScope, TMethod, never>,
    options?: CallOptions,
  ): CallHandle<TScope, TMethod, never, ResponseOf<TMethod, unknown>>
}

/**
 * A call of a method whose response depends on some arguments (`properties`):
 * those are inferred one by one (up to five), the others are a fixed type.
 */
export interface SlottedMethodCall<
  in out TScope,
  in out TMethod extends MethodName,
  in out TSlots extends readonly string[],
> {
  /**
   * Adds a call of this method to the request; `t.Email.get(args)` is
   * `b.call('Email/get', args)`, with the response narrowed to the
   * properties asked for.
   *
   * @see RFC 8620 §3.2
   */
  // biome-ignore lint/style/useShorthandFunctionType: an interface, so that the variance is declared (not measured) and the instantiation is cached per method
  <
    const T0 extends SlotConstraint<TScope, TMethod, TSlots[0]> = undefined,
    const T1 extends SlotConstraint<TScope, TMethod, TSlots[1]> = undefined,
    const T2 extends SlotConstraint<TScope, TMethod, TSlots[2]> = undefined,
    const T3 extends SlotConstraint<TScope, TMethod, TSlots[3]> = undefined,
    const T4 extends SlotConstraint<TScope, TMethod, TSlots[4]> = undefined,
  >(
    args: FixedArguments<TScope, TMethod, TSlots[number]> &
      Slot<TMethod, TSlots[0], T0> &
      Slot<TMethod, TSlots[1], T1> &
      Slot<TMethod, TSlots[2], T2> &
      Slot<TMethod, TSlots[3], T3> &
      Slot<TMethod, TSlots[4], T4>,
    options?: CallOptions,
  ): CallHandle<
    TScope,
    TMethod,
    never,
    ResponseOf<
      TMethod,
      SlotArgument<TSlots[0], T0> &
        SlotArgument<TSlots[1], T1> &
        SlotArgument<TSlots[2], T2> &
        SlotArgument<TSlots[3], T3> &
        SlotArgument<TSlots[4], T4>
    >
  >
}

/** A call of a method checked as `call` checks it (creations, patches, echo). */
export interface CheckedMethodCall<in out TScope, in out TMethod extends MethodName> {
  /**
   * Adds a call of this method to the request; `t.Email.set(args)` is
   * `b.call('Email/set', args)`, checked the same way.
   *
   * @see RFC 8620 §3.2
   */
  // biome-ignore lint/style/useShorthandFunctionType: an interface, so that the variance is declared (not measured) and the instantiation is cached per method
  <const TArgs extends ArgumentsInput<TMethod>>(
    args: NoInfer<CheckedArguments<TScope, TMethod, TArgs>> & TArgs,
    options?: CallOptions,
  ): CallHandle<
    TScope,
    TMethod,
    CreationIdsOf<TArgs, CreationArgumentsOf<TMethod>>,
    CallResponse<TMethod, TArgs>
  >
}

/** The call of one method: the cheapest form that keeps every check of `call`. */
type MethodCall<TScope, TMethod extends MethodName> =
  NeedsArgumentCheck<TMethod> extends true
    ? CheckedMethodCall<TScope, TMethod>
    : [ResponseArgumentName<TMethod>] extends [never]
      ? FixedMethodCall<TScope, TMethod>
      : UnionToTuple<ResponseArgumentName<TMethod>> extends infer TSlots extends readonly string[]
        ? TSlots['length'] extends 1 | 2 | 3 | 4 | 5
          ? SlottedMethodCall<TScope, TMethod, TSlots>
          : CheckedMethodCall<TScope, TMethod>
        : never

/**
 * Each registered data type's methods by verb, `{ Email: { get: 'Email/get', … } & { query: … }, … }`:
 * one entry per method, merged. Depends on the registry only, so TypeScript
 * computes it once per program.
 */
// Why merged entries and not a mapped type per data type filtering the method
// names: with the data type a type parameter, TypeScript computes the
// filter's constraint over every registered name (about 5,000 instantiations).
type MethodsByDataType = UnionToIntersection<
  MethodName extends infer TMethod
    ? TMethod extends `${infer TDataType}/${infer TVerb}`
      ? { readonly [TKey in TDataType]: { readonly [TName in TVerb]: TMethod } }
      : never
    : never
>

/**
 * The calls of a request by data type and verb, from the registry, given as
 * the request callback's second parameter: `t.Email.get(args)` adds the same
 * call as `b.call('Email/get', args)`. A misspelt data type or verb gets
 * TypeScript's own "Did you mean" message; a method of a capability this
 * client was not created with is a message.
 *
 * Why a parameter type per method and not per call: it is computed once per
 * request, so a call costs about what jmap-jam's does (bench/types), and
 * TypeScript itself checks unknown arguments and nested objects.
 *
 * @see RFC 8620 §3.2
 * @example jmap.request((b, t) => t.Email.get({ accountId, ids: found.ref('/ids'), properties: ['subject'] }))
 */
// An interface, not the mapped type itself: TypeScript resolves an interface's
// members when one is used (`t.Email`), a mapped type's keys whenever a request
// callback's type is (about 1,600 instantiations: every program would pay them).
export interface MethodCalls<in out TScope, in out TAvailable extends string>
  extends DataTypeCalls<TScope, TAvailable> {}

/** {@link MethodCalls} as a mapped type. */
type DataTypeCalls<TScope, TAvailable extends string> = {
  readonly [TDataType in keyof MethodsByDataType]: {
    readonly [TVerb in keyof MethodsByDataType[TDataType]]: MethodCallOrError<
      TScope,
      TAvailable,
      MethodsByDataType[TDataType][TVerb]
    >
  }
}

/** The call of a method the client can call, else a message saying why not. */
type MethodCallOrError<TScope, TAvailable extends string, TMethod> = TMethod extends TAvailable &
  MethodName
  ? MethodCall<TScope, TMethod>
  : JmapTypeError<`${TMethod & string} is not in the capability tables this client was created with`>
