/**
 * The members of an error union (`SetError`, `MethodError`, an extension's
 * union) whose `type` is `TType`. Why it is needed: the unions are open (a
 * catch-all member typed `string & {}` keeps unknown types), so
 * `error.type === 'alreadyExists'` leaves the catch-all in and does not give
 * `existingId`; a known type picks its own member, an unknown one the
 * catch-all with that `type`.
 *
 * @see RFC 8620 §3.6.2, §5.3
 * @example type E = ErrorOfType<SetError, 'alreadyExists'> // AlreadyExistsSetError
 */
export type ErrorOfType<TError extends { readonly type: string }, TType extends string> = [
  KnownErrorOfType<TError, TType>,
] extends [never]
  ? OpenErrorOf<TError> & { readonly type: TType }
  : KnownErrorOfType<TError, TType>

/** The members declared for `TType` (a member typed by a union of types keeps `type` narrowed). */
type KnownErrorOfType<
  TError extends { readonly type: string },
  TType extends string,
> = TError extends unknown
  ? string extends TError['type']
    ? never
    : TType extends TError['type']
      ? [TError['type']] extends [TType]
        ? TError
        : TError & { readonly type: TType }
      : never
  : never

/** The catch-all members of an open error union. */
type OpenErrorOf<TError extends { readonly type: string }> = TError extends unknown
  ? string extends TError['type']
    ? TError
    : never
  : never

/**
 * Whether `error` is of type `type`, narrowing it to that type's member (so
 * `existingId` of an `alreadyExists` SetError can be read); `false` for
 * `null`/`undefined`, so it takes `notCreated?.[id]` as it is. Completes the
 * known types and takes any other (an extension's).
 *
 * @see RFC 8620 §3.6.2, §5.3
 * @example
 * const failed = response.notCreated?.k1
 * if (isErrorOfType(failed, 'alreadyExists')) reuse(failed.existingId)
 */
export function isErrorOfType<
  TError extends { readonly type: string },
  const TType extends TError['type'],
>(error: TError | null | undefined, type: TType): error is ErrorOfType<TError, TType> {
  return error?.type === type
}
