/**
 * Why depth is capped: JMAP patch paths in practice go two or three levels
 * deep (`keywords/$seen`, `participants/p1/roles/owner`); an uncapped walk over
 * a large object type would make every `/set` call pay for paths nobody writes.
 */
type PatchDepth = [never, 0, 1, 2, 3]

/** Keys of `T` that are declared by name, not matched by an index signature. */
type NamedKeys<T> = keyof {
  [TKey in keyof T as {} extends Record<TKey, unknown> ? never : TKey]: 0
} &
  string

/** Whether object type `T` is a map (`Record<string | Id, …>`) rather than a record type. */
type IsMap<T> = string extends keyof T ? true : [NamedKeys<T>] extends [never] ? true : false

/**
 * The paths below a value: none for a primitive or an array (a patch replaces
 * those whole; walking `true` would offer its methods, `valueOf`), the member
 * paths of a record, and any member (plus paths into it) of a map.
 */
type ChildPaths<TKey extends string, TValue, TDepth extends number> = TValue extends
  | readonly unknown[]
  | string
  | number
  | boolean
  | bigint
  ? never
  : TValue extends object
    ? IsMap<TValue> extends true
      ? `${TKey}/${string}` | `${TKey}/${string}/${MemberPaths<TValue[keyof TValue], TDepth>}`
      : `${TKey}/${PatchPath<TValue, TDepth>}`
    : never

/** The paths inside the members of a map: only when the members are records or maps. */
type MemberPaths<TMember, TDepth extends number> =
  NonNullable<TMember> extends infer TValue
    ? TValue extends readonly unknown[] | string | number | boolean | bigint
      ? never
      : TValue extends object
        ? PatchPath<TValue, PatchDepth[TDepth]>
        : never
    : never

/**
 * Every path a {@link PatchObject} may set on object type `TObject`: property
 * names, and `/`-joined paths into nested objects and maps. Never an array
 * index (RFC 8620 forbids pointing into arrays).
 *
 * @see RFC 8620 §5.3
 * @example type P = PatchPath<{ keywords: Record<string, true> }> // 'keywords' | `keywords/${string}`
 */
export type PatchPath<TObject, TDepth extends number = 3> = [TDepth] extends [never]
  ? never
  : {
      [TKey in keyof TObject & string]-?:
        | TKey
        | ChildPaths<TKey, NonNullable<TObject[TKey]>, PatchDepth[TDepth]>
    }[keyof TObject & string]

/**
 * The value a {@link PatchObject} may give to path `TPath` of `TObject`: the
 * value type at that path, or `null` to reset it to its default / remove it.
 *
 * @see RFC 8620 §5.3
 * @example type V = PatchValue<{ keywords: Record<string, true> }, 'keywords/$seen'> // true | null
 */
export type PatchValue<TObject, TPath extends string> = TPath extends keyof TObject
  ? TObject[TPath] | null
  : TPath extends `${infer THead}/${infer TRest}`
    ? THead extends keyof TObject
      ? PatchValue<NonNullable<TObject[THead]>, TRest>
      : PatchValue<NonNullable<TObject[keyof TObject]>, TRest>
    : IsMap<TObject> extends true
      ? TObject[keyof TObject] | null
      : never

/**
 * A JMAP PatchObject for `TObject`: keys are JSON pointers (without the leading
 * `/`) into the object, values replace what is there, `null` resets it.
 *
 * @see RFC 8620 §5.3
 * @example { "keywords/$seen": true, "mailboxIds/M1": null, "subject": "Re: hi" }
 */
export type PatchObject<TObject> = {
  readonly [TPath in PatchPath<TObject>]?: PatchValue<TObject, TPath>
}
