/**
 * Marks a result-reference path that does not exist; carries the segment at
 * which resolution failed so the message can name it.
 */
export interface InvalidPath<TSegment extends string> {
  readonly '~invalidPath': TSegment
}

/** A JSON Pointer token with `~1` and `~0` unescaped (RFC 6901). */
type Unescape<TToken extends string> = TToken extends `${infer THead}~1${infer TTail}`
  ? Unescape<`${THead}/${TTail}`>
  : TToken extends `${infer THead}~0${infer TTail}`
    ? Unescape<`${THead}~${TTail}`>
    : TToken

/** Whether `T` is a map keyed by arbitrary (or branded) strings, like `Record<Id, …>`. */
type IsMap<T> = string extends keyof T
  ? true
  : keyof T extends string
    ? [keyof T] extends [`${infer _Literal}`]
      ? false
      : true
    : false

/** `*` over an array: the values found in each item, flattened one level. */
type Flatten<TResult> =
  TResult extends InvalidPath<string>
    ? TResult
    : TResult extends readonly (infer TItem)[]
      ? TItem[]
      : TResult[]

/**
 * Why this is a linear walk over the pointer and not a precomputed map of all
 * paths: each reference only pays for the segments it names, while listing
 * every path of a response (e.g. every `/list/*​/…` of an Email) would cost
 * every call that is never referenced.
 */
type ResolveSegment<
  T,
  TToken extends string,
  TRest extends string,
> = T extends readonly (infer TItem)[]
  ? TToken extends '*'
    ? Flatten<ResolvePath<NonNullable<TItem>, TRest>>
    : TToken extends `${number}`
      ? ResolvePath<NonNullable<TItem>, TRest>
      : InvalidPath<TToken>
  : T extends object
    ? Unescape<TToken> extends keyof T
      ? ResolvePath<NonNullable<T[Unescape<TToken>]>, TRest, T[Unescape<TToken>]>
      : IsMap<T> extends true
        ? ResolvePath<NonNullable<T[keyof T]>, TRest, T[keyof T]>
        : InvalidPath<TToken>
    : InvalidPath<TToken>

/**
 * The value a JSON Pointer `TPath` selects in a response of type `T`, with the
 * JMAP `*` extension (maps over an array and flattens array results), or an
 * {@link InvalidPath} naming the first segment that does not exist.
 *
 * @see RFC 8620 §3.7
 * @example type V = ResolvePath<{ list: { threadId: Id }[] }, '/list/*​/threadId'> // Id[]
 */
export type ResolvePath<T, TPath extends string, TExact = T> = TPath extends ''
  ? Exclude<TExact, undefined>
  : TPath extends `/${infer TToken}/${infer TRest}`
    ? ResolveSegment<T, TToken, `/${TRest}`>
    : TPath extends `/${infer TToken}`
      ? ResolveSegment<T, TToken, ''>
      : InvalidPath<TPath>
