import type { ChangesMethod, GetMethod, Id, Identified, SetMethod } from '@typed-jmap/core'
import type { CALENDARS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { Calendar, CalendarCreate } from './calendar.js'

/**
 * `Calendar/get`: `ids` may be null to fetch every calendar.
 *
 * @see draft-ietf-jmap-calendars §4.1
 * @example ["Calendar/get", { "accountId": "test", "ids": null }, "c0"]
 */
export interface CalendarGetMethod extends GetMethod<typeof CALENDARS_CAPABILITY, Calendar> {}

/**
 * `Calendar/changes`.
 *
 * @see draft-ietf-jmap-calendars §4.2
 * @example ["Calendar/changes", { "accountId": "test", "sinceState": "46" }, "c0"]
 */
export interface CalendarChangesMethod extends ChangesMethod<typeof CALENDARS_CAPABILITY> {}

/**
 * The arguments `Calendar/set` adds to a standard `/set`.
 *
 * @see draft-ietf-jmap-calendars §4.3
 * @example { "onDestroyRemoveEvents": true, "onSuccessSetIsDefault": "#new" }
 */
export interface CalendarSetExtraArguments {
  /** Destroy the calendar's events with it instead of failing with `calendarHasEvent`. */
  readonly onDestroyRemoveEvents?: boolean
  /** Make this calendar (or `#creationId`) the default when everything else succeeded. */
  readonly onSuccessSetIsDefault?: Id | `#${string}` | null
}

/**
 * `Calendar/set`, with `shareWith` in creates and patches; destroying a calendar that still has
 * events fails with the SetError `calendarHasEvent` unless `onDestroyRemoveEvents` is true.
 *
 * @see draft-ietf-jmap-calendars §4.3
 * @example ["Calendar/set", { "accountId": "test", "update": { "Default": { "shareWith/bob": { "mayReadItems": true } } } }, "c0"]
 */
export interface CalendarSetMethod
  extends SetMethod<
    typeof CALENDARS_CAPABILITY,
    Calendar,
    CalendarCreate,
    Partial<Calendar> & Identified,
    CalendarSetExtraArguments
  > {}
