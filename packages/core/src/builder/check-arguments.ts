import type { PatchPath, PatchValue } from '../patch/patch-object.js'
import type { MethodName, Methods } from '../registry/methods.js'
import type { InvalidPath } from '../result-reference/resolve-path.js'
import type { AnyResultReferenceArgument } from '../result-reference/result-reference-argument.js'
import type { JmapTypeError } from './jmap-type-error.js'

/**
 * The loose shape a call's arguments are inferred against: every known
 * argument name (required ones required, as the witness says), any value.
 * Values are checked by {@link CheckedArguments}, not here, so a wrong value
 * gets the builder's message instead of a bare constraint failure — and
 * editors still complete argument names.
 */
// Why `[TMethod] extends [MethodName]` and not `TMethod extends MethodName`
// (here and in CheckedArguments): while `call` is being inferred TypeScript
// instantiates these types with `TMethod` at its constraint, the union of every
// method the client can call. A distributive conditional would then build one
// mapped type per registered method on every call (about 3,000 instantiations
// with mail loaded); the wrapped form builds one, over the union, and costs the
// same as any other call once `TMethod` is known.
export type ArgumentsInput<TMethod extends string> = [TMethod] extends [MethodName]
  ? { readonly [TName in keyof Methods[TMethod]['args']]: unknown }
  : object

/** The element type of an array-valued argument. */
type ElementOf<TExpected> = Extract<TExpected, readonly unknown[]>[number]

type CheckReference<
  TScope,
  TMethod extends string,
  TName extends string,
  TValue,
  TExpected,
> = TValue extends AnyResultReferenceArgument
  ? TValue['~value'] extends InvalidPath<string>
    ? TValue
    : [TValue['~value']] extends [TExpected]
      ?
          | { readonly '~scope': TScope }
          | JmapTypeError<`the result reference in '${TName}' points to a call that is not earlier in this request`>
      : JmapTypeError<`the value at '${TValue['path']}' of ${TValue['name']} does not fit argument '${TName}' of ${TMethod}`>
  : never

type CheckProperties<TMethod extends string, TValue, TExpected> = TValue extends readonly unknown[]
  ? {
      readonly [TIndex in keyof TValue]: TValue[TIndex] extends ElementOf<TExpected>
        ? TValue[TIndex]
        : JmapTypeError<`'${TValue[TIndex] & string}' is not a property ${TMethod} can return`>
    }
  : TExpected

type SortPropertyOf<TComparator> = TComparator extends { readonly property: infer TProperty }
  ? TProperty
  : never

type CheckSort<TMethod extends string, TValue, TExpected> = TValue extends readonly unknown[]
  ? {
      readonly [TIndex in keyof TValue]: TValue[TIndex] extends {
        readonly property: SortPropertyOf<ElementOf<TExpected>>
      }
        ? ElementOf<TExpected>
        : JmapTypeError<`'${SortPropertyOf<TValue[TIndex]> & string}' is not a sort property of ${TMethod}`>
    }
  : TExpected

/** The keys of any member of a union (`keyof` of a union keeps only the shared ones). */
type KeyOfAny<T> = T extends unknown ? keyof T : never

/** The type of key `TKey` in the union members that have it. */
type ValueOfAny<T, TKey> = T extends unknown ? (TKey extends keyof T ? T[TKey] : never) : never

/** Why the depth is capped: filters nest operators only a few levels in practice. */
type FilterDepth = [never, 0, 1, 2, 3]

type CheckFilter<TMethod extends string, TValue, TCondition, TDepth extends number> = [
  TDepth,
] extends [never]
  ? unknown
  : TValue extends { readonly operator: unknown; readonly conditions: readonly unknown[] }
    ? {
        readonly operator: 'AND' | 'OR' | 'NOT'
        readonly conditions: CheckConditions<
          TMethod,
          TValue['conditions'],
          TCondition,
          FilterDepth[TDepth]
        >
      }
    : TValue extends object
      ? {
          readonly [TName in keyof TValue]: TName extends KeyOfAny<TCondition>
            ? ValueOfAny<TCondition, TName>
            : JmapTypeError<`'${TName & string}' is not a filter property of ${TMethod}`>
        }
      : TCondition

/** Checks each condition of an operator; a mapped type over the tuple itself keeps it a tuple. */
type CheckConditions<TMethod extends string, TConditions, TCondition, TDepth extends number> = {
  readonly [TIndex in keyof TConditions]: CheckFilter<
    TMethod,
    TConditions[TIndex],
    TCondition,
    TDepth
  >
}

type ConditionOf<TExpected> = Exclude<
  NonNullable<TExpected>,
  { readonly operator: unknown; readonly conditions: unknown }
>

type CheckUpdate<TMethod extends string, TValue, TObject> = TValue extends object
  ? {
      readonly [TId in keyof TValue]: TId extends `#${string}`
        ? JmapTypeError<`'${TId}': write creation ids as [handle.created('${TId extends `#${infer TCreation}` ? TCreation : never}')]`>
        : {
            readonly [TPath in keyof TValue[TId]]: TPath extends PatchPath<TObject>
              ? PatchValue<TObject, TPath & string>
              : JmapTypeError<`'${TPath & string}' is not a patch path of the objects of ${TMethod}`>
          }
    }
  : TValue

type CheckCreate<TMethod extends string, TValue, TCreate> = TValue extends object
  ? {
      readonly [TCreationId in keyof TValue]: {
        readonly [TProperty in keyof TValue[TCreationId]]: TProperty extends KeyOfAny<TCreate>
          ? ValueOfAny<TCreate, TProperty>
          : JmapTypeError<`'${TProperty & string}' is not a property of what ${TMethod} creates`>
      }
    }
  : TValue

/**
 * Checks of object-valued arguments whose keys must be exact. A plain
 * assignability test would accept unknown keys next to known ones (the
 * written object's own keys are part of the parameter type), so these are
 * checked key by key.
 */
type CheckExactArgument<
  TMethod extends string,
  TName extends string,
  TValue,
  TExpected,
> = TName extends 'filter'
  ? CheckFilter<TMethod, TValue, ConditionOf<TExpected>, 4>
  : TName extends 'update'
    ? Methods[TMethod & MethodName] extends { readonly '~object': infer TObject }
      ? CheckUpdate<TMethod, TValue, TObject>
      : TExpected
    : CheckCreate<TMethod, TValue, NonNullable<TExpected>[keyof NonNullable<TExpected>]>

/**
 * The type one argument value must have. Why the order: `unknown` input means
 * the value is still being typed (completion), so the declared type is
 * offered; an argument declared `unknown` (Core/echo) takes anything;
 * references and exact-key objects need their own checks; `properties` and
 * `sort` are checked element by element, which is cheaper than one
 * assignability test against a large property union (measured: 3x on
 * Email/get); every other argument gets one assignability test, and a message
 * only when it fails and is not an object — for an object TypeScript's own
 * error points at the wrong member inside it, which a message on the whole
 * argument would hide.
 */
type CheckArgument<
  TScope,
  TMethod extends string,
  TName extends string,
  TValue,
  TExpected,
> = unknown extends TValue
  ? TExpected
  : unknown extends TExpected
    ? unknown
    : TValue extends AnyResultReferenceArgument
      ? CheckReference<TScope, TMethod, TName, TValue, TExpected>
      : TName extends 'filter' | 'update' | 'create'
        ? CheckExactArgument<TMethod, TName, TValue, TExpected>
        : TName extends 'properties'
          ? CheckProperties<TMethod, TValue, TExpected>
          : TName extends 'sort'
            ? CheckSort<TMethod, TValue, TExpected>
            : TValue extends TExpected | object
              ? TExpected
              : TExpected | JmapTypeError<`argument '${TName}' of ${TMethod} has the wrong type`>

/** {@link CheckedArguments} with the declared arguments looked up once. */
type CheckArgumentsAgainst<TScope, TMethod extends string, TArgs, TDeclared> = {
  readonly [TName in keyof TArgs]: TName extends keyof TDeclared
    ? CheckArgument<TScope, TMethod, TName & string, TArgs[TName], TDeclared[TName]>
    : JmapTypeError<`${TMethod} takes no argument '${TName & string}'`>
}

/**
 * What a call's arguments must satisfy, computed from the arguments written:
 * unknown names, references that point at missing paths, other requests or
 * values of the wrong type, unknown properties in `properties`/`sort`/`filter`
 * and unknown patch paths each become a {@link JmapTypeError} at that argument.
 *
 * @see RFC 8620 §3.3, §3.7, §5
 */
export type CheckedArguments<TScope, TMethod extends string, TArgs> = [TMethod] extends [MethodName]
  ? CheckArgumentsAgainst<
      TScope,
      TMethod & MethodName,
      TArgs,
      Methods[TMethod & MethodName]['args']
    >
  : unknown
