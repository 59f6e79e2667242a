import type { Id, UTCDate } from '@typed-jmap/core'
import type { Event } from '../jscalendar/event.js'

/**
 * A JSCalendar 2.0 Event stored in a JMAP account, with the JMAP properties the calendars
 * draft adds.
 *
 * `utcStart`/`utcEnd` are computed and only present when asked for in `properties`;
 * `baseEventId` is only set on the synthetic instance ids that `expandRecurrences` produces.
 *
 * @see draft-ietf-jmap-calendars §5
 * @example { "id": "E-1", "calendarIds": { "Default": true }, "isDraft": false, "isOrigin": true,
 *   "@type": "Event", "uid": "…", "title": "Weekly sync", "start": "2030-01-15T09:00:00",
 *   "timeZone": "Europe/Berlin", "duration": "PT1H" }
 */
export interface CalendarEvent extends Event {
  readonly id: Id
  readonly baseEventId?: Id | null
  /** The calendars the event is in (at least one); the only value is `true`. */
  readonly calendarIds: Readonly<Record<string, true>>
  readonly isDraft: boolean
  readonly isOrigin: boolean
  /** Computed: the start in UTC; only returned when asked for. */
  readonly utcStart?: UTCDate
  /** Computed: the end in UTC; only returned when asked for. */
  readonly utcEnd?: UTCDate
  readonly useDefaultAlerts?: boolean
  /** Anyone may add themselves as an attendee (base event only). */
  readonly mayInviteSelf?: boolean
  /** Attendees may invite others (base event only). */
  readonly mayInviteOthers?: boolean
  /** Only owners see the full participant list (base event only). */
  readonly hideAttendees?: boolean
}

/**
 * A CalendarEvent as `CalendarEvent/get` returns the properties asked for by
 * name: the computed `utcStart`/`utcEnd` are always there when asked for.
 *
 * @see draft-ietf-jmap-calendars §5.7
 */
export interface CalendarEventAsAskedFor extends Omit<CalendarEvent, 'utcStart' | 'utcEnd'> {
  /** Computed: the start in UTC. */
  readonly utcStart: UTCDate
  /** Computed: the end in UTC. */
  readonly utcEnd: UTCDate
}

/** A property name of CalendarEvent, as accepted in `properties` of CalendarEvent/get. */
export type CalendarEventProperty = keyof CalendarEvent & string

/**
 * The properties `CalendarEvent/get` returns when `properties` is null: all but the computed
 * `utcStart`/`utcEnd`.
 *
 * @see draft-ietf-jmap-calendars §5.7
 */
export type CalendarEventDefaultProperty = Exclude<CalendarEventProperty, 'utcStart' | 'utcEnd'>

/**
 * A CalendarEvent to create: the server sets `id`, `isOrigin`, `uid` (when omitted), `@type`
 * and `created`.
 *
 * @see draft-ietf-jmap-calendars §5.9
 * @example { "calendarIds": { "Default": true }, "title": "Lunch", "start": "2030-01-15T12:00:00",
 *   "timeZone": "Europe/Berlin", "duration": "PT1H" }
 */
export interface CalendarEventCreate
  extends Omit<Partial<CalendarEvent>, 'id' | 'isOrigin' | 'baseEventId' | 'calendarIds'> {
  readonly calendarIds: Readonly<Record<string, true>>
}
