import type { Duration, LocalDateTime, TimeZoneId } from './primitives.js'
import type { SchedulingObject } from './scheduling-object.js'

/**
 * A JSCalendar Event: something that happens at a time, for a duration.
 *
 * @see draft-ietf-calext-jscalendarbis §5.1
 * @example { "@type": "Event", "uid": "a8df6573", "updated": "2024-03-29T13:30:00Z", "start": "2024-04-01T09:00:00", "timeZone": "Europe/Berlin", "duration": "PT1H", "title": "Planning" }
 */
export interface Event extends SchedulingObject {
  '@type': 'Event'
  /** Mandatory in JSCalendar; absent only when converted from an iTIP VEVENT without DTSTART. */
  start?: LocalDateTime
  /** `PT0S` when absent. */
  duration?: Duration
  /** The time zone of the end, when it differs from `timeZone`. */
  endTimeZone?: TimeZoneId
  /** `confirmed` (default), `cancelled` or `tentative`. */
  status?: string
}
