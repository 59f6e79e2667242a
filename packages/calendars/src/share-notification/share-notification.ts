import type { Id, UTCDate } from '@typed-jmap/core'

/**
 * Who changed a share.
 *
 * @see RFC 9670 §4
 * @example { "name": "Jane Doe", "email": "jane@example.com", "principalId": "jane" }
 */
export interface ShareChangedBy {
  readonly name: string
  readonly email: string | null
  readonly principalId: Id | null
}

/**
 * A record that the user's rights on a shared object changed; server-set and destroy-only.
 *
 * @see RFC 9670 §4
 * @example { "id": "sn1", "created": "2026-11-21T22:59:12Z", "changedBy": { "name": "Jane", … },
 *   "objectType": "Calendar", "objectAccountId": "jane", "objectId": "Default",
 *   "oldRights": null, "newRights": { "mayReadItems": true }, "name": "personal" }
 */
export interface ShareNotification {
  readonly id: Id
  readonly created: UTCDate
  readonly changedBy: ShareChangedBy
  readonly objectType: string
  readonly objectAccountId: Id
  readonly objectId: Id
  readonly oldRights: Readonly<Record<string, boolean>> | null
  readonly newRights: Readonly<Record<string, boolean>> | null
  /** The object's name when the notification was made; Cyrus (3.8–3.12) leaves it out. */
  readonly name?: string
}

/**
 * ShareNotification/query FilterCondition.
 *
 * @see RFC 9670 §4.4.1
 * @example { "objectType": "Calendar", "after": "2026-01-01T00:00:00Z" }
 */
export interface ShareNotificationFilterCondition {
  readonly after?: UTCDate | null
  readonly before?: UTCDate | null
  readonly objectType?: string
  readonly objectAccountId?: Id
}
