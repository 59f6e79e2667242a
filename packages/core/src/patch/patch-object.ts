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
 * What a patch path names that does not exist: the segment that is not a
 * member of the value before it. A unique shape, so no member type is
 * mistaken for it.
 */
export interface UnknownPatchSegment<TSegment extends string> {
  readonly '~unknownPatchSegment': TSegment
}

/**
 * The member `TKey` of `TValue`: a named member, an entry of a map
 * (`Record<Id, …>` takes any key), or {@link UnknownPatchSegment}. Arrays and
 * primitives have no members a patch may point at (RFC 8620 forbids array
 * indexes; `length` of a string is no property of the object).
 */
type MemberAt<TValue, TKey extends string> = TValue extends
  | readonly unknown[]
  | string
  | number
  | boolean
  | bigint
  ? UnknownPatchSegment<TKey>
  : TKey extends keyof TValue
    ? TValue[TKey]
    : IsMap<TValue> extends true
      ? TValue[keyof TValue]
      : UnknownPatchSegment<TKey>

/**
 * The type found at path `TPath` of `TObject`, walked one `/`-separated
 * segment at a time, so each depth takes its own type: `locations/l1` is a
 * Location, `locations/l1/name` a string. A path that leaves the object gives
 * the {@link UnknownPatchSegment} of its first wrong segment.
 *
 * Why segments and not a match against {@link PatchPath}: a map member path
 * such as `` `participants/${string}` `` also matches `participants/p1/rolez`
 * (`${string}` spans slashes), so only a walk catches the typo; it is also
 * cheaper than testing a key against every path of a large type.
 *
 * @see RFC 8620 §5.3
 * @example type T = PatchTarget<CalendarEvent, 'participants/p1/roles/chair'> // true | undefined
 */
export type PatchTarget<
  TObject,
  TPath extends string,
> = TPath extends `${infer THead}/${infer TRest}`
  ? MemberAt<TObject, THead> extends infer TMember
    ? TMember extends UnknownPatchSegment<string>
      ? TMember
      : PatchTarget<NonNullable<TMember>, TRest>
    : never
  : string extends TPath
    ? PatternTarget<TObject, TPath>
    : MemberAt<TObject, TPath>

/**
 * What a path ending in a pattern segment (`` `emails/${string}` ``, the key
 * {@link PatchPath} gives a map's entries) finds: the entries, and everything
 * below them, as `${string}` spans slashes (`emails/e1/address` matches it).
 * So {@link PatchObject}'s key for the entries, which TypeScript checks beside
 * the deeper key (`` `emails/${string}/address` ``) a path also matches,
 * takes the deeper values too.
 */
type PatternTarget<TObject, TPath extends string> =
  IsMap<TObject> extends true
    ?
        | TObject[keyof TObject]
        | PatchTarget<NonNullable<TObject[keyof TObject]>, MemberPaths<TObject[keyof TObject], 2>>
    : MemberAt<TObject, TPath>

/**
 * The value a {@link PatchObject} may give to path `TPath` of `TObject`: the
 * value type at that path, or `null` to reset it to its default / remove it;
 * `never` when the path does not exist.
 *
 * @see RFC 8620 §5.3
 * @example type V = PatchValue<{ keywords: Record<string, true> }, 'keywords/$seen'> // true | null
 */
export type PatchValue<TObject, TPath extends string> =
  PatchTarget<TObject, TPath> extends infer TTarget
    ? TTarget extends UnknownPatchSegment<string>
      ? never
      : TTarget | null
    : never

/**
 * A JMAP PatchObject for `TObject`: keys are JSON pointers (without the leading
 * `/`) into the object, values replace what is there, `null` resets it.
 *
 * A key below a map entry meets the entries' pattern key too, which takes every
 * value found below an entry ({@link PatchTarget} of a pattern), so a
 * misspelled member there (`'emails/e1/adress'`) is held only to those values;
 * the builder's `update` check walks each literal key and names the typo.
 *
 * @see RFC 8620 §5.3
 * @example { "keywords/$seen": true, "mailboxIds/M1": null, "subject": "Re: hi" }
 */
export type PatchObject<TObject> = {
  readonly [TPath in PatchPath<TObject>]?: PatchValue<TObject, TPath>
}
