import type {
  AccountCapabilityOf,
  CapabilityUrn,
  SessionCapabilityOf,
} from '../registry/capabilities.js'

/** The capability URN every JMAP server advertises. */
export const coreCapability = 'urn:ietf:params:jmap:core'

/**
 * The server limits of `urn:ietf:params:jmap:core`.
 *
 * @see RFC 8620 §2
 * @example { "maxSizeUpload": 50000000, "maxConcurrentRequests": 4, "maxCallsInRequest": 16, … }
 */
export interface CoreCapability {
  readonly maxSizeUpload: number
  readonly maxConcurrentUpload: number
  readonly maxSizeRequest: number
  readonly maxConcurrentRequests: number
  readonly maxCallsInRequest: number
  readonly maxObjectsInGet: number
  readonly maxObjectsInSet: number
  readonly collationAlgorithms: readonly string[]
}

/**
 * `session.capabilities` typed from the `Capabilities` registry: each
 * registered URN maps to its session capability object (absent when the
 * server does not advertise it), other URNs stay `unknown`, and core is always
 * there.
 *
 * @see RFC 8620 §2
 * @example session.capabilities['urn:ietf:params:jmap:core'].maxCallsInRequest // 16
 */
export type SessionCapabilities = {
  readonly [TUrn in CapabilityUrn]?: SessionCapabilityOf<TUrn>
} & Readonly<Record<string, unknown>> & {
    readonly 'urn:ietf:params:jmap:core': CoreCapability
  }

/**
 * `account.accountCapabilities` typed from the `Capabilities` registry.
 *
 * @see RFC 8620 §2
 * @example account.accountCapabilities['urn:ietf:params:jmap:mail']?.maxMailboxDepth
 */
export type AccountCapabilities = {
  readonly [TUrn in CapabilityUrn]?: AccountCapabilityOf<TUrn>
} & Readonly<Record<string, unknown>>

/**
 * An account the user can access, with its per-account capabilities.
 *
 * @see RFC 8620 §2
 * @example { "name": "test", "isPersonal": true, "isReadOnly": false, "accountCapabilities": { "urn:ietf:params:jmap:mail": {} } }
 */
export interface Account {
  readonly name: string
  readonly isPersonal: boolean
  readonly isReadOnly: boolean
  /** Typed from the registry; the connection checks only that it is an object (the typed client checks each capability with its table's schema). */
  readonly accountCapabilities: AccountCapabilities
}

/**
 * The JMAP session resource, validated, with `apiUrl`, `uploadUrl`,
 * `downloadUrl` and `eventSourceUrl` resolved to absolute URLs (templates kept).
 *
 * @see RFC 8620 §2
 * @example { "apiUrl": "https://jmap.example/jmap/", "state": "0", "capabilities": { "urn:ietf:params:jmap:core": { … } }, … }
 */
export interface Session {
  /** Typed from the registry; the connection checks core's limits only (the typed client checks each capability with its table's schema). */
  readonly capabilities: SessionCapabilities
  readonly accounts: Readonly<Record<string, Account>>
  readonly primaryAccounts: Readonly<Record<string, string>>
  readonly username: string
  readonly apiUrl: string
  readonly downloadUrl: string
  readonly uploadUrl: string
  readonly eventSourceUrl: string
  readonly state: string
}

/**
 * Reads the core limits from a session.
 *
 * @see RFC 8620 §2
 * @example coreLimits(session).maxCallsInRequest // 50
 */
export function coreLimits(session: Session): CoreCapability {
  return session.capabilities[coreCapability]
}
