import {
  createClient,
  type Id,
  type PatchObject,
  type PatchValue,
  type ResponseOf,
  type UTCDate,
} from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { calendarsParse } from '../capabilities/calendars-parse-registry.js'
import { calendars } from '../capabilities/calendars-registry.js'
import { principals } from '../capabilities/principals-registry.js'
import type { Event } from '../jscalendar/event.js'
import type { Participant } from '../jscalendar/participant.js'
import type { CalendarEvent } from './calendar-event.js'

const client = createClient({
  sessionUrl: 'http://127.0.0.1/jmap/',
  capabilities: [calendars, calendarsParse, principals],
})
declare const accountId: string
declare const eventId: Id

describe('CalendarEvent/get', () => {
  test('narrows the events to the requested properties', async () => {
    const got = await client.request((b) =>
      b.call('CalendarEvent/get', { accountId, ids: [eventId], properties: ['title', 'start'] }),
    )
    const [event] = got.list
    expectTypeOf(event!.id).toEqualTypeOf<Id>()
    expectTypeOf(event!.title).toEqualTypeOf<string | undefined>()
    // @ts-expect-error: `description` was not asked for, so it is not in the response type
    event!.description
  })

  test('returns utcStart/utcEnd only when asked for by name', async () => {
    const all = await client.request((b) =>
      b.call('CalendarEvent/get', { accountId, ids: [eventId] }),
    )
    expectTypeOf(all.list[0]!.calendarIds).toEqualTypeOf<Readonly<Record<string, true>>>()
    // @ts-expect-error: utcStart is computed and not part of the default property set
    all.list[0]!.utcStart
    const utc = await client.request((b) =>
      b.call('CalendarEvent/get', {
        accountId,
        ids: [eventId],
        properties: ['utcStart', 'utcEnd'],
      }),
    )
    // Asked for by name, they are always there (the calendars README documents them as UTCDate).
    expectTypeOf(utc.list[0]!.utcStart).toEqualTypeOf<UTCDate>()
    expectTypeOf(utc.list[0]!.utcEnd).toEqualTypeOf<UTCDate>()
    const startOnly = await client.request((b) =>
      b.call('CalendarEvent/get', { accountId, ids: [eventId], properties: ['utcStart'] }),
    )
    // @ts-expect-error: utcEnd was not asked for here
    startOnly.list[0]!.utcEnd
  })

  test('refuses a property CalendarEvent does not have', () => {
    client.prepare((b) =>
      // @ts-expect-error: 'titel' is not a CalendarEvent property
      b.call('CalendarEvent/get', { accountId, ids: [eventId], properties: ['titel'] }),
    )
  })

  test('takes the calendars draft arguments', () => {
    client.prepare((b) =>
      b.call('CalendarEvent/get', {
        accountId,
        ids: [eventId],
        reduceParticipants: true,
        timeZone: 'Europe/Berlin',
      }),
    )
  })
})

describe('CalendarEvent/query', () => {
  test('accepts the draft filter conditions and sort properties', () => {
    client.prepare((b) =>
      b.call('CalendarEvent/query', {
        accountId,
        filter: {
          operator: 'AND',
          conditions: [{ inCalendar: eventId, after: '2030-01-01T00:00:00' }, { text: 'sync' }],
        },
        sort: [{ property: 'start', isAscending: true }],
        expandRecurrences: false,
        timeZone: 'Europe/Berlin',
      }),
    )
  })

  test('refuses unknown filter conditions and sort properties', () => {
    client.prepare((b) =>
      // @ts-expect-error: the draft's condition is `inCalendar`, not Cyrus's `inCalendars`
      b.call('CalendarEvent/query', { accountId, filter: { inCalendars: [eventId] } }),
    )
    client.prepare((b) =>
      // @ts-expect-error: events cannot be sorted by title
      b.call('CalendarEvent/query', { accountId, sort: [{ property: 'title' }] }),
    )
  })

  test('feeds its ids to CalendarEvent/get by reference', async () => {
    const result = await client.request((b) => {
      const query = b.call('CalendarEvent/query', { accountId, filter: { uid: 'x' } })
      return b.call('CalendarEvent/get', { accountId, ids: query.ref('/ids'), properties: ['uid'] })
    })
    expectTypeOf(result.list[0]!.uid).toEqualTypeOf<string>()
  })

  test('refuses a reference to a value of the wrong type', () => {
    client.prepare((b) => {
      const query = b.call('CalendarEvent/query', { accountId })
      // @ts-expect-error: /total is a number, not the Id[] that `ids` takes
      return b.call('CalendarEvent/get', { accountId, ids: query.ref('/total') })
    })
  })
})

describe('CalendarEvent/set and /parse', () => {
  test('takes sendSchedulingMessages and JSCalendar creates', () => {
    client.prepare((b) =>
      b.call('CalendarEvent/set', {
        accountId,
        create: {
          e: { calendarIds: { Default: true }, title: 'Lunch', start: '2030-01-01T12:00:00' },
        },
        sendSchedulingMessages: true,
      }),
    )
  })

  test('parse maps each blob to an array of events', () => {
    type Parsed = ResponseOf<'CalendarEvent/parse', { accountId: string; blobIds: Id[] }>['parsed']
    expectTypeOf<Parsed>().toEqualTypeOf<Record<Id, Event[]> | null>()
  })

  test('a stored event is a JSCalendar Event with the JMAP properties', () => {
    expectTypeOf<CalendarEvent>().toMatchTypeOf<Event>()
    expectTypeOf<CalendarEvent['isOrigin']>().toEqualTypeOf<boolean>()
  })
})

describe('CalendarEvent/set update: a patch path below a map entry takes the type at its depth', () => {
  test('members of map entries, nested records, whole entries and null compile', () => {
    client.prepare((b) =>
      b.call('CalendarEvent/set', {
        accountId,
        update: {
          [eventId]: {
            'locations/l1/name': 'Room 2',
            'locations/l2': { '@type': 'Location', name: 'Annex' },
            'participants/p1/participationStatus': 'accepted',
            'participants/p1/roles/chair': true,
            'participants/p1/roles/owner': null,
            'participants/p2': null,
            'alerts/a1': null,
            'keywords/offsite': true,
            title: 'Planning',
          },
        },
      }),
    )
  })

  test('a standalone PatchObject takes the same paths', () => {
    const patch: PatchObject<CalendarEvent> = {
      'locations/l1/name': 'Room 2',
      'participants/p1/participationStatus': 'accepted',
      'participants/p1/roles/chair': true,
      'participants/p2': null,
    }
    expectTypeOf(patch).toMatchTypeOf<object>()
    // @ts-expect-error: the name of a Location is a string, not a Location
    const shape: PatchObject<CalendarEvent> = { 'locations/l1/name': { name: 'Room 1' } }
    expectTypeOf(shape).toMatchTypeOf<object>()
  })

  test('the value type at each depth', () => {
    expectTypeOf<PatchValue<CalendarEvent, 'locations/l1/name'>>().toEqualTypeOf<
      string | null | undefined
    >()
    expectTypeOf<PatchValue<CalendarEvent, 'participants/p1/roles/chair'>>().toEqualTypeOf<
      true | null
    >()
    expectTypeOf<PatchValue<CalendarEvent, 'participants/p1'>>().toEqualTypeOf<Participant | null>()
    expectTypeOf<PatchValue<CalendarEvent, 'participants/p1/rolez'>>().toBeNever()
  })

  test('a misspelt key or a wrong value below a map entry does not compile', () => {
    client.prepare((b) =>
      b.call('CalendarEvent/set', {
        accountId,
        // @ts-expect-error: a Participant has no 'rolez' (roles)
        update: { [eventId]: { 'participants/p1/rolez': null } },
      }),
    )
    client.prepare((b) =>
      b.call('CalendarEvent/set', {
        accountId,
        // @ts-expect-error: the name of a Location is a string, not a Location
        update: { [eventId]: { 'locations/l1/name': { name: 'Room 1' } } },
      }),
    )
    client.prepare((b) =>
      b.call('CalendarEvent/set', {
        accountId,
        // @ts-expect-error: a role is set to true or removed with null, never false
        update: { [eventId]: { 'participants/p1/roles/chair': false } },
      }),
    )
  })
})

describe('notifications are destroy-only', () => {
  test('ShareNotification/set and CalendarEventNotification/set take no create or update', () => {
    client.prepare((b) => b.call('ShareNotification/set', { accountId, destroy: [eventId] }))
    client.prepare((b) =>
      // @ts-expect-error: notifications are created by the server only
      b.call('CalendarEventNotification/set', { accountId, destroy: [], create: { n: {} } }),
    )
  })
})

describe('capabilities', () => {
  test('a client created without calendars cannot call calendar methods', () => {
    const mailOnly = createClient({
      sessionUrl: 'http://127.0.0.1/jmap/',
      capabilities: [principals],
    })
    mailOnly.prepare((b) =>
      // @ts-expect-error: Calendar/get needs urn:ietf:params:jmap:calendars
      b.call('Calendar/get', { accountId, ids: null }),
    )
  })
})
