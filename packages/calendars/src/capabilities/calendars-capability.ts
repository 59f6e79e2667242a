import type { Id, UnsignedInt, UTCDate } from '@typed-jmap/core'

/**
 * The session value of a capability that carries no information (`{}`).
 *
 * @see RFC 8620 §2
 * @example {}
 */
export type EmptyCapability = {}

/**
 * `urn:ietf:params:jmap:calendars` in an account's `accountCapabilities`.
 *
 * @see draft-ietf-jmap-calendars §2.1
 * @example { "maxCalendarsPerEvent": 1, "minDateTime": "1970-01-01T00:00:01Z",
 *   "maxDateTime": "2038-01-19T03:14:06Z", "maxExpandedQueryDuration": "P365D",
 *   "maxParticipantsPerEvent": null, "mayCreateCalendar": true }
 */
export interface CalendarsAccountCapability {
  readonly maxCalendarsPerEvent: UnsignedInt | null
  readonly minDateTime: UTCDate
  readonly maxDateTime: UTCDate
  /** An ISO 8601 duration, e.g. `P365D`. */
  readonly maxExpandedQueryDuration: string
  readonly maxParticipantsPerEvent: UnsignedInt | null
  readonly mayCreateCalendar: boolean
}

/**
 * `urn:ietf:params:jmap:principals` in an account's `accountCapabilities`.
 *
 * @see RFC 9670 §2.1
 * @example { "currentUserPrincipalId": "test" }
 */
export interface PrincipalsAccountCapability {
  readonly currentUserPrincipalId: Id | null
}

/**
 * `urn:ietf:params:jmap:principals:owner`: the Principal that owns an account (account only).
 *
 * @see RFC 9670 §2.2
 * @example { "accountIdForPrincipal": "test", "principalId": "test" }
 */
export interface PrincipalsOwnerAccountCapability {
  readonly accountIdForPrincipal: Id
  readonly principalId: Id
}

/**
 * `urn:ietf:params:jmap:principals:availability` in an account's `accountCapabilities`.
 *
 * @see draft-ietf-jmap-calendars §2.2
 * @example { "maxAvailabilityDuration": "P366D" }
 */
export interface PrincipalsAvailabilityAccountCapability {
  /** An ISO 8601 duration. */
  readonly maxAvailabilityDuration: string
}

/**
 * Cyrus's vendor calendars capability in the Session; 3.8+ sends `isRFC: true` to say its
 * calendars also speak the standard URN.
 *
 * @example { "isRFC": true }
 */
export interface CyrusCalendarsSessionCapability {
  readonly isRFC?: boolean
}
