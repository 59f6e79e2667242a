import type { Id, UTCDate } from '@typed-jmap/core'
import type { Event } from '../jscalendar/index.js'

/**
 * Who made a change that produced a CalendarEventNotification.
 *
 * Cyrus (3.8–3.12) names the principal `calendarPrincipalId`; the schema maps it to
 * `principalId`.
 *
 * @see draft-ietf-jmap-calendars §7
 * @example { "name": "Bob", "email": "bob@example.com", "principalId": "bob", "calendarAddress": null }
 */
export interface CalendarEventNotificationPerson {
  readonly name: string
  readonly email: string | null
  readonly principalId: Id | null
  readonly calendarAddress?: string | null
}

/** What happened to the event. */
export type CalendarEventNotificationType = 'created' | 'updated' | 'destroyed'

/**
 * A record of a change someone else made to an event in a calendar the user subscribes to;
 * server-set and destroy-only.
 *
 * @see draft-ietf-jmap-calendars §7
 * @example { "id": "n1", "created": "2026-11-21T22:59:12Z", "type": "updated",
 *   "changedBy": { "name": "Bob", "email": null, "principalId": "bob" }, "comment": null,
 *   "calendarEventId": "E-1", "isDraft": false, "event": { "@type": "Event", … },
 *   "eventPatch": { "title": "Moved" } }
 */
export interface CalendarEventNotification {
  readonly id: Id
  readonly created: UTCDate
  readonly changedBy: CalendarEventNotificationPerson
  readonly comment?: string | null
  readonly type: CalendarEventNotificationType
  readonly calendarEventId: Id
  /** Present for `created` and `updated`. */
  readonly isDraft?: boolean
  /** The event before the change (updated, destroyed) or after it (created). */
  readonly event: Event
  /** The change as a JSCalendar patch (updated only). */
  readonly eventPatch?: Readonly<Record<string, unknown>>
}

/**
 * CalendarEventNotification/query FilterCondition.
 *
 * @see draft-ietf-jmap-calendars §7.4.1
 * @example { "type": "updated", "after": "2026-11-01T00:00:00Z" }
 */
export interface CalendarEventNotificationFilterCondition {
  readonly after?: UTCDate | null
  readonly before?: UTCDate | null
  readonly type?: CalendarEventNotificationType
  readonly calendarEventIds?: readonly Id[] | null
}
