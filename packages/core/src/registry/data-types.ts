import type { MethodName } from './methods.js'

/**
 * Data types a server pushes state changes for that have no `/get` of their
 * own; empty in core, and a capability package adds its own by declaration
 * merging (mail adds RFC 8621's `EmailDelivery`).
 *
 * @see RFC 8620 §7.1
 * @example
 * declare module '@typed-jmap/core' {
 *   interface PushOnlyDataTypes { EmailDelivery: true }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: it is empty until packages augment it
export interface PushOnlyDataTypes {}

/**
 * The name of every data type the registered packages know: each type with a
 * `Foo/get` method, and the {@link PushOnlyDataTypes}. A push's `types` (or
 * `dataTypes`) lists these, so a misspelt type does not compile.
 *
 * @see RFC 8620 §7.1, RFC 8887 §4.3.5
 * @example type T = DataTypeName // 'Mailbox' | 'Email' | 'Thread' | … | 'EmailDelivery'
 */
export type DataTypeName = DataTypeOfGet<MethodName> | (keyof PushOnlyDataTypes & string)

/** The data type of each `Foo/get` method name (distributes over the union). */
type DataTypeOfGet<TMethod> = TMethod extends `${infer TDataType}/get` ? TDataType : never
