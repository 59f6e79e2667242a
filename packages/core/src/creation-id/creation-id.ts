import type { Id } from '../primitives/id.js'

/**
 * A reference to a record created earlier in the same request: `"#k1"`,
 * usable wherever an {@link Id} is expected (ids, keys of id maps such as
 * `mailboxIds`, `update` keys, `onSuccessUpdateEmail` keys). Only
 * `handle.created('k1')` makes one, after checking the call creates `k1`.
 *
 * @see RFC 8620 §5.3
 * @example "#k1"
 */
export type CreationId<TCreationId extends string = string> = `#${TCreationId}` & Id

/**
 * The creation ids a `/set`-like call makes with arguments `TArgs`: the keys
 * of its `create`, or of the arguments `TNames` a witness names instead
 * (`'send'` for MDN/send).
 *
 * @see RFC 8620 §5.3, RFC 9007 §3.1
 * @example type C = CreationIdsOf<{ create: { k1: {}; k2: {} } }> // 'k1' | 'k2'
 */
export type CreationIdsOf<TArgs, TNames extends string = 'create'> = TNames extends keyof TArgs
  ? NonNullable<TArgs[TNames]> extends infer TMap
    ? TMap extends object
      ? keyof TMap & string
      : never
    : never
  : never

/** The wire form of a creation id reference. */
export function creationIdReference<TCreationId extends string>(
  creationId: TCreationId,
): CreationId<TCreationId> {
  return `#${creationId}` as CreationId<TCreationId>
}
