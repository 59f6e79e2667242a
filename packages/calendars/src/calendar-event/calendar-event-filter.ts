import type { Id } from '@typed-jmap/core'
import type { LocalDateTime } from '../jscalendar/primitives.js'

/**
 * A CalendarEvent/query FilterCondition. `after`/`before` are LocalDateTime read in the
 * call's `timeZone` argument (default `Etc/UTC`), not UTCDate.
 *
 * @see draft-ietf-jmap-calendars §5.11.1
 * @example { "inCalendar": "Default", "after": "2030-01-01T00:00:00", "before": "2030-02-01T00:00:00", "text": "sync" }
 */
export interface CalendarEventFilterCondition {
  readonly inCalendar?: Id
  /** The event (or one of its recurrences) ends after this time. */
  readonly after?: LocalDateTime
  /** The event (or one of its recurrences) starts before this time. */
  readonly before?: LocalDateTime
  readonly text?: string
  readonly title?: string
  readonly description?: string
  readonly location?: string
  readonly owner?: string
  readonly attendee?: string
  /** Exact uid match. */
  readonly uid?: string
}

/**
 * The filter `expandRecurrences: true` demands: one condition (no operator) with both bounds.
 *
 * @see draft-ietf-jmap-calendars §5.11
 * @example { "after": "2030-01-01T00:00:00", "before": "2030-02-01T00:00:00" }
 */
export interface ExpandedCalendarEventFilterCondition extends CalendarEventFilterCondition {
  readonly after: LocalDateTime
  readonly before: LocalDateTime
}

/**
 * The properties CalendarEvent/query can sort by (`start`, `uid`, `recurrenceId` are required
 * of servers; `created`, `updated` recommended).
 *
 * @see draft-ietf-jmap-calendars §5.11.2
 */
export type CalendarEventSortProperty = 'start' | 'uid' | 'recurrenceId' | 'created' | 'updated'
