import { describe, expect, test } from 'vitest'
import { normalizeJSCalendar, normalizePartialJSCalendar } from './normalize.js'

// Shapes as Cyrus 3.10 sends them (RFC 8984, JSCalendar 1.0).
const cyrusEvent = {
  '@type': 'Event',
  uid: 'e1',
  updated: '2024-01-01T00:00:00Z',
  start: '2024-01-01T10:00:00',
  timeZone: 'Europe/Berlin',
  recurrenceIdTimeZone: null,
  recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 3 }],
  replyTo: { imip: 'mailto:alice@example.com' },
  participants: {
    a: {
      '@type': 'Participant',
      sendTo: { imip: 'mailto:bob@example.com' },
      roles: { attendee: true },
    },
    b: {
      '@type': 'Participant',
      sendTo: { other: 'xmpp:carol@example.com' },
      roles: { attendee: true, chair: true },
    },
  },
  locations: { end: { '@type': 'Location', relativeTo: 'end', timeZone: 'Asia/Tokyo' } },
  recurrenceOverrides: {
    '2024-01-02T10:00:00': {
      replyTo: { imip: 'mailto:dave@example.com' },
      'participants/a/sendTo': { imip: 'mailto:eve@example.com' },
    },
  },
}

describe('normalizeJSCalendar', () => {
  test('turns RFC 8984 shapes into JSCalendar 2.0', () => {
    expect(normalizeJSCalendar(cyrusEvent)).toEqual({
      '@type': 'Event',
      uid: 'e1',
      updated: '2024-01-01T00:00:00Z',
      start: '2024-01-01T10:00:00',
      timeZone: 'Europe/Berlin',
      endTimeZone: 'Asia/Tokyo',
      recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'daily', count: 3 },
      organizerCalendarAddress: 'mailto:alice@example.com',
      participants: {
        a: { '@type': 'Participant', calendarAddress: 'mailto:bob@example.com' },
        b: {
          '@type': 'Participant',
          calendarAddress: 'xmpp:carol@example.com',
          roles: { chair: true },
        },
      },
      recurrenceOverrides: {
        '2024-01-02T10:00:00': {
          organizerCalendarAddress: 'mailto:dave@example.com',
          'participants/a/calendarAddress': 'mailto:eve@example.com',
        },
      },
    })
  })

  test('keeps a second recurrence rule, which 2.0 cannot express, and leaves 2.0 input alone', () => {
    const twoRules = {
      ...cyrusEvent,
      recurrenceRules: [{ frequency: 'daily' }, { frequency: 'weekly' }],
    }
    expect(normalizeJSCalendar(twoRules)).toMatchObject({
      recurrenceRule: { frequency: 'daily' },
      recurrenceRules: [{ frequency: 'weekly' }],
    })
    const modern = { '@type': 'Task', uid: 't', title: 'x', recurrenceRule: { frequency: 'daily' } }
    expect(normalizeJSCalendar(modern)).toEqual(modern)
  })

  test('normalises the entries of a Group and does not touch its input', () => {
    const input = { '@type': 'Group', entries: [cyrusEvent] }
    const copy = structuredClone(input)
    const group = normalizeJSCalendar(input)
    expect(group['@type'] === 'Group' && group.entries[0]?.organizerCalendarAddress).toBe(
      'mailto:alice@example.com',
    )
    expect(input).toEqual(copy)
  })

  test('throws on what is not JSCalendar at all', () => {
    expect(() => normalizeJSCalendar({ '@type': 'Event', start: 'tomorrow' })).toThrow()
  })
})

describe('normalizePartialJSCalendar', () => {
  test('converts the members a partial event carries and adds none', () => {
    // A CalendarEvent/get with `properties: ['id', 'replyTo', 'participants', 'locations']`.
    const partial = {
      id: 'E-1',
      replyTo: { imip: 'mailto:alice@example.com' },
      participants: cyrusEvent.participants,
      locations: cyrusEvent.locations,
    }
    expect(normalizePartialJSCalendar(partial)).toEqual({
      id: 'E-1',
      organizerCalendarAddress: 'mailto:alice@example.com',
      endTimeZone: 'Asia/Tokyo',
      participants: {
        a: { '@type': 'Participant', calendarAddress: 'mailto:bob@example.com' },
        b: {
          '@type': 'Participant',
          calendarAddress: 'xmpp:carol@example.com',
          roles: { chair: true },
        },
      },
    })
  })

  test('converts recurrence rules and the patches of overrides without any other member', () => {
    expect(
      normalizePartialJSCalendar({
        recurrenceRules: cyrusEvent.recurrenceRules,
        recurrenceOverrides: cyrusEvent.recurrenceOverrides,
      }),
    ).toEqual({
      recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'daily', count: 3 },
      recurrenceOverrides: {
        '2024-01-02T10:00:00': {
          organizerCalendarAddress: 'mailto:dave@example.com',
          'participants/a/calendarAddress': 'mailto:eve@example.com',
        },
      },
    })
  })

  test('does not validate: values that are not JSCalendar pass through unchanged', () => {
    // normalizeJSCalendar refuses this; the partial form leaves it to the caller's schema.
    const invalid = { start: 'tomorrow', updated: 42 }
    expect(() => normalizeJSCalendar(invalid)).toThrow()
    expect(normalizePartialJSCalendar(invalid)).toEqual(invalid)
    expect(normalizePartialJSCalendar({})).toEqual({})
  })

  test('does not touch its input', () => {
    const input = {
      replyTo: { imip: 'mailto:a@example.com' },
      participants: cyrusEvent.participants,
    }
    const copy = structuredClone(input)
    normalizePartialJSCalendar(input)
    expect(input).toEqual(copy)
  })
})
