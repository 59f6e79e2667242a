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
 * The creation ids a `/set`-like call makes with arguments `TArgs` (the keys of
 * its `create`).
 *
 * @see RFC 8620 §5.3
 * @example type C = CreationIdsOf<{ create: { k1: {}; k2: {} } }> // 'k1' | 'k2'
 */
export type CreationIdsOf<TArgs> = TArgs extends { readonly create: infer TCreate }
  ? TCreate extends object
    ? keyof TCreate & string
    : never
  : never

/** The wire form of a creation id reference. */
export function creationIdReference<TCreationId extends string>(
  creationId: TCreationId,
): CreationId<TCreationId> {
  return `#${creationId}` as CreationId<TCreationId>
}
