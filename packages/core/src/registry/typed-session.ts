import type {
  Account,
  AccountCapabilities,
  Session,
  SessionCapabilities,
} from '../session/session.js'

/**
 * `session.capabilities` typed from the {@link Capabilities} registry (the
 * same type as the connection's `Session['capabilities']`).
 *
 * @see RFC 8620 §2
 * @example session.capabilities['urn:ietf:params:jmap:core'].maxCallsInRequest
 */
export type TypedSessionCapabilities = SessionCapabilities

/**
 * `account.accountCapabilities` typed from the {@link Capabilities} registry.
 *
 * @see RFC 8620 §2
 * @example account.accountCapabilities['urn:ietf:params:jmap:mail']?.maxMailboxDepth
 */
export type TypedAccountCapabilities = AccountCapabilities

/**
 * An account whose capabilities are typed from the registry.
 *
 * @see RFC 8620 §2
 */
export interface TypedAccount extends Account {}

/**
 * The session as `client.session()` returns it: the connection's `Session`
 * (capabilities typed from the registry), after the client checked each
 * capability that has a schema in its tables.
 *
 * @see RFC 8620 §2
 * @example (await jmap.session()).capabilities['urn:ietf:params:jmap:mail']
 */
export interface TypedSession extends Session {}
