import type { CreationId, CreationIdsOf } from '../creation-id/creation-id.js'
import type {
  PatchPath,
  PatchTarget,
  PatchValue,
  UnknownPatchSegment,
} from '../patch/patch-object.js'
import type { MethodName, Methods } from '../registry/methods.js'
import type { InvalidPath } from '../result-reference/resolve-path.js'
import type {
  AnyResultReferenceArgument,
  ResultReferenceArgument,
} from '../result-reference/result-reference-argument.js'
import type { JmapTypeError, JmapTypeMismatch } from './jmap-type-error.js'
import type { CreationArgumentsOf } from './request-builder.js'

/**
 * The loose shape a call's arguments are inferred against: every known
 * argument name (required ones required, as the witness says), any value.
 * Values are checked by {@link CheckedArguments}, not here, so a wrong value
 * gets the builder's message instead of a bare constraint failure — and
 * editors still complete argument names. A missing required argument fails
 * here, and the message names it ("Property 'accountId' is missing").
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

/**
 * Checks a list of property names (`properties`, or an argument named
 * `…Properties` such as RFC 8621's `bodyProperties`) item by item, then
 * through the witness's `'~itemCheck'` if it has one.
 */
type CheckProperties<
  TMethod extends string,
  TName extends string,
  TValue,
  TExpected,
> = TValue extends readonly unknown[]
  ? {
      readonly [TIndex in keyof TValue]: TValue[TIndex] extends ElementOf<TExpected>
        ? TValue[TIndex]
        : TName extends 'properties'
          ? JmapTypeError<`'${TValue[TIndex] & string}' is not a property ${TMethod} can return`>
          : JmapTypeError<`'${TValue[TIndex] & string}' is not a valid item of '${TName}' of ${TMethod}`>
    } & CheckItems<TName, TValue, Methods[TMethod & MethodName]>
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

/**
 * Checks each patch of an `update` (or of another argument the witness names
 * in `'~patchArguments'`, such as `onSuccessUpdateEmail`) key by key, each
 * path walked segment by segment ({@link PatchTarget}), so a path below a map
 * entry takes the type at its depth and a typo at any depth names itself.
 * Inline, not an alias, so an error shows the message of the failing key.
 *
 * A key TypeScript cannot know (a computed `` [`mailboxIds/${id}`] `` becomes
 * a `string` index signature; a key typed by a pattern such as
 * `` `keywords/${string}` `` is one too) cannot be walked, so its value must
 * be the value of a map member path (or of a literal key beside it, as
 * TypeScript folds their values into that signature); an index signature may
 * also hold `undefined` (that is how `PatchObject`'s optional pattern keys
 * read under `exactOptionalPropertyTypes`; JSON drops it).
 */
type CheckUpdate<TMethod extends string, TValue, TObject> = TValue extends object
  ? {
      readonly [TId in keyof TValue]: TId extends `#${string}`
        ? JmapTypeError<`'${TId}': write creation ids as [handle.created('${TId extends `#${infer TCreation}` ? TCreation : never}')]`>
        : {
            readonly [TPath in keyof TValue[TId]]: {} extends Record<TPath, unknown>
              ? string extends TPath
                ?
                    | PatchValue<
                        TObject,
                        PatternPath<PatchPath<TObject>> | LiteralKeyOf<TValue[TId]>
                      >
                    | undefined
                : CheckPatchEntry<TMethod, TObject, TPath & string> | undefined
              : CheckPatchEntry<TMethod, TObject, TPath & string>
          }
    }
  : TValue

/** The value one patch path takes, or a message naming the segment that does not exist. */
type CheckPatchEntry<TMethod extends string, TObject, TPath extends string> =
  PatchTarget<TObject, TPath> extends infer TTarget
    ? TTarget extends UnknownPatchSegment<infer TSegment>
      ? JmapTypeError<`'${TPath}' is not a patch path of the objects of ${TMethod}: no '${TSegment}'`>
      : TTarget | null
    : never

/** The paths that match more than one key (map members such as `` `keywords/${string}` ``). */
type PatternPath<TPath> = TPath extends unknown
  ? {} extends Record<TPath & string, unknown>
    ? TPath
    : never
  : never

/** The literal keys of a patch (beside the index signature a computed key makes). */
type LiteralKeyOf<TPatch> = keyof {
  [TKey in keyof TPatch as {} extends Record<TKey, unknown> ? never : TKey]: 0
} &
  string

/**
 * The object type the patches of argument `TName` of `TMethod` apply to: the
 * witness's `'~patchArguments'` entry for it, else (for `update`) `'~object'`.
 */
type PatchedObjectOf<TMethod extends string, TName extends string> = Methods[TMethod &
  MethodName] extends { readonly '~patchArguments': infer TPatched }
  ? TName extends keyof TPatched
    ? TPatched[TName]
    : ObjectOf<TMethod>
  : ObjectOf<TMethod>

/** The witness's `'~object'`. */
type ObjectOf<TMethod extends string> = Methods[TMethod & MethodName] extends {
  readonly '~object': infer TObject
}
  ? TObject
  : never

/** The arguments whose values are maps of PatchObjects besides `update`. */
export type PatchArgumentOf<TMethod extends string> = Methods[TMethod & MethodName] extends {
  readonly '~patchArguments': infer TPatched
}
  ? keyof TPatched
  : never

/**
 * Checks each created record key by key (unknown keys and values of the wrong
 * type get a message naming the member and the type it takes) and, when every
 * member fits, as a whole against the witness's create type, so a missing
 * required property (a Mailbox without `name`) is an error too.
 *
 * Why not always as a whole: a literal of the wrong type (`duration: 3600`)
 * intersected with the member's type is `never`, and TypeScript then reduces
 * the whole record to `never`, so every member, right or wrong, would be
 * reported as "not assignable to type 'never'".
 */
type CheckCreate<TMethod extends string, TValue, TCreate> = TValue extends object
  ? {
      readonly [TCreationId in keyof TValue]: CheckCreatedMembers<
        TMethod,
        TValue[TCreationId],
        TCreate
      > extends infer TChecked
        ? [Extract<TChecked[keyof TChecked], JmapTypeError<string>>] extends [never]
          ? TChecked & TCreate
          : TChecked
        : never
    }
  : TValue

/** The type each member of one created record must have, or its message. */
type CheckCreatedMembers<TMethod extends string, TRecord, TCreate> = {
  readonly [TProperty in keyof TRecord]: TProperty extends KeyOfAny<TCreate>
    ? ValueOfAny<TCreate, TProperty> extends infer TExpected
      ? TRecord[TProperty] extends TExpected | object
        ? TExpected
        : JmapTypeMismatch<
            `'${TProperty & string}' of what ${TMethod} creates has the wrong type`,
            Exclude<TExpected, undefined>
          >
      : never
    : JmapTypeError<`'${TProperty & string}' is not a property of what ${TMethod} creates`>
}

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
  : TName extends 'create'
    ? CheckCreate<TMethod, TValue, NonNullable<TExpected>[keyof NonNullable<TExpected>]>
    : PatchedObjectOf<TMethod, TName> extends infer TObject
      ? [TObject] extends [never]
        ? TExpected
        : CheckUpdate<TMethod, TValue, TObject>
      : TExpected

/**
 * The type one argument value must have. Why the order: `unknown` input means
 * the value is still being typed (completion), so the declared type is
 * offered; an argument declared `unknown` (Core/echo) takes anything;
 * references and exact-key objects need their own checks; `properties`
 * (and array arguments named `…Properties`) and `sort` are checked element
 * by element, which is cheaper than one assignability test against a large property union (measured: 3x on
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
      : TName extends 'filter' | 'update' | 'create' | PatchArgumentOf<TMethod>
        ? CheckExactArgument<TMethod, TName, TValue, TExpected>
        : TName extends 'properties'
          ? CheckProperties<TMethod, TName, TValue, TExpected>
          : TName extends 'sort'
            ? CheckSort<TMethod, TValue, TExpected>
            : TValue extends TExpected | object
              ? TValue extends readonly unknown[]
                ? TName extends `${string}Properties`
                  ? CheckProperties<TMethod, TName, TValue, TExpected>
                  : TExpected
                : TExpected
              : TExpected | JmapTypeError<`argument '${TName}' of ${TMethod} has the wrong type`>

/** The arguments a witness says may only refer to this call's own creations. */
export type OwnCreationReferencesOf<TMethod extends string> = Methods[TMethod &
  MethodName] extends {
  readonly '~ownCreationReferences': infer TNames extends string
}
  ? TNames
  : never

/** The `#creationId`s a call's `destroy` names (records created by an earlier call). */
type DestroyedReferenceOf<TArgs> = TArgs extends { readonly destroy: readonly (infer TItem)[] }
  ? TItem
  : never

/**
 * Checks the items of an array argument that refer to creation ids
 * (`b.creationId('send')`, typed `'#send' & Id`) against the records the call
 * itself creates or destroys. A call with `update` is not checked: its keys,
 * computed, lose their type, and an item may name a record updated there.
 * Map keys cannot be checked for the same reason.
 */
type CheckOwnCreationReferences<
  TMethod extends string,
  TName extends string,
  TValue,
  TArgs,
> = TValue extends readonly unknown[]
  ? 'update' extends keyof TArgs
    ? unknown
    : {
        readonly [TIndex in keyof TValue]: TValue[TIndex] extends `#${string}`
          ? TValue[TIndex] extends
              | CreationId<CreationIdsOf<TArgs, CreationArgumentsOf<TMethod>>>
              | DestroyedReferenceOf<TArgs>
            ? TValue[TIndex]
            : JmapTypeError<`an item of '${TName}' refers to a creation id this ${TMethod} call neither creates nor changes`>
          : TValue[TIndex]
      }
  : unknown

/**
 * {@link CheckedArguments} with the declared arguments looked up once. Why a
 * conditional around the mapped type: its result then carries no alias, so a
 * message prints the checked arguments, not this checker's name.
 */
type CheckArgumentsAgainst<TScope, TMethod extends string, TArgs, TDeclared> = TArgs extends object
  ? {
      readonly [TName in keyof TArgs]: TName extends keyof TDeclared
        ? CheckArgument<TScope, TMethod, TName & string, TArgs[TName], TDeclared[TName]>
        : JmapTypeError<`${TMethod} takes no argument '${TName & string}'`>
    }
  : never

/**
 * What a call's arguments must satisfy, computed from the arguments written:
 * unknown names, references that point at missing paths, other requests or
 * values of the wrong type, unknown properties in `properties`/`sort`/`filter`,
 * unknown patch paths and items the witness's `'~itemCheck'` rejects each
 * become a {@link JmapTypeError} at that argument.
 *
 * @see RFC 8620 §3.3, §3.7, §5
 */
// Why two paths: a right call is by far the common case, and one
// assignability test against a type computed once per method (and cached
// there) costs a fraction of the key-by-key check that writes the messages
// (bench/types). The quick path only accepts what the full check accepts;
// anything it cannot vouch for (objects, whose unknown keys only the full
// check or a fresh literal's excess-property check finds) goes to the full check.
export type CheckedArguments<TScope, TMethod extends string, TArgs> = [TMethod] extends [MethodName]
  ? ArgumentCheckOf<TScope, TMethod & MethodName, TArgs>
  : unknown

/** {@link CheckedArguments} of a registered method: the quick path, else the full check. */
type ArgumentCheckOf<TScope, TMethod extends MethodName, TArgs> =
  TArgs extends PlainArguments<TMethod>
    ? keyof TArgs extends keyof Methods[TMethod]['args']
      ? PlainFilterAndItems<TScope, TMethod, TArgs>
      : FullArgumentCheck<TScope, TMethod, TArgs>
    : FullArgumentCheck<TScope, TMethod, TArgs>

/**
 * The rest of the quick path: filter members that exist, and the items the
 * witness's `'~itemCheck'` accepts; else the full check.
 */
type PlainFilterAndItems<TScope, TMethod extends MethodName, TArgs> = TArgs extends {
  readonly filter: object
}
  ? keyof TArgs['filter'] extends FilterMemberOf<TMethod>
    ? PlainItems<TScope, TMethod, TArgs, ItemCheckOf<TMethod>>
    : FullArgumentCheck<TScope, TMethod, TArgs>
  : PlainItems<TScope, TMethod, TArgs, ItemCheckOf<TMethod>>

type PlainItems<TScope, TMethod extends MethodName, TArgs, TCheck> = [TCheck] extends [never]
  ? ReferenceScopes<TScope, TArgs>
  : [ItemCheckProblems<TArgs, TCheck>] extends [never]
    ? ReferenceScopes<TScope, TArgs>
    : FullArgumentCheck<TScope, TMethod, TArgs>

/**
 * The quick path's check that each result reference belongs to this request.
 * Why here and not in {@link PlainArguments}: the scopes are type parameters,
 * and a conditional type that compares two of them is deferred (TypeScript
 * cannot rule it out for every instantiation), which would hide the message.
 */
type ReferenceScopes<TScope, TArgs> = {
  readonly [TName in keyof TArgs]: TArgs[TName] extends AnyResultReferenceArgument
    ?
        | { readonly '~scope': TScope }
        | JmapTypeError<`the result reference in '${TName & string}' points to a call that is not earlier in this request`>
    : unknown
}

/** Every check, key by key, each failure a message. */
type FullArgumentCheck<TScope, TMethod extends MethodName, TArgs> = CheckArgumentsAgainstEach<
  TScope,
  TMethod,
  TArgs,
  Methods[TMethod]['args']
> &
  CheckOwnCreations<TMethod, TArgs, OwnCreationReferencesOf<TMethod>>

/** A JSON value that is not an object or array. */
type Scalar = string | number | boolean | null | undefined

/**
 * The arguments of `TMethod` the quick path accepts: scalars, arrays of
 * scalars, result references to a value that fits (of any request:
 * {@link ReferenceScopes} checks which), and a
 * filter condition whose members are scalars or arrays of scalars. Objects
 * (other than such a condition), arguments checked by their own rules
 * (`create`, `update`, patch arguments, `sort`, own-creation references) and
 * methods whose arguments are a union are left to the full check (`never`).
 * Depends on the method only, so TypeScript computes it once per method.
 */
type PlainArguments<TMethod extends MethodName> =
  IsUnion<Methods[TMethod]['args']> extends true
    ? never
    : {
        readonly [TName in keyof Methods[TMethod]['args']]: TName extends
          | 'create'
          | 'update'
          | 'sort'
          | PatchArgumentOf<TMethod>
          | OwnCreationReferencesOf<TMethod>
          ? never
          :
              | PlainValue<Methods[TMethod]['args'][TName]>
              | ResultReferenceArgument<unknown, Methods[TMethod]['args'][TName]>
              | (TName extends 'filter'
                  ? PlainCondition<ConditionOf<Methods[TMethod]['args'][TName]>>
                  : never)
      }

/** The scalar and array-of-scalar forms of a declared value (`unknown` stays `unknown`). */
type PlainValue<TValue> = unknown extends TValue
  ? unknown
  : Extract<TValue, Scalar> | ScalarArrayOf<Extract<TValue, readonly unknown[]>>

type ScalarArrayOf<TArray> = TArray extends readonly (infer TItem)[]
  ? [Extract<TItem, Scalar>] extends [never]
    ? never
    : readonly Extract<TItem, Scalar>[]
  : never

/** A filter condition whose members are scalars or arrays of scalars. */
type PlainCondition<TCondition> = [TCondition] extends [never]
  ? never
  : { readonly [TName in KeyOfAny<TCondition>]?: PlainValue<ValueOfAny<TCondition, TName>> }

/** Whether `T` is a union (of object types: the arguments of one method). */
export type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true

export type UnionToIntersection<T> = (T extends unknown ? (value: T) => void : never) extends (
  value: infer TAll,
) => void
  ? TAll
  : never

/** The member names of `TMethod`'s filter condition. */
type FilterMemberOf<TMethod extends MethodName> = Methods[TMethod]['args'] extends {
  readonly filter?: infer TFilter
}
  ? KeyOfAny<ConditionOf<TFilter>>
  : never

/** A witness's `'~itemCheck'`, or `never`. */
type ItemCheckOf<TMethod extends MethodName> = Methods[TMethod] extends {
  readonly '~itemCheck': infer TCheck
}
  ? TCheck
  : never

/** The problems an `'~itemCheck'` finds in the arguments it checks; `never` when none. */
type ItemCheckProblems<TArgs, TCheck> = {
  [TName in keyof TCheck & keyof TArgs]: TArgs[TName] extends readonly (infer TItem)[]
    ? (TCheck & { readonly '~items': TItem })[TName]
    : never
}[keyof TCheck & keyof TArgs]

/**
 * A witness's own check of the items of some array arguments, for rules its
 * argument types cannot state (RFC 8621: which forms a `header:` property
 * allows for its field). An interface with a phantom `'~items'` and one member
 * per argument name (`properties` or an argument named `…Properties`); that
 * member, read with `'~items'` set to the items written, is a union of
 * `{ item, message }` for the wrong ones (`never` when all are fine). Read
 * once per argument, not per item, and only for those arguments, because
 * every call pays for what runs here (bench/types budgets).
 *
 * @example interface Check { readonly '~items': unknown; readonly properties: Problems<this['~items']> }
 */
export type CheckItems<TName, TValue extends readonly unknown[], TWitness> = TWitness extends {
  readonly '~itemCheck': infer TCheck
}
  ? TName extends keyof TCheck
    ? ItemProblems<TValue, (TCheck & { readonly '~items': TValue[number] })[TName]>
    : unknown
  : unknown

/** Each item the check found wrong becomes its message; `unknown` when none is. */
type ItemProblems<TValue extends readonly unknown[], TProblem> = [TProblem] extends [never]
  ? unknown
  : {
      readonly [TIndex in keyof TValue]: TValue[TIndex] extends ItemOfProblem<TProblem>
        ? JmapTypeError<MessageOfProblem<Extract<TProblem, { readonly item: TValue[TIndex] }>>>
        : TValue[TIndex]
    }

type ItemOfProblem<TProblem> = TProblem extends { readonly item: infer TItem } ? TItem : never

type MessageOfProblem<TProblem> = TProblem extends {
  readonly message: infer TMessage extends string
}
  ? TMessage
  : never

/** The {@link CheckOwnCreationReferences} of the arguments a witness names, if any. */
type CheckOwnCreations<TMethod extends string, TArgs, TNames> = [TNames] extends [never]
  ? unknown
  : {
      readonly [TName in keyof TArgs & TNames]: CheckOwnCreationReferences<
        TMethod,
        TName & string,
        TArgs[TName],
        TArgs
      >
    }

/**
 * Arguments declared as a union (`{ expand?: false } | { expand: true; filter: … }`)
 * are checked against each member, and must fit one: key by key as usual,
 * and as a whole (required members, values such as a filter that needs both
 * `after` and `before`), references aside. `keyof` of the union would keep
 * only the names every member shares. A single interface is checked as before.
 */
type CheckArgumentsAgainstEach<
  TScope,
  TMethod extends string,
  TArgs,
  TDeclared,
> = TDeclared extends unknown
  ? [Exclude<Methods[TMethod & MethodName]['args'], TDeclared>] extends [never]
    ? CheckArgumentsAgainst<TScope, TMethod, TArgs, TDeclared>
    : CheckArgumentsAgainst<TScope, TMethod, TArgs, TDeclared> & MemberShape<TArgs, TDeclared>
  : never

/** One member of a union of arguments, with the arguments given by reference left to their own check. */
type MemberShape<TArgs, TMember> = {
  readonly [TName in keyof TMember]: TName extends keyof TArgs
    ? TArgs[TName] extends AnyResultReferenceArgument
      ? unknown
      : TMember[TName]
    : TMember[TName]
}
