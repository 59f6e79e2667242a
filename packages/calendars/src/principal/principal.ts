import type { Id } from '@typed-jmap/core'

/** What a Principal stands for. */
export type PrincipalType = 'individual' | 'group' | 'resource' | 'location' | 'other'

/**
 * What a Principal offers for calendaring, in `Principal.capabilities["urn:ietf:params:jmap:calendars"]`.
 * Cyrus still sends the pre-standard `sendTo` (and `account`) beside it.
 *
 * @see draft-ietf-jmap-calendars §2.4
 * @example { "accountId": "a0x9", "mayGetAvailability": true, "mayShareWith": true,
 *   "calendarAddress": "mailto:jane@example.com" }
 */
export interface PrincipalCalendarsCapability {
  readonly accountId: Id | null
  readonly mayGetAvailability: boolean
  readonly mayShareWith?: boolean
  readonly calendarAddress?: string
  readonly sendTo?: Readonly<Record<string, string>> | null
}

/**
 * The account capabilities of one account that a Principal's data lives in.
 *
 * @see RFC 8620 §2 (Account)
 */
export interface PrincipalAccount {
  readonly name: string
  readonly isPersonal: boolean
  readonly isReadOnly: boolean
  readonly accountCapabilities: Readonly<Record<string, unknown>>
}

/**
 * Capability URN → what the Principal offers for it.
 *
 * @see RFC 9670 §3
 */
export interface PrincipalCapabilities {
  readonly [urn: string]: unknown
  readonly 'urn:ietf:params:jmap:calendars'?: PrincipalCalendarsCapability
}

/**
 * A user, group, room or resource that data can be shared with.
 *
 * @see RFC 9670 §3
 * @example { "id": "bob", "type": "individual", "name": "Bob", "description": null,
 *   "email": "bob@example.com", "timeZone": "Europe/Berlin", "capabilities": {}, "accounts": null }
 */
export interface Principal {
  readonly id: Id
  readonly type: PrincipalType
  readonly name: string
  readonly description: string | null
  readonly email: string | null
  readonly timeZone: string | null
  readonly capabilities: PrincipalCapabilities
  readonly accounts: Readonly<Record<string, PrincipalAccount>> | null
}

/**
 * Principal/query FilterCondition (with `calendarAddress` from the calendars draft).
 *
 * @see RFC 9670 §3.5.1
 * @example { "name": "Bob", "type": "individual" }
 */
export interface PrincipalFilterCondition {
  readonly accountIds?: readonly Id[]
  readonly email?: string
  readonly name?: string
  readonly text?: string
  readonly type?: PrincipalType
  readonly timeZone?: string
  readonly calendarAddress?: string
}
