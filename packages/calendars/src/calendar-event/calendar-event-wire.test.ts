import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { calendarEventParseResponseSchema } from './calendar-event-parse-response-schema.js'
import { CalendarEventWireSchema } from './calendar-event-schema.js'
import { normaliseCalendarEventWire } from './calendar-event-wire.js'

// CalendarEvent/get on Cyrus 3.10.2, abridged (fixtures/transcripts/cyrus-3.10/23-calendarevent-get.txt).
const cyrus310Event = {
  '@type': 'Event',
  start: '2030-01-15T09:00:00',
  timeZone: 'Europe/Berlin',
  duration: 'PT1H',
  uid: 'jayisg73fcz44jy4x96aiey9',
  relatedTo: null,
  keywords: null,
  links: null,
  title: 'Weekly SDK sync',
  participants: {
    me: {
      '@type': 'Participant',
      sendTo: { imip: 'mailto:test@localhost' },
      name: 'Test User',
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
    },
  },
  replyTo: { imip: 'mailto:test@localhost' },
  recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 5 }],
  recurrenceOverrides: null,
  isDraft: false,
  calendarIds: { Default: true },
  isOrigin: true,
  id: 'E-jayisg73fcz44jy4x96aiey9',
}

describe('CalendarEventWireSchema', () => {
  it("turns Cyrus's RFC 8984 event with nulls into a JSCalendar 2.0 CalendarEvent", () => {
    const event = v.parse(CalendarEventWireSchema, cyrus310Event)
    expect(event.organizerCalendarAddress).toBe('mailto:test@localhost')
    expect(event.recurrenceRule).toMatchObject({ frequency: 'weekly', count: 5 })
    expect(event.participants?.me?.calendarAddress).toBe('mailto:test@localhost')
    expect(event).not.toHaveProperty('keywords')
    expect(event).not.toHaveProperty('recurrenceRules')
    expect(event.calendarIds).toEqual({ Default: true })
  })

  it('reads a Cyrus 3.6 jsevent as a standard event', () => {
    const event = v.parse(CalendarEventWireSchema, {
      '@type': 'jsevent',
      uid: 'u1',
      id: 'u1',
      calendarId: 'Default',
      title: 'legacy',
      recurrenceRule: null,
      participantId: null,
    })
    expect(event).toMatchObject({
      '@type': 'Event',
      calendarIds: { Default: true },
      isDraft: false,
      isOrigin: true,
    })
  })

  it('rejects an event without calendars', () => {
    const { calendarIds: _dropped, ...withoutCalendars } = cyrus310Event
    expect(v.safeParse(CalendarEventWireSchema, withoutCalendars).success).toBe(false)
  })

  it('normalises a partial event without inventing @type or uid', () => {
    expect(
      normaliseCalendarEventWire({ id: 'E-1', replyTo: { imip: 'mailto:a@b' }, keywords: null }),
    ).toEqual({
      id: 'E-1',
      organizerCalendarAddress: 'mailto:a@b',
    })
  })

  it('normalises a partial event even when another of its members is invalid', () => {
    // The response schema reports the bad `start`; the RFC 8984 spellings are still converted.
    expect(
      normaliseCalendarEventWire({ start: 'tomorrow', recurrenceRules: [{ frequency: 'daily' }] }),
    ).toEqual({ start: 'tomorrow', recurrenceRule: { frequency: 'daily' } })
  })
})

describe('calendarEventParseResponseSchema', () => {
  it("wraps Cyrus's single parsed event per blob in an array", () => {
    // CalendarEvent/parse on Cyrus 3.10.2, abridged (fixtures/transcripts/cyrus-3.10/27-calendarevent-parse.txt).
    const response = v.parse(
      calendarEventParseResponseSchema({ accountId: 'test', blobIds: ['G1'] }),
      {
        parsed: {
          G1: {
            '@type': 'Event',
            start: '2030-03-01T10:00:00',
            timeZone: 'Europe/Paris',
            duration: 'PT30M',
            uid: 'parse-me-1@example.test',
            relatedTo: null,
            title: 'Parsed from iCalendar',
            replyTo: { imip: 'mailto:dave@example.test' },
            recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 3 }],
            recurrenceOverrides: null,
          },
        },
        notParsable: null,
        notFound: null,
        accountId: 'test',
      },
    ) as { parsed: Record<string, { title?: string; recurrenceRule?: unknown }[]> }
    expect(response.parsed.G1).toHaveLength(1)
    expect(response.parsed.G1?.[0]?.title).toBe('Parsed from iCalendar')
    expect(response.parsed.G1?.[0]?.recurrenceRule).toMatchObject({ frequency: 'daily' })
  })
})
