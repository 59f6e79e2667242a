/**
 * The types a capability contributes to the session: its object in
 * `session.capabilities` and in each `account.accountCapabilities`.
 *
 * @see RFC 8620 §2
 * @example { session: { maxSizeUpload: number }; account: {} }
 */
export interface CapabilityTypes {
  /** The value of `session.capabilities[urn]`. */
  readonly session: object
  /** The value of `account.accountCapabilities[urn]`. */
  readonly account: object
}

/**
 * The registry of capabilities: URN → {@link CapabilityTypes}. Capability
 * packages augment it so `session.capabilities['urn:ietf:params:jmap:mail']`
 * is typed.
 *
 * @see RFC 8620 §2
 * @example
 * declare module '@typed-jmap/core' {
 *   interface Capabilities {
 *     'urn:ietf:params:jmap:mail': { session: {}; account: MailAccountCapability }
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: it is empty until packages augment it
export interface Capabilities {}

/**
 * A registered capability URN.
 *
 * @example type U = CapabilityUrn // 'urn:ietf:params:jmap:core' | …
 */
export type CapabilityUrn = keyof Capabilities & string

/**
 * The type of `session.capabilities[TUrn]`.
 *
 * @see RFC 8620 §2
 * @example type C = SessionCapabilityOf<'urn:ietf:params:jmap:core'> // CoreCapability
 */
export type SessionCapabilityOf<TUrn extends CapabilityUrn> = Capabilities[TUrn] extends {
  readonly session: infer TSession
}
  ? TSession
  : never

/**
 * The type of `account.accountCapabilities[TUrn]`.
 *
 * @see RFC 8620 §2
 * @example type C = AccountCapabilityOf<'urn:ietf:params:jmap:mail'>
 */
export type AccountCapabilityOf<TUrn extends CapabilityUrn> = Capabilities[TUrn] extends {
  readonly account: infer TAccount
}
  ? TAccount
  : never
