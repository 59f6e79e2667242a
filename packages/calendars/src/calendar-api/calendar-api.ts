import {
  type AvailableMethods,
  type ClientOptions,
  createClient,
  createConnection,
  type Id,
  type JmapClient,
  type JmapConnection,
  type UTCDate,
} from '@typed-jmap/core'
import type { Calendar, CalendarRights } from '../calendar/calendar.js'
import type { CalendarEvent, CalendarEventCreate } from '../calendar-event/calendar-event.js'
import type { CalendarEventNotification } from '../calendar-event-notification/calendar-event-notification.js'
import { calendarsParse } from '../capabilities/calendars-parse-registry.js'
import { calendarsPreferences } from '../capabilities/calendars-preferences-registry.js'
import { calendars } from '../capabilities/calendars-registry.js'
import { principalsAvailability } from '../capabilities/principals-availability-registry.js'
import { principals } from '../capabilities/principals-registry.js'
import type { CalendarDialect } from '../cyrus-legacy/calendar-dialect.js'
import type { LocalDateTime, PatchObject, TimeZoneId } from '../jscalendar/primitives.js'
import type { BusyPeriod } from '../principal/busy-period.js'
import type { Principal } from '../principal/principal.js'
import type { ShareNotification } from '../share-notification/share-notification.js'
import { CalendarApiImpl } from './calendar-api-impl.js'
import { withCalendarDialect } from './calendar-dialect-connection.js'

/** The capability tables the calendar-scoped API's typed client is created with. */
export type CalendarCapabilityTables = readonly [
  typeof calendars,
  typeof calendarsParse,
  typeof calendarsPreferences,
  typeof principals,
  typeof principalsAvailability,
]

/** The typed JMAP client the calendar-scoped API is built on, for calls it does not wrap. */
export type CalendarClient = JmapClient<AvailableMethods<CalendarCapabilityTables>>

/**
 * Options of {@link createCalendarApi}: how to connect (as for `createConnection`), or an
 * existing connection.
 *
 * @example { sessionUrl: 'https://jmap.example.com/jmap/session', auth: { bearer: token } }
 */
export interface CalendarApiOptions extends Omit<ClientOptions<[]>, 'capabilities'> {
  /** The account to use; defaults to the primary account for calendars. */
  readonly accountId?: string
}

/**
 * Builds the calendar API on an existing client: it sends through that
 * client's connection, so one session fetch, one set of limits, one push
 * channel and one auto-batcher serve mail, calendars and tasks alike.
 *
 * @see RFC 8620 §2
 * @example createCalendarApi({ client: jmap })
 */
export interface CalendarApiFromClient {
  /** The client (anything with a `connection`) whose connection the API shares. */
  readonly client: { readonly connection: JmapConnection }
  /** The account to use; defaults to the primary account for calendars. */
  readonly accountId?: string
}

/** Options of a write that may notify participants. */
export interface SchedulingOptions {
  /** Send iTIP invitations, updates or cancellations (default false). */
  readonly sendSchedulingMessages?: boolean
}

/** Options of {@link CalendarScope.addEvent}. */
export interface AddEventOptions extends SchedulingOptions {
  /**
   * Read iCalendar text with the server's CalendarEvent/parse (upload + parse) instead of the
   * client-side conversion of `@typed-jmap/calendars/ical`.
   */
  readonly parseOnServer?: boolean
}

/**
 * A time-range and text search in one calendar. Bounds are LocalDateTime read in `timeZone`
 * (default `Etc/UTC`) or JS Dates.
 *
 * @example { after: '2030-01-01T00:00:00', before: '2030-02-01T00:00:00', text: 'sync' }
 */
export interface EventSearch {
  /** Events that end after this time. */
  readonly after?: LocalDateTime | Date
  /** Events that start before this time. */
  readonly before?: LocalDateTime | Date
  readonly text?: string
  readonly timeZone?: TimeZoneId
  /** One result per occurrence (needs both bounds). */
  readonly expandRecurrences?: boolean
  readonly limit?: number
}

/**
 * What changed since a sync token: events created and updated (as they are now), ids
 * destroyed, and the token to use next time.
 *
 * @example { created: [{ id: 'E-1', … }], updated: [], destroyed: ['E-0'], token: '104' }
 */
export interface CalendarChanges {
  readonly created: CalendarEvent[]
  readonly updated: CalendarEvent[]
  readonly destroyed: Id[]
  /** Pass this to the next `changesSince`. */
  readonly token: string
  /** How many requests it took to drain `hasMoreChanges`. */
  readonly requests: number
}

/**
 * Calendars in an account the user does not own, shared with them.
 *
 * @example { accountId: 'alice', accountName: 'alice', calendars: [{ id: 'Default', … }] }
 */
export interface SharedCalendars {
  readonly accountId: string
  readonly accountName: string
  readonly calendars: Calendar[]
}

/**
 * One calendar, as a user thinks of it: add, find, search, change, delete and export its
 * events; share it.
 *
 * @example const work = api.calendar('Default'); await work.addEvent(icsText)
 */
export interface CalendarScope {
  readonly calendarId: Id
  /** The account the calendar lives in. */
  accountId(): Promise<string>
  /** Reads the calendar itself. */
  get(): Promise<Calendar>
  /**
   * Adds an event from iCalendar text (one VEVENT series) or a JSCalendar object, and returns it
   * as stored (one request: set + get).
   */
  addEvent(
    event: string | Omit<CalendarEventCreate, 'calendarIds'>,
    options?: AddEventOptions,
  ): Promise<CalendarEvent>
  /** Finds the event with this uid in the calendar (one request: query + get). */
  eventByUid(uid: string): Promise<CalendarEvent | undefined>
  /** Reads events by id. */
  events(ids: readonly Id[]): Promise<CalendarEvent[]>
  /** Searches by time range and text in one request (query + get by reference). */
  search(search?: EventSearch): Promise<CalendarEvent[]>
  /** Patches an event (JMAP PatchObject; JSCalendar patch rules inside recurrenceOverrides). */
  updateEvent(id: Id, patch: PatchObject, options?: SchedulingOptions): Promise<void>
  /** Destroys an event (or one synthetic instance of a recurring one). */
  deleteEvent(id: Id, options?: SchedulingOptions): Promise<void>
  /** Exports an event as iCalendar text. */
  exportEvent(id: Id): Promise<string>
  /** Grants (or with null, revokes) a Principal's rights on this calendar. */
  shareWith(principalId: Id, rights: Partial<CalendarRights> | null): Promise<void>
}

/**
 * The calendar-scoped API: calendars and events as users think of them, on any server that
 * speaks JMAP Calendars — the standard URN, or Cyrus 3.6's legacy namespace (detected from the
 * Session; user code does not change).
 *
 * @see draft-ietf-jmap-calendars
 * @example
 * const api = createCalendarApi({ client: jmap }) // or ({ sessionUrl, auth }) for a client of its own
 * const [first] = await api.listCalendars()
 * const found = await api.calendar(first.id).search({ after: '2030-01-01T00:00:00', before: '2030-02-01T00:00:00' })
 */
export interface CalendarApi {
  /** The typed client underneath, for anything this API does not wrap. */
  readonly client: CalendarClient
  /** How the server speaks calendars. */
  dialect(): Promise<CalendarDialect>
  /** The account calendars are read from unless told otherwise. */
  accountId(): Promise<string>
  /** Every calendar of the account. */
  listCalendars(options?: { readonly accountId?: string }): Promise<Calendar[]>
  /** A calendar by id (in the default account unless `accountId` is given). */
  calendar(calendarId: Id | string, options?: { readonly accountId?: string }): CalendarScope
  /** The default calendar (or the first one when the server marks none). */
  defaultCalendar(): Promise<CalendarScope>
  /** Calendars other accounts share with the user, per account. */
  sharedCalendars(): Promise<SharedCalendars[]>
  /** A token naming the current state of the account's events. */
  syncToken(options?: { readonly accountId?: string }): Promise<string>
  /** Every event change since `token`, draining `hasMoreChanges` (one request per page). */
  changesSince(
    token: string,
    options?: { readonly accountId?: string; readonly maxChanges?: number },
  ): Promise<CalendarChanges>
  /** Changes others made to events in the user's calendars, newest first. */
  notifications(options?: { readonly accountId?: string }): Promise<CalendarEventNotification[]>
  /** Dismisses event notifications. */
  dismissNotifications(ids: readonly Id[], options?: { readonly accountId?: string }): Promise<void>
  /** Notifications that the user's rights on shared objects changed, newest first. */
  shareNotifications(): Promise<ShareNotification[]>
  /** Dismisses share notifications. */
  dismissShareNotifications(ids: readonly Id[]): Promise<void>
  /** The Principals (users, groups, rooms) the user can see. */
  principals(filter?: { readonly name?: string; readonly email?: string }): Promise<Principal[]>
  /** When a Principal is busy between two UTC instants. */
  availability(principalId: Id, utcStart: UTCDate, utcEnd: UTCDate): Promise<BusyPeriod[]>
}

/**
 * Creates the calendar-scoped API over a new connection (or the one given), with the dialect
 * translation that makes Cyrus's legacy namespace look standard.
 *
 * @see draft-ietf-jmap-calendars
 * @example const api = createCalendarApi({ sessionUrl: 'http://127.0.0.1:8080/jmap/', auth: { basic: { username: 'test', password: 'test' } } })
 */
export function createCalendarApi(
  options: CalendarApiOptions | CalendarApiFromClient,
): CalendarApi {
  const own: CalendarApiOptions = 'client' in options ? {} : options
  const shared = 'client' in options ? options.client.connection : options.connection
  const connection: JmapConnection = withCalendarDialect(shared ?? createConnection(own))
  const client: CalendarClient = createClient({
    ...own,
    connection,
    capabilities: [
      calendars,
      calendarsParse,
      calendarsPreferences,
      principals,
      principalsAvailability,
    ],
  })
  return new CalendarApiImpl(client, options.accountId)
}
