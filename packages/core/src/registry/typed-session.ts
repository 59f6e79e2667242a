import type { Account, CoreCapability, Session } from '../session/session.js'
import type { AccountCapabilityOf, CapabilityUrn, SessionCapabilityOf } from './capabilities.js'

/**
 * `session.capabilities` typed from the {@link Capabilities} registry: each
 * registered URN maps to its session capability object (absent when the
 * server does not advertise it); other URNs stay `unknown`.
 *
 * @see RFC 8620 §2
 * @example session.capabilities['urn:ietf:params:jmap:core'].maxCallsInRequest
 */
export type TypedSessionCapabilities = {
  readonly [TUrn in CapabilityUrn]?: SessionCapabilityOf<TUrn>
} & Readonly<Record<string, unknown>> & {
    readonly 'urn:ietf:params:jmap:core': CoreCapability
  }

/**
 * `account.accountCapabilities` typed from the {@link Capabilities} registry.
 *
 * @see RFC 8620 §2
 * @example account.accountCapabilities['urn:ietf:params:jmap:mail']?.maxMailboxDepth
 */
export type TypedAccountCapabilities = {
  readonly [TUrn in CapabilityUrn]?: AccountCapabilityOf<TUrn>
} & Readonly<Record<string, unknown>>

/**
 * An account whose capabilities are typed from the registry.
 *
 * @see RFC 8620 §2
 */
export interface TypedAccount extends Omit<Account, 'accountCapabilities'> {
  readonly accountCapabilities: TypedAccountCapabilities
}

/**
 * The session with capabilities typed from the registry, as `client.session()`
 * returns it (capabilities with a schema in the client's tables are checked).
 *
 * @see RFC 8620 §2
 * @example (await jmap.session()).capabilities['urn:ietf:params:jmap:mail']
 */
export interface TypedSession extends Omit<Session, 'capabilities' | 'accounts'> {
  readonly capabilities: TypedSessionCapabilities
  readonly accounts: Readonly<Record<string, TypedAccount>>
}
