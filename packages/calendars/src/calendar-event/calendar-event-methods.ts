import type {
  ChangesMethod,
  CopyArguments,
  CopyResponse,
  GetMethod,
  Id,
  Identified,
  QueryChangesMethod,
  QueryMethod,
  SetMethod,
  UTCDate,
} from '@typed-jmap/core'
import type {
  CALENDARS_CAPABILITY,
  CALENDARS_PARSE_CAPABILITY,
} from '../capabilities/capability-urns.js'
import type { Event } from '../jscalendar/event.js'
import type { TimeZoneId } from '../jscalendar/primitives.js'
import type {
  CalendarEvent,
  CalendarEventAsAskedFor,
  CalendarEventCreate,
  CalendarEventDefaultProperty,
} from './calendar-event.js'
import type {
  CalendarEventFilterCondition,
  CalendarEventSortProperty,
  ExpandedCalendarEventFilterCondition,
} from './calendar-event-filter.js'

/**
 * The arguments `CalendarEvent/get` adds to a standard `/get`.
 *
 * @see draft-ietf-jmap-calendars §5.7
 * @example { "recurrenceOverridesAfter": "2030-01-01T00:00:00Z", "reduceParticipants": true, "timeZone": "Europe/Berlin" }
 */
export interface CalendarEventGetExtraArguments {
  /** Only return overrides whose recurrence id (in UTC) is before this. */
  readonly recurrenceOverridesBefore?: UTCDate | null
  /** Only return overrides whose recurrence id (in UTC) is on or after this. */
  readonly recurrenceOverridesAfter?: UTCDate | null
  /** Only return owners and the user's own participants. */
  readonly reduceParticipants?: boolean
  /** The zone floating events are read in for `utcStart`/`utcEnd` (default `Etc/UTC`). */
  readonly timeZone?: TimeZoneId
}

/**
 * `CalendarEvent/get`: `properties` narrows the returned events; `utcStart`/`utcEnd` only come
 * back when asked for by name.
 *
 * @see draft-ietf-jmap-calendars §5.7
 * @example ["CalendarEvent/get", { "accountId": "test", "ids": ["E-1"], "properties": ["title", "start"] }, "g"]
 */
export interface CalendarEventGetMethod
  extends GetMethod<
    typeof CALENDARS_CAPABILITY,
    CalendarEvent,
    CalendarEventGetExtraArguments,
    CalendarEventDefaultProperty,
    CalendarEventAsAskedFor
  > {}

/**
 * `CalendarEvent/changes` (never reports synthetic instance ids).
 *
 * @see draft-ietf-jmap-calendars §5.8
 * @example ["CalendarEvent/changes", { "accountId": "test", "sinceState": "46" }, "c"]
 */
export interface CalendarEventChangesMethod extends ChangesMethod<typeof CALENDARS_CAPABILITY> {}

/**
 * The argument `CalendarEvent/set` adds to a standard `/set`.
 *
 * @see draft-ietf-jmap-calendars §5.9
 * @example { "sendSchedulingMessages": true }
 */
export interface CalendarEventSetExtraArguments {
  /** Send iTIP invitations, updates and replies for this change (default false). */
  readonly sendSchedulingMessages?: boolean
}

/**
 * `CalendarEvent/set`. Patches follow JSCalendar rules inside `recurrenceOverrides/<rid>`
 * (see `recurrenceOverridePatch`).
 *
 * @see draft-ietf-jmap-calendars §5.9
 * @example ["CalendarEvent/set", { "accountId": "test", "create": { "e1": { "calendarIds": { "Default": true }, "title": "Lunch" } }, "sendSchedulingMessages": true }, "s"]
 */
export interface CalendarEventSetMethod
  extends SetMethod<
    typeof CALENDARS_CAPABILITY,
    CalendarEvent,
    CalendarEventCreate,
    Partial<CalendarEvent> & Identified,
    CalendarEventSetExtraArguments
  > {}

/**
 * Response of `CalendarEvent/copy`: a standard `/copy` response (whose `newState` reads as null
 * when the server leaves it out, as Cyrus 3.8–3.12 does).
 *
 * @see RFC 8620 §5.4
 * @example { "fromAccountId": "test", "accountId": "other", "created": { "c": { "id": "E-9" } }, "notCreated": null }
 */
export interface CalendarEventCopyResponse
  extends CopyResponse<Partial<CalendarEvent> & Identified> {}

/**
 * `CalendarEvent/copy`: copies events from another account (e.g. a calendar shared with the
 * user) into this one.
 *
 * @see draft-ietf-jmap-calendars §5.10
 * @example ["CalendarEvent/copy", { "fromAccountId": "bob", "accountId": "test", "create": { "c1": { "id": "E-9", "calendarIds": { "Default": true } } } }, "cp"]
 */
export interface CalendarEventCopyMethod {
  readonly capability: typeof CALENDARS_CAPABILITY
  readonly args: CopyArguments<Partial<CalendarEvent>>
  readonly response: CalendarEventCopyResponse
  readonly '~args': unknown
  readonly '~object': CalendarEvent
}

/**
 * The arguments `CalendarEvent/query` adds. With `expandRecurrences: true` the filter must be
 * one condition with both `after` and `before` (see {@link ExpandedCalendarEventFilterCondition}),
 * and each instance gets a synthetic id.
 *
 * @see draft-ietf-jmap-calendars §5.11
 * @example { "expandRecurrences": true, "timeZone": "Europe/Berlin" }
 */
export interface CalendarEventQueryExtraArguments {
  readonly expandRecurrences?: boolean
  /** The zone `after`/`before` are read in (default `Etc/UTC`). */
  readonly timeZone?: TimeZoneId
}

/**
 * `CalendarEvent/query`.
 *
 * @see draft-ietf-jmap-calendars §5.11
 * @example ["CalendarEvent/query", { "accountId": "test", "filter": { "after": "2030-01-01T00:00:00", "before": "2030-02-01T00:00:00" }, "sort": [{ "property": "start" }] }, "q"]
 */
export interface CalendarEventQueryMethod
  extends QueryMethod<
    typeof CALENDARS_CAPABILITY,
    CalendarEventFilterCondition,
    CalendarEventSortProperty,
    CalendarEventQueryExtraArguments
  > {}

/**
 * `CalendarEvent/queryChanges` (Cyrus does not implement it).
 *
 * @see draft-ietf-jmap-calendars §5.12
 * @example ["CalendarEvent/queryChanges", { "accountId": "test", "sinceQueryState": "75" }, "qc"]
 */
export interface CalendarEventQueryChangesMethod
  extends QueryChangesMethod<
    typeof CALENDARS_CAPABILITY,
    CalendarEventFilterCondition,
    CalendarEventSortProperty,
    CalendarEventQueryExtraArguments
  > {}

/**
 * Arguments of `CalendarEvent/parse`.
 *
 * @see draft-ietf-jmap-calendars §5.13
 * @example { "accountId": "test", "blobIds": ["Gd668596f"] }
 */
export interface CalendarEventParseArguments {
  readonly accountId: string
  /** Blobs holding iCalendar data. */
  readonly blobIds: readonly Id[]
  readonly properties?: readonly (keyof Event & string)[] | null
}

/**
 * Response of `CalendarEvent/parse`: each blob maps to the events it holds (an array: one
 * iCalendar file may carry several; Cyrus sends a single object, which the schema wraps).
 *
 * @see draft-ietf-jmap-calendars §5.13
 * @example { "accountId": "test", "parsed": { "Gd668596f": [{ "@type": "Event", "uid": "…", "title": "…" }] }, "notFound": null, "notParsable": null }
 */
export interface CalendarEventParseResponse<TEvent> {
  readonly accountId: Id
  readonly parsed: Record<Id, TEvent[]> | null
  readonly notFound: Id[] | null
  readonly notParsable: Id[] | null
}

/**
 * `CalendarEvent/parse`: iCalendar blobs → JSCalendar events, without storing them.
 *
 * @see draft-ietf-jmap-calendars §5.13
 * @example ["CalendarEvent/parse", { "accountId": "test", "blobIds": ["Gd668596f"] }, "p"]
 */
export interface CalendarEventParseMethod {
  readonly capability: typeof CALENDARS_PARSE_CAPABILITY
  readonly args: CalendarEventParseArguments
  readonly response: CalendarEventParseResponse<
    this['~args'] extends { readonly properties: readonly (infer TProperty extends keyof Event)[] }
      ? Pick<Event, TProperty>
      : Event
  >
  readonly '~args': unknown
}
