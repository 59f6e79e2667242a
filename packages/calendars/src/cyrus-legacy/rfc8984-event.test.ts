import { describe, expect, it } from 'vitest'
import { toRfc8984Event, toRfc8984Patch } from './rfc8984-event.js'

describe('toRfc8984Event', () => {
  it('writes the recurrence rule, organizer and participant addresses the RFC 8984 way', () => {
    expect(
      toRfc8984Event({
        '@type': 'Event',
        title: 'Sync',
        recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'weekly', count: 5 },
        organizerCalendarAddress: 'mailto:me@example.test',
        participants: {
          me: { calendarAddress: 'mailto:me@example.test', roles: { owner: true } },
          room: { name: 'Room 1', kind: 'location' },
        },
        recurrenceOverrides: {
          '2030-01-22T09:00:00': { 'participants/me/calendarAddress': 'mailto:alt@example.test' },
        },
      }),
    ).toEqual({
      '@type': 'Event',
      title: 'Sync',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 5 }],
      replyTo: { imip: 'mailto:me@example.test' },
      participants: {
        me: { sendTo: { imip: 'mailto:me@example.test' }, roles: { owner: true, attendee: true } },
        room: { name: 'Room 1', kind: 'location' },
      },
      recurrenceOverrides: {
        '2030-01-22T09:00:00': { 'participants/me/sendTo': { imip: 'mailto:alt@example.test' } },
      },
    })
  })
})

describe('toRfc8984Patch', () => {
  it('renames top-level and participant pointers and keeps the rest', () => {
    expect(
      toRfc8984Patch({
        recurrenceRule: null,
        organizerCalendarAddress: 'mailto:a@example.test',
        'participants/bob': { calendarAddress: 'mailto:bob@example.test' },
        'participants/bob/participationStatus': 'accepted',
        'recurrenceOverrides/2030-01-22T09:00:00': { excluded: true },
        title: 'renamed',
      }),
    ).toEqual({
      recurrenceRules: null,
      replyTo: { imip: 'mailto:a@example.test' },
      'participants/bob': {
        sendTo: { imip: 'mailto:bob@example.test' },
        roles: { attendee: true },
      },
      'participants/bob/participationStatus': 'accepted',
      'recurrenceOverrides/2030-01-22T09:00:00': { excluded: true },
      title: 'renamed',
    })
  })
})
