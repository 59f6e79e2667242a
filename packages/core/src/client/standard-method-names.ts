import type { MethodName, ResponseOf } from '../registry/methods.js'

/**
 * The registered methods named `Foo/<TSuffix>`, e.g. every `/query`.
 *
 * @see RFC 8620 §5
 * @example type Q = MethodNameEndingIn<'query'> // 'Email/query' | 'Mailbox/query' | …
 */
export type MethodNameEndingIn<TSuffix extends string> = Extract<MethodName, `${string}/${TSuffix}`>

/**
 * The `/get` method of the data type another standard method works on
 * (`Mailbox/changes` → `Mailbox/get`), or `never` when none is registered.
 *
 * @see RFC 8620 §5.1
 * @example type G = GetMethodOf<'Mailbox/changes'> // 'Mailbox/get'
 */
export type GetMethodOf<TMethod extends string> = TMethod extends `${infer TType}/${string}`
  ? Extract<`${TType}/get`, MethodName>
  : never

/**
 * The `/changes` methods of a client whose data type also has a `/get` the
 * client can call, so changed ids can be fetched in the same request.
 *
 * @see RFC 8620 §5.2
 * @example type C = ChangesMethodWithGet<'Mailbox/changes' | 'Mailbox/get'> // 'Mailbox/changes'
 */
export type ChangesMethodWithGet<TAvailable extends string> = {
  [TMethod in MethodNameEndingIn<'changes'> & TAvailable]: [GetMethodOf<TMethod>] extends [never]
    ? never
    : GetMethodOf<TMethod> extends TAvailable
      ? TMethod
      : never
}[MethodNameEndingIn<'changes'> & TAvailable]

/**
 * The records a `/get` returns when called with arguments `TArgs` (only the
 * asked-for properties, or the type's default set).
 *
 * @see RFC 8620 §5.1
 * @example type M = RecordOf<'Mailbox/get', { properties: ['name'] }> // { id: Id; name: string }
 */
export type RecordOf<TGetMethod extends string, TArgs> =
  ResponseOf<TGetMethod & MethodName, TArgs> extends { readonly list: readonly (infer TRecord)[] }
    ? TRecord
    : never

/**
 * The response of a method given by a name the compiler only knows to be a
 * string (a helper's type parameter); `never` for an unregistered name.
 *
 * @example type R = ResponseOfMethod<'Mailbox/changes'> // ChangesResponse & { updatedProperties: … }
 */
export type ResponseOfMethod<TMethod extends string, TArgs = unknown> = TMethod extends MethodName
  ? ResponseOf<TMethod, TArgs>
  : never
