import type { Id, UTCDate } from '@typed-jmap/core'
import type { Event } from '../jscalendar/event.js'

/**
 * A span of time in which a Principal is busy, from Principal/getAvailability.
 *
 * @see draft-ietf-jmap-calendars §2.5
 * @example { "utcStart": "2030-01-15T08:00:00Z", "utcEnd": "2030-01-15T09:00:00Z",
 *   "busyStatus": "confirmed", "event": null, "accountId": null }
 */
export interface BusyPeriod {
  readonly utcStart: UTCDate
  readonly utcEnd: UTCDate
  /** `confirmed`, `tentative` or `unavailable` (the default when absent). */
  readonly busyStatus?: 'confirmed' | 'tentative' | 'unavailable'
  /** The event behind the period, when `showDetails` was asked and allowed. */
  readonly event?: Partial<Event> | null
  readonly accountId?: Id | null
}
