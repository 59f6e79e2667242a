import { Id, throwFirstSetError, type UTCDate } from '@typed-jmap/core'
import {
  drainChangesWithObjects,
  type ReadBackErrors,
  readBackCreated,
} from '@typed-jmap/core/internal'
import type { Calendar, CalendarRights } from '../calendar/calendar.js'
import type { CalendarEvent, CalendarEventCreate } from '../calendar-event/calendar-event.js'
import type { CalendarEventNotification } from '../calendar-event-notification/calendar-event-notification.js'
import { CALENDARS_CAPABILITY, PRINCIPALS_CAPABILITY } from '../capabilities/capability-urns.js'
import { type CalendarDialect, detectCalendarDialect } from '../cyrus-legacy/calendar-dialect.js'
import type { Event } from '../jscalendar/event.js'
import type { PatchObject } from '../jscalendar/primitives.js'
import type { BusyPeriod } from '../principal/busy-period.js'
import type { Principal } from '../principal/principal.js'
import type { ShareNotification } from '../share-notification/share-notification.js'
import type {
  AddEventOptions,
  CalendarApi,
  CalendarChanges,
  CalendarClient,
  CalendarScope,
  EventSearch,
  SchedulingOptions,
  SharedCalendars,
} from './calendar-api.js'
import { CalendarApiError } from './calendar-api-error.js'
import { CalendarWriteError } from './calendar-write-error.js'
import { toLocalDateTime } from './local-date-time.js'

const readBackErrors: ReadBackErrors = {
  refused: CalendarWriteError,
  notReadBack: (message) => new CalendarApiError(message),
}

interface AccountOption {
  readonly accountId?: string
}

/** The calendar-scoped API over a typed client whose connection speaks the server's dialect. */
export class CalendarApiImpl implements CalendarApi {
  readonly client: CalendarClient
  readonly #accountId: string | undefined

  constructor(client: CalendarClient, accountId: string | undefined) {
    this.client = client
    this.#accountId = accountId
  }

  async dialect(): Promise<CalendarDialect> {
    const dialect = detectCalendarDialect(await this.client.session())
    if (dialect === undefined) throw new CalendarApiError('the server offers no JMAP calendars')
    return dialect
  }

  async accountId(options: AccountOption = {}): Promise<string> {
    if (options.accountId !== undefined) return options.accountId
    if (this.#accountId !== undefined) return this.#accountId
    return this.client.connection.accountFor(CALENDARS_CAPABILITY)
  }

  async listCalendars(options: AccountOption = {}): Promise<Calendar[]> {
    const accountId = await this.accountId(options)
    const calendars = await this.client.request((b) =>
      b.call('Calendar/get', { accountId, ids: null }),
    )
    return calendars.list
  }

  calendar(calendarId: Id | string, options: AccountOption = {}): CalendarScope {
    return new CalendarScopeImpl(this, Id(calendarId), options.accountId)
  }

  async defaultCalendar(): Promise<CalendarScope> {
    const list = await this.listCalendars()
    const chosen = list.find((calendar) => calendar.isDefault === true) ?? list[0]
    if (chosen === undefined) throw new CalendarApiError('the account has no calendar')
    return this.calendar(chosen.id)
  }

  async sharedCalendars(): Promise<SharedCalendars[]> {
    const session = await this.client.session()
    const dialect = await this.dialect()
    const own = await this.accountId()
    const accounts = Object.entries(session.accounts).filter(
      ([accountId, account]) =>
        accountId !== own && dialect.capability in account.accountCapabilities,
    )
    if (accounts.length === 0) return []
    const responses = await this.client.request((b) =>
      accounts.map(([accountId]) => b.call('Calendar/get', { accountId, ids: null })),
    )
    return accounts.map(([accountId, account], index) => ({
      accountId,
      accountName: account.name,
      calendars: responses[index]?.list ?? [],
    }))
  }

  async syncToken(options: AccountOption = {}): Promise<string> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) =>
      b.call('CalendarEvent/get', { accountId, ids: [] }),
    )
    return response.state
  }

  async changesSince(
    token: string,
    options: AccountOption & { readonly maxChanges?: number } = {},
  ): Promise<CalendarChanges> {
    const accountId = await this.accountId(options)
    const { maxChanges } = options
    return drainChangesWithObjects<CalendarEvent>(this.client, 'CalendarEvent/changes', {
      accountId,
      sinceState: token,
      maxChanges,
    })
  }

  async notifications(options: AccountOption = {}): Promise<CalendarEventNotification[]> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) => {
      const query = b.call('CalendarEventNotification/query', {
        accountId,
        sort: [{ property: 'created', isAscending: false }],
      })
      return b.call('CalendarEventNotification/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list
  }

  async dismissNotifications(ids: readonly Id[], options: AccountOption = {}): Promise<void> {
    const accountId = await this.accountId(options)
    const response = await this.client.request((b) =>
      b.call('CalendarEventNotification/set', { accountId, destroy: ids }),
    )
    throwFirstSetError('CalendarEventNotification/set', response, CalendarWriteError)
  }

  async shareNotifications(): Promise<ShareNotification[]> {
    const accountId = await this.client.connection.accountFor(PRINCIPALS_CAPABILITY)
    const response = await this.client.request((b) => {
      const query = b.call('ShareNotification/query', {
        accountId,
        sort: [{ property: 'created', isAscending: false }],
      })
      return b.call('ShareNotification/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list
  }

  async dismissShareNotifications(ids: readonly Id[]): Promise<void> {
    const accountId = await this.client.connection.accountFor(PRINCIPALS_CAPABILITY)
    const response = await this.client.request((b) =>
      b.call('ShareNotification/set', { accountId, destroy: ids }),
    )
    throwFirstSetError('ShareNotification/set', response, CalendarWriteError)
  }

  async principals(
    filter: { readonly name?: string; readonly email?: string } = {},
  ): Promise<Principal[]> {
    const accountId = await this.client.connection.accountFor(PRINCIPALS_CAPABILITY)
    const response = await this.client.request((b) => {
      const query = b.call('Principal/query', { accountId, filter })
      return b.call('Principal/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list
  }

  async availability(principalId: Id, utcStart: UTCDate, utcEnd: UTCDate): Promise<BusyPeriod[]> {
    const accountId = await this.client.connection.accountFor(PRINCIPALS_CAPABILITY)
    const response = await this.client.request((b) =>
      b.call('Principal/getAvailability', { accountId, id: principalId, utcStart, utcEnd }),
    )
    return response.list
  }
}

/** One calendar of an account. */
class CalendarScopeImpl implements CalendarScope {
  readonly calendarId: Id
  readonly #api: CalendarApiImpl
  readonly #accountId: string | undefined

  constructor(api: CalendarApiImpl, calendarId: Id, accountId: string | undefined) {
    this.#api = api
    this.calendarId = calendarId
    this.#accountId = accountId
  }

  accountId(): Promise<string> {
    return this.#api.accountId(this.#accountId === undefined ? {} : { accountId: this.#accountId })
  }

  async get(): Promise<Calendar> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('Calendar/get', { accountId, ids: [this.calendarId] }),
    )
    const calendar = response.list[0]
    if (calendar === undefined) {
      throw new CalendarApiError(`no calendar "${this.calendarId}" in account "${accountId}"`)
    }
    return calendar
  }

  async addEvent(
    event: string | Omit<CalendarEventCreate, 'calendarIds'>,
    options: AddEventOptions = {},
  ): Promise<CalendarEvent> {
    const accountId = await this.accountId()
    const data =
      typeof event !== 'string'
        ? event
        : options.parseOnServer === true
          ? await this.#parseICalendarOnServer(accountId, event)
          : await eventFromICalendar(event)
    const uid = data.uid ?? globalThis.crypto.randomUUID()
    const create: CalendarEventCreate = {
      ...data,
      uid,
      calendarIds: { [this.calendarId]: true },
    }
    // The event is read back through a query by uid, not `ids: ['#event']`: a creation id in
    // /get is not defined by RFC 8620, and a refused creation would then surface as an unknown
    // id instead of the SetError that refused it.
    const response = await this.#api.client.requestSettled((b) => {
      const set = b.call('CalendarEvent/set', {
        accountId,
        create: { event: create },
        ...schedulingArgument(options),
      })
      const query = b.call('CalendarEvent/query', {
        accountId,
        filter: { inCalendar: this.calendarId, uid },
      })
      const get = b.call('CalendarEvent/get', { accountId, ids: query.ref('/ids') })
      return { set, get }
    })
    return readBackCreated(response.set, response.get, 'event', readBackErrors)
  }

  async eventByUid(uid: string): Promise<CalendarEvent | undefined> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) => {
      const query = b.call('CalendarEvent/query', {
        accountId,
        filter: { inCalendar: this.calendarId, uid },
      })
      return b.call('CalendarEvent/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list.find((event) => event.uid === uid)
  }

  async events(ids: readonly Id[]): Promise<CalendarEvent[]> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('CalendarEvent/get', { accountId, ids }),
    )
    return response.list
  }

  async search(search: EventSearch = {}): Promise<CalendarEvent[]> {
    const accountId = await this.accountId()
    const timeZone = search.timeZone ?? 'Etc/UTC'
    const after = search.after === undefined ? undefined : toLocalDateTime(search.after, timeZone)
    const before =
      search.before === undefined ? undefined : toLocalDateTime(search.before, timeZone)
    const condition = {
      inCalendar: this.calendarId,
      ...(after === undefined ? {} : { after }),
      ...(before === undefined ? {} : { before }),
      ...(search.text === undefined ? {} : { text: search.text }),
    }
    const response = await this.#api.client.request((b) => {
      const shared = {
        accountId,
        timeZone,
        sort: [{ property: 'start' as const }],
        ...(search.limit === undefined ? {} : { limit: search.limit }),
      }
      const query =
        search.expandRecurrences === true
          ? b.call('CalendarEvent/query', {
              ...shared,
              expandRecurrences: true,
              filter: { ...condition, after: requireBound(after), before: requireBound(before) },
            })
          : b.call('CalendarEvent/query', { ...shared, filter: condition })
      return b.call('CalendarEvent/get', { accountId, ids: query.ref('/ids') })
    })
    return response.list
  }

  async updateEvent(id: Id, patch: PatchObject, options: SchedulingOptions = {}): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('CalendarEvent/set', {
        accountId,
        // The caller's patch is a JSCalendar PatchObject (any pointer): the builder's per-path
        // check cannot apply to it, so it is passed through unchecked and the server checks it.
        update: { [id]: patch } as Record<Id, never>,
        ...schedulingArgument(options),
      }),
    )
    throwFirstSetError('CalendarEvent/set', response, CalendarWriteError)
  }

  async deleteEvent(id: Id, options: SchedulingOptions = {}): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('CalendarEvent/set', { accountId, destroy: [id], ...schedulingArgument(options) }),
    )
    throwFirstSetError('CalendarEvent/set', response, CalendarWriteError)
  }

  async exportEvent(id: Id): Promise<string> {
    const [event] = await this.events([id])
    if (event === undefined) throw new CalendarApiError(`no event "${id}"`)
    return formatICalendar(event)
  }

  async shareWith(principalId: Id, rights: Partial<CalendarRights> | null): Promise<void> {
    const accountId = await this.accountId()
    const response = await this.#api.client.request((b) =>
      b.call('Calendar/set', {
        accountId,
        // A pointer built from a runtime principal id: not a literal path the builder can check.
        update: { [this.calendarId]: { [`shareWith/${principalId}`]: rights } } as Record<
          Id,
          never
        >,
      }),
    )
    throwFirstSetError('Calendar/set', response, CalendarWriteError)
  }

  /** Turns iCalendar text into a JSCalendar event by having the server parse an uploaded blob. */
  async #parseICalendarOnServer(accountId: string, text: string): Promise<Omit<Event, '@type'>> {
    const blob = await this.#api.client.connection.upload(
      accountId,
      new TextEncoder().encode(text),
      {
        type: 'text/calendar',
      },
    )
    const response = await this.#api.client.request((b) =>
      b.call('CalendarEvent/parse', { accountId, blobIds: [Id(blob.blobId)] }),
    )
    const events = response.parsed?.[Id(blob.blobId)] ?? []
    const [first] = events
    if (first === undefined) throw new CalendarApiError('the iCalendar text holds no VEVENT')
    return first
  }
}

function schedulingArgument(options: SchedulingOptions): { sendSchedulingMessages?: boolean } {
  return options.sendSchedulingMessages === undefined
    ? {}
    : { sendSchedulingMessages: options.sendSchedulingMessages }
}

function requireBound(bound: string | undefined): string {
  if (bound === undefined) {
    throw new CalendarApiError('expandRecurrences needs both `after` and `before`')
  }
  return bound
}

/** Properties JMAP adds to a stored event; they have no place in an iCalendar file. */
const jmapOnlyProperties = new Set([
  'id',
  'baseEventId',
  'calendarIds',
  'isDraft',
  'isOrigin',
  'utcStart',
  'utcEnd',
  'useDefaultAlerts',
  'mayInviteSelf',
  'mayInviteOthers',
  'hideAttendees',
  'x-href',
  'blobId',
  'debugBlobId',
])

/**
 * Loads the iCalendar converter when a method that reads or writes iCalendar text first runs.
 * A static import would put ical.js into every bundle of `@typed-jmap/calendars`; behind a
 * dynamic import bundlers split it into a chunk of its own that only those methods load.
 */
function loadConverter(): Promise<typeof import('../ical/index.js')> {
  return import('../ical/index.js')
}

async function formatICalendar(event: CalendarEvent): Promise<string> {
  const jscalendar: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(event)) {
    if (!jmapOnlyProperties.has(key)) jscalendar[key] = value
  }
  const { jscalendarToICalendar } = await loadConverter()
  return jscalendarToICalendar(jscalendar as unknown as Event, { lossless: false })
}

/**
 * Reads the event of an iCalendar text: the VEVENT series (the master with its overrides) of
 * the first UID.
 */
async function eventFromICalendar(text: string): Promise<Omit<Event, '@type'>> {
  const { icalendarToJSCalendar } = await loadConverter()
  let group: ReturnType<typeof icalendarToJSCalendar>
  try {
    group = icalendarToJSCalendar(text)
  } catch (cause) {
    throw new CalendarApiError('the iCalendar text cannot be read', { cause })
  }
  const events = group.entries.filter((entry): entry is Event => entry['@type'] === 'Event')
  const first = events.find((event) => event.recurrenceId === undefined) ?? events[0]
  if (first === undefined) throw new CalendarApiError('the iCalendar text holds no VEVENT')
  // What the converter keeps for a lossless round trip (`iCalendar`) is not event data a
  // server stores.
  const { iCalendar: _kept, ...event } = first
  return event
}
