import type { Id } from '@typed-jmap/core'

/**
 * An address that represents the user in events' participants within one account.
 *
 * Cyrus (3.8–3.12) sends the RFC 8984 `sendTo: { imip }` instead of `calendarAddress` and no
 * `isDefault`; the schema normalises the first and leaves the second missing.
 *
 * @see draft-ietf-jmap-calendars §3
 * @example { "id": "3", "name": "Jane Doe", "calendarAddress": "mailto:jane@example.com", "isDefault": true }
 */
export interface ParticipantIdentity {
  readonly id: Id
  readonly name: string
  /** The iTIP address (usually `mailto:`) of this identity. */
  readonly calendarAddress: string
  readonly isDefault?: boolean
}

/**
 * The properties a client sets when creating a ParticipantIdentity.
 *
 * @see draft-ietf-jmap-calendars §3.3
 * @example { "name": "Jane Doe", "calendarAddress": "mailto:jane@example.com" }
 */
export interface ParticipantIdentityCreate {
  readonly name?: string
  readonly calendarAddress: string
}
