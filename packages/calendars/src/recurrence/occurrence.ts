import type { Event } from '../jscalendar/event.js'
import type { LocalDateTime, TimeZoneId, UTCDateTime } from '../jscalendar/primitives.js'
import type { Task } from '../jscalendar/task.js'

/**
 * One occurrence of a recurring (or single) Event or Task: the instance as the recurrence
 * override (if any) makes it, where it falls in UTC, and the recurrence id that names it.
 *
 * @see RFC 8984 §4.3.3 (recurrence rules) and §4.3.5 (recurrence overrides)
 * @example { recurrenceId: '2026-01-08T09:00:00', start: '2026-01-08T09:00:00', timeZone: 'Europe/Berlin', utcStart: '2026-01-08T08:00:00Z', utcEnd: '2026-01-08T09:00:00Z', overridden: false, object: { … } }
 */
export interface Occurrence<T extends Event | Task = Event | Task> {
  /** The occurrence's key: its start as the rule (or an override key) gives it, in the main object's zone. */
  recurrenceId: LocalDateTime
  /** The main object's `timeZone` (absent for floating times). */
  recurrenceIdTimeZone?: TimeZoneId
  /** The instance's start, after any override moved it (for a Task without start: its due). */
  start: LocalDateTime
  /** The instance's time zone (an override may change it). */
  timeZone?: TimeZoneId
  /** The start as a UTC instant (floating times read in the zone the caller gave). */
  utcStart: UTCDateTime
  /** The end as a UTC instant: start plus duration (a Task: its due, or start plus estimatedDuration). */
  utcEnd: UTCDateTime
  /** Whether a recurrence override patches this instance. */
  overridden: boolean
  /** The instance itself: the main object with the override applied, without recurrence rule or overrides, with recurrenceId set. */
  object: T
}
