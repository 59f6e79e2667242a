import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { CalendarEventNotificationWireSchema } from './calendar-event-notification-schema.js'

// CalendarEventNotification/get on Cyrus 3.10.2, abridged
// (fixtures/transcripts/cyrus-3.10/29c-calendareventnotification.txt).
const created = {
  type: 'created',
  isDraft: false,
  calendarEventId: 'E-l08jjra742hhfo0dy1b3hm0d',
  created: '2026-11-21T22:59:12Z',
  changedBy: { email: 'test@localhost', name: '', calendarPrincipalId: 'other' },
  event: {
    '@type': 'Event',
    calendarIds: { Default: true },
    title: 'Created by other',
    start: '2030-01-20T12:00:00',
    timeZone: 'Europe/Berlin',
    duration: 'PT30M',
    uid: 'l08jjra742hhfo0dy1b3hm0d',
  },
  id: 'dbbbbcf18efa3de6d59a513b4b5a53def7be56ea',
}

describe('CalendarEventNotificationWireSchema', () => {
  it("reads Cyrus's calendarPrincipalId as principalId and fills the missing comment", () => {
    const notification = v.parse(CalendarEventNotificationWireSchema, created)
    expect(notification.changedBy).toEqual({
      email: 'test@localhost',
      name: '',
      principalId: 'other',
    })
    expect(notification.comment).toBeNull()
    expect(notification.event.title).toBe('Created by other')
  })

  it('normalises the RFC 8984 event of an update and keeps its patch', () => {
    const notification = v.parse(CalendarEventNotificationWireSchema, {
      ...created,
      type: 'updated',
      eventPatch: { title: 'Weekly SDK sync (moved by other)' },
      event: {
        '@type': 'Event',
        uid: 'jayisg73fcz44jy4x96aiey9',
        title: 'Weekly SDK sync',
        relatedTo: null,
        replyTo: { imip: 'mailto:test@localhost' },
        recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 5 }],
      },
    })
    expect(notification.event.organizerCalendarAddress).toBe('mailto:test@localhost')
    expect(notification.eventPatch).toEqual({ title: 'Weekly SDK sync (moved by other)' })
  })

  it('rejects a notification of an unknown type', () => {
    expect(
      v.safeParse(CalendarEventNotificationWireSchema, { ...created, type: 'moved' }).success,
    ).toBe(false)
  })
})
