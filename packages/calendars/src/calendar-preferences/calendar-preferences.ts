import type { Id } from '@typed-jmap/core'

/**
 * The account's calendar preferences singleton (id `"singleton"`), from the interim
 * `urn:ietf:params:jmap:calendars:preferences` capability that Cyrus 3.8–3.12 serves.
 *
 * @see draft-ietf-jmap-calendars-17 §4 (CalendarPreferences)
 * @example { "id": "singleton", "defaultCalendarId": null, "defaultParticipantIdentityId": null }
 */
export interface CalendarPreferences {
  readonly id: Id
  readonly defaultCalendarId: Id | null
  readonly defaultParticipantIdentityId: Id | null
}
