import { readFileSync } from 'node:fs'
import { createCalendarApi, isCalendarWriteError } from '@typed-jmap/calendars'
import { describe, expect, it } from 'vitest'
import { createTestServer } from '../server/create-test-server.js'

// The calendars package's own high-level API against this server, with iCalendar text the
// SDK's converter turns into the properties it sends (draft names: recurrenceRule,
// organizerCalendarAddress): what an app test does first.

const berlinStandup = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//typed-jmap//test//EN',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:berlin-standup@example.com',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20260310T100000',
  'DURATION:PT1H',
  'SUMMARY:Standup',
  'RRULE:FREQ=WEEKLY;COUNT=5',
  'ORGANIZER;CN=Ann:mailto:ann@example.com',
  'ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION:mailto:bob@example.com',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER:-PT15M',
  'DESCRIPTION:Reminder',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

const world = '../../../../../shared/testdata/world/ical'

function setUp() {
  const server = createTestServer()
  const calendarId = server.seed.calendar({ name: 'Work' })
  const api = createCalendarApi({ sessionUrl: server.sessionUrl, fetch: server.fetch })
  return { server, api, calendar: api.calendar(calendarId) }
}

describe('createCalendarApi against the in-memory server', () => {
  it('adds an event with RRULE, VTIMEZONE, ORGANIZER, ATTENDEE and VALARM', async () => {
    const { api, calendar } = setUp()
    const event = await calendar.addEvent(berlinStandup)
    expect(event).toMatchObject({
      uid: 'berlin-standup@example.com',
      title: 'Standup',
      start: '2026-03-10T10:00:00',
      timeZone: 'Europe/Berlin',
      recurrenceRule: { frequency: 'weekly', count: 5 },
      organizerCalendarAddress: 'mailto:ann@example.com',
    })
    const [times] = (
      await api.client.request((b) =>
        b.call('CalendarEvent/get', {
          accountId: 'u1',
          ids: [event.id],
          properties: ['utcStart', 'utcEnd'],
        }),
      )
    ).list
    expect(times).toMatchObject({
      utcStart: '2026-03-10T09:00:00Z',
      utcEnd: '2026-03-10T10:00:00Z',
    })
    expect(await calendar.exportEvent(event.id)).toContain('RRULE:FREQ=WEEKLY;COUNT=5')
  })

  it('adds a real Zimbra event (ical.js recur_instances_finite.ics) in its own time zone', async () => {
    const { api, calendar } = setUp()
    const text = readFileSync(
      new URL(`${world}/icaljs/recur_instances_finite.ics`, import.meta.url),
      'utf8',
    )
    const event = await calendar.addEvent(text)
    expect(event).toMatchObject({
      title: 'Crazy Event Thingy!',
      start: '2012-10-02T10:00:00',
      timeZone: 'America/Los_Angeles',
      recurrenceRule: { frequency: 'monthly' },
      organizerCalendarAddress: 'mailto:jlal@mozilla.com',
    })
    expect(Object.keys(event.participants ?? {})).toHaveLength(4)
    const [times] = (
      await api.client.request((b) =>
        b.call('CalendarEvent/get', { accountId: 'u1', ids: [event.id], properties: ['utcStart'] }),
      )
    ).list
    // 10:00 Pacific daylight time.
    expect(times).toMatchObject({ utcStart: '2012-10-02T17:00:00Z' })
  })

  it('adds an Outlook event whose custom zone has Sydney’s rules in Australia/Sydney (ical4j Standup.ics)', async () => {
    // Outlook's TZID "Canberra, Melbourne, Sydney" has the rules of Australia/Sydney over the
    // years the file uses, so the converter reads it as that IANA zone (a zone neither IANA nor
    // defined in timeZones is refused: see the next test).
    const { calendar } = setUp()
    const text = readFileSync(new URL(`${world}/ical4j/Standup.ics`, import.meta.url), 'utf8')
    const event = await calendar.addEvent(text)
    expect(event).toMatchObject({ timeZone: 'Australia/Sydney' })
  })

  it('surfaces the SetError that refused an event, not a follow-up validation error', async () => {
    const { calendar } = setUp()
    const refused = await calendar
      .addEvent({
        title: 'Nowhere',
        start: '2026-03-10T10:00:00',
        timeZone: 'Mars/Olympus',
      } as never)
      .catch((error: unknown) => error)
    expect(isCalendarWriteError(refused)).toBe(true)
    expect(refused).toMatchObject({
      operation: 'create',
      setError: { type: 'invalidProperties', properties: ['timeZone'] },
    })
  })
})
