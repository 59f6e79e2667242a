import { uuidV5 } from '@typed-jmap/core/internal'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { icalendarMismatches } from '../../test/ical-support/semantic-comparison.js'
import type { Event } from '../jscalendar/event.js'
import { GroupSchema } from '../jscalendar/group.js'
import type { Task } from '../jscalendar/task.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'

const calendar = (...lines: string[]): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//typed-jmap//tests//EN',
    ...lines,
    'END:VCALENDAR',
    '',
  ].join('\r\n')

const windowsZone = [
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
]

/** Realistic calendars covering every property the conversion maps, each a round-trip case. */
const samples: Record<string, string> = {
  'all-day event (DATE) with DTEND': calendar(
    'BEGIN:VEVENT',
    'UID:allday-1',
    'DTSTAMP:20240101T000000Z',
    'DTSTART;VALUE=DATE:20240102',
    'DTEND;VALUE=DATE:20240107',
    'SUMMARY:Holiday',
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ),
  'floating event with DURATION': calendar(
    'BEGIN:VEVENT',
    'UID:float-1',
    'DTSTAMP:20240101T000000Z',
    'DTSTART:20240921T105302',
    'DURATION:PT1H30M',
    'SUMMARY;LANGUAGE=de:Frühstück',
    'END:VEVENT',
  ),
  'UTC event with everything scheduling': calendar(
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    'UID:utc-1',
    'DTSTAMP:20240301T120000Z',
    'CREATED:20240229T080000Z',
    'LAST-MODIFIED:20240301T110000Z',
    'DTSTART:20240305T090000Z',
    'DTEND:20240305T100000Z',
    'SUMMARY:Planning',
    'DESCRIPTION:Agenda\\, notes\\; more',
    'ORGANIZER;CN=Alice;SENT-BY="mailto:assistant@example.com":mailto:alice@example.com',
    'ATTENDEE;CN=Bob;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:bob@example.com',
    'ATTENDEE;CN=Carol;ROLE=OPT-PARTICIPANT;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:dave@example.com":mailto:carol@example.com',
    'ATTENDEE;ROLE=NON-PARTICIPANT;PARTSTAT=NEEDS-ACTION;DELEGATED-FROM="mailto:carol@example.com";SCHEDULE-STATUS=1.1:mailto:dave@example.com',
    'ATTENDEE;CUTYPE=ROOM;PARTSTAT=TENTATIVE;MEMBER="mailto:rooms@example.com":mailto:room1@example.com',
    'CLASS:CONFIDENTIAL',
    'STATUS:TENTATIVE',
    'SEQUENCE:4',
    'PRIORITY:1',
    'COLOR:maroon',
    'CATEGORIES:Work,Planning',
    'CATEGORIES:Q1',
    'LOCATION:Room 1',
    'GEO:48.85;2.35',
    'CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Video call:https://meet.example.com/abc',
    'URL:https://example.com/planning',
    'ATTACH;FMTTYPE=application/pdf:https://example.com/agenda.pdf',
    'RELATED-TO;RELTYPE=PARENT:project-1',
    'RELATED-TO:other-1',
    'X-CUSTOM;X-P=1:kept as is',
    'BEGIN:VALARM',
    'UID:alarm-1',
    'ACTION:DISPLAY',
    'DESCRIPTION:Soon',
    'TRIGGER:-PT15M',
    'END:VALARM',
    'BEGIN:VALARM',
    'ACTION:EMAIL',
    'SUMMARY:Ended',
    'DESCRIPTION:It ended',
    'ATTENDEE:mailto:alice@example.com',
    'TRIGGER;RELATED=END:PT5M',
    'END:VALARM',
    'BEGIN:VALARM',
    'ACTION:AUDIO',
    'TRIGGER;VALUE=DATE-TIME:20240305T083000Z',
    'ACKNOWLEDGED:20240305T083100Z',
    'END:VALARM',
    'END:VEVENT',
  ),
  'IANA time zone, RRULE, EXRULE, RDATE, EXDATE and overrides': calendar(
    'BEGIN:VEVENT',
    'UID:series-1',
    'DTSTAMP:20240101T000000Z',
    'DTSTART;TZID=Europe/Berlin:20240101T140000',
    'DTEND;TZID=Europe/Berlin:20240101T150000',
    'SUMMARY:Standup',
    'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,-1FR;WKST=MO;UNTIL=20241231T130000Z',
    'EXRULE:FREQ=MONTHLY;BYMONTHDAY=1',
    'RDATE;TZID=Europe/Berlin:20240320T100000',
    'RDATE;VALUE=PERIOD;TZID=Europe/Berlin:20240401T100000/PT2H',
    'EXDATE;TZID=Europe/Berlin:20240103T140000,20240115T140000',
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com',
    'ORGANIZER;CN=Alice:mailto:alice@example.com',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:series-1',
    'DTSTAMP:20240102T000000Z',
    'RECURRENCE-ID;TZID=Europe/Berlin:20240117T140000',
    'DTSTART;TZID=Europe/Berlin:20240117T160000',
    'DTEND;TZID=Europe/Berlin:20240117T170000',
    'SUMMARY:Standup (moved)',
    'ATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.com',
    'ORGANIZER;CN=Alice:mailto:alice@example.com',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'DESCRIPTION:moved',
    'TRIGGER:-PT5M',
    'END:VALARM',
    'END:VEVENT',
  ),
  'DTEND in another time zone': calendar(
    'BEGIN:VEVENT',
    'UID:flight-1',
    'DTSTAMP:20240101T000000Z',
    'DTSTART;TZID=Europe/Berlin:20241017T130000',
    'DTEND;TZID=Asia/Bangkok:20241018T040000',
    'SUMMARY:Flight',
    'END:VEVENT',
  ),
  'non-IANA TZID carried with its VTIMEZONE': calendar(
    ...windowsZone,
    'BEGIN:VEVENT',
    'UID:windows-1',
    'DTSTAMP:20240101T000000Z',
    'DTSTART;TZID=W. Europe Standard Time:20240601T090000',
    'DTEND;TZID=W. Europe Standard Time:20240601T100000',
    'SUMMARY:Exchange meeting',
    'END:VEVENT',
  ),
  'task with DUE, DTSTART, progress, alarms and recurrence': calendar(
    'BEGIN:VTODO',
    'UID:task-1',
    'DTSTAMP:20240101T000000Z',
    'DTSTART;TZID=Europe/Berlin:20240105T090000',
    'DUE;TZID=Europe/Berlin:20240105T170000',
    'SUMMARY:Report',
    'PERCENT-COMPLETE:40',
    'STATUS:IN-PROCESS',
    'COMPLETED:20240105T160000Z',
    'PRIORITY:5',
    'ESTIMATED-DURATION:PT3H',
    'RELATED-TO;RELTYPE=CHILD:task-2',
    'RRULE:FREQ=WEEKLY;COUNT=4',
    'ORGANIZER:mailto:alice@example.com',
    'ATTENDEE;PARTSTAT=IN-PROCESS:mailto:bob@example.com',
    'BEGIN:VALARM',
    'UID:task-alarm',
    'ACTION:DISPLAY',
    'DESCRIPTION:Due soon',
    'TRIGGER;RELATED=END:-PT1H',
    'END:VALARM',
    'END:VTODO',
    'BEGIN:VTODO',
    'UID:task-2',
    'DTSTAMP:20240101T000000Z',
    'DUE;VALUE=DATE:20240110',
    'SUMMARY:Subtask',
    'STATUS:COMPLETED',
    'PERCENT-COMPLETE:100',
    'RELATED-TO:task-1',
    'END:VTODO',
  ),
  'VLOCATION, PARTICIPANT and styled description': calendar(
    'NAME:Team',
    'DESCRIPTION:Team calendar',
    'BEGIN:VEVENT',
    'UID:rich-1',
    'DTSTAMP:20240101T000000Z',
    'DTSTART:20240601T090000Z',
    'DURATION:PT1H',
    'STYLED-DESCRIPTION;FMTTYPE=text/html:<p>Hello\\, <b>team</b></p>',
    'LOCATION;DERIVED=TRUE:Main hall',
    'BEGIN:VLOCATION',
    'UID:loc-a',
    'NAME:Main hall',
    'LOCATION-TYPE:hall',
    'END:VLOCATION',
    'BEGIN:VLOCATION',
    'UID:loc-b',
    'NAME:Parking',
    'COORDINATES:geo:40.7,-74.0',
    'END:VLOCATION',
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:speaker@example.com',
    'BEGIN:PARTICIPANT',
    'UID:p-1',
    'CALENDAR-ADDRESS:mailto:speaker@example.com',
    'DESCRIPTION:Keynote speaker',
    'END:PARTICIPANT',
    'IMAGE;VALUE=URI;DISPLAY=BADGE;FMTTYPE=image/png:https://example.com/badge.png',
    'JSPROP;JSPTR="example.com:rating":5',
    'END:VEVENT',
  ),
}

describe('round trips over realistic calendars', () => {
  for (const [name, text] of Object.entries(samples)) {
    test(`${name}: iCalendar → JSCalendar → iCalendar keeps every property`, () => {
      const group = icalendarToJSCalendar(text)
      expect(v.safeParse(GroupSchema, group).issues).toBeUndefined()
      expect(icalendarMismatches(jscalendarToICalendar(group), text)).toEqual([])
    })
    test(`${name}: JSCalendar → iCalendar → JSCalendar is equal`, () => {
      const group = icalendarToJSCalendar(text)
      expect(icalendarToJSCalendar(jscalendarToICalendar(group))).toEqual(group)
    })
    test(`${name}: converting twice gives the same output`, () => {
      expect(JSON.stringify(icalendarToJSCalendar(text))).toBe(
        JSON.stringify(icalendarToJSCalendar(text)),
      )
      const group = icalendarToJSCalendar(text)
      expect(jscalendarToICalendar(group)).toBe(jscalendarToICalendar(structuredClone(group)))
    })
  }
})

describe('what each iCalendar property becomes', () => {
  const entry = (name: string, index = 0): Event =>
    icalendarToJSCalendar(samples[name] as string).entries[index] as Event
  const taskEntry = (name: string, index = 0): Task =>
    icalendarToJSCalendar(samples[name] as string).entries[index] as Task

  test('all-day DATE start and DTEND', () => {
    expect(entry('all-day event (DATE) with DTEND')).toMatchObject({
      start: '2024-01-02T00:00:00',
      showWithoutTime: true,
      duration: 'P5D',
      freeBusyStatus: 'free',
    })
    expect(entry('all-day event (DATE) with DTEND').timeZone).toBeUndefined()
  })

  test('floating time has no time zone; LANGUAGE gives locale', () => {
    const event = entry('floating event with DURATION')
    expect(event).toMatchObject({
      start: '2024-09-21T10:53:02',
      duration: 'PT1H30M',
      locale: 'de',
      title: 'Frühstück',
    })
    expect(event.timeZone).toBeUndefined()
  })

  test('UTC, participants, alerts, links, locations and the rest', () => {
    const event = entry('UTC event with everything scheduling')
    expect(event).toMatchObject({
      start: '2024-03-05T09:00:00',
      timeZone: 'Etc/UTC',
      duration: 'PT1H',
      method: 'request',
      privacy: 'secret',
      status: 'tentative',
      sequence: 4,
      priority: 1,
      color: 'maroon',
      keywords: { Work: true, Planning: true, Q1: true },
      organizerCalendarAddress: 'mailto:alice@example.com',
      sentBy: 'mailto:assistant@example.com',
      relatedTo: { 'project-1': { relation: { parent: true } }, 'other-1': {} },
      description: 'Agenda, notes; more',
    })
    const participants = Object.values(event.participants ?? {})
    expect(participants).toContainEqual(
      expect.objectContaining({
        calendarAddress: 'mailto:alice@example.com',
        name: 'Alice',
        roles: { owner: true },
      }),
    )
    expect(participants).toContainEqual(
      expect.objectContaining({
        calendarAddress: 'mailto:carol@example.com',
        roles: { optional: true },
        participationStatus: 'delegated',
        delegatedTo: { 'mailto:dave@example.com': true },
      }),
    )
    expect(participants).toContainEqual(
      expect.objectContaining({
        calendarAddress: 'mailto:room1@example.com',
        kind: 'location',
        memberOf: { 'mailto:rooms@example.com': true },
      }),
    )
    expect(participants).toContainEqual(
      expect.objectContaining({
        calendarAddress: 'mailto:bob@example.com',
        expectReply: true,
        roles: { required: true },
      }),
    )
    expect(Object.values(event.locations ?? {})).toEqual([
      { '@type': 'Location', name: 'Room 1', coordinates: 'geo:48.85,2.35' },
    ])
    expect(Object.values(event.virtualLocations ?? {})).toEqual([
      {
        '@type': 'VirtualLocation',
        uri: 'https://meet.example.com/abc',
        name: 'Video call',
        features: { audio: true, video: true },
      },
    ])
    expect(Object.values(event.links ?? {})).toEqual([
      { '@type': 'Link', href: 'https://example.com/planning', rel: 'describedby' },
      { '@type': 'Link', href: 'https://example.com/agenda.pdf', contentType: 'application/pdf' },
    ])
    const alerts = event.alerts ?? {}
    expect(alerts['alarm-1']).toMatchObject({
      action: 'display',
      trigger: { '@type': 'OffsetTrigger', offset: '-PT15M' },
    })
    expect(Object.values(alerts)).toContainEqual(
      expect.objectContaining({
        action: 'email',
        trigger: { '@type': 'OffsetTrigger', offset: 'PT5M', relativeTo: 'end' },
      }),
    )
    expect(Object.values(alerts)).toContainEqual(
      expect.objectContaining({
        trigger: { '@type': 'AbsoluteTrigger', when: '2024-03-05T08:30:00Z' },
        acknowledged: '2024-03-05T08:31:00Z',
      }),
    )
    expect(event.iCalendar?.properties).toContainEqual([
      'x-custom',
      { 'x-p': '1' },
      'unknown',
      'kept as is',
    ])
    expect(event.iCalendar?.properties).toContainEqual([
      'last-modified',
      {},
      'date-time',
      '2024-03-01T11:00:00Z',
    ])
  })

  test('recurrence: RRULE, EXRULE kept, RDATE, EXDATE, and a whole override patch', () => {
    const event = entry('IANA time zone, RRULE, EXRULE, RDATE, EXDATE and overrides')
    expect(event.timeZone).toBe('Europe/Berlin')
    expect(event.recurrenceRule).toEqual({
      '@type': 'RecurrenceRule',
      frequency: 'weekly',
      interval: 2,
      byDay: [
        { '@type': 'NDay', day: 'mo' },
        { '@type': 'NDay', day: 'we' },
        { '@type': 'NDay', day: 'fr', nthOfPeriod: -1 },
      ],
      firstDayOfWeek: 'mo',
      until: '2024-12-31T14:00:00',
    })
    expect(event.iCalendar?.properties?.[0]?.[0]).toBe('exrule')
    expect(event.recurrenceOverrides).toEqual({
      '2024-03-20T10:00:00': {},
      '2024-04-01T10:00:00': { duration: 'PT2H' },
      '2024-01-03T14:00:00': { excluded: true },
      '2024-01-15T14:00:00': { excluded: true },
      '2024-01-17T14:00:00': {
        updated: '2024-01-02T00:00:00Z',
        start: '2024-01-17T16:00:00',
        title: 'Standup (moved)',
        [`participants/${uuidV5('mailto:bob@example.com')}/participationStatus`]: 'declined',
        alerts: expect.any(Object),
      },
    })
  })

  test('DTEND in another zone gives endTimeZone', () => {
    expect(entry('DTEND in another time zone')).toMatchObject({
      duration: 'PT10H',
      endTimeZone: 'Asia/Bangkok',
    })
  })

  test('a Windows TZID becomes its IANA zone (CLDR windowsZones); its VTIMEZONE is kept', () => {
    const group = icalendarToJSCalendar(
      samples['non-IANA TZID carried with its VTIMEZONE'] as string,
    )
    expect(group.entries[0]).toMatchObject({ timeZone: 'Europe/Berlin', duration: 'PT1H' })
    expect(group.iCalendar?.components?.[0]?.[0]).toBe('vtimezone')
  })

  test('Windows and path-like TZIDs without a VTIMEZONE are read as their IANA zones', () => {
    const group = icalendarToJSCalendar(
      calendar(
        'BEGIN:VEVENT',
        'UID:no-vtimezone',
        'DTSTAMP:20240101T000000Z',
        'DTSTART;TZID=Pacific Standard Time:20240601T090000',
        'DTEND;TZID=/mozilla.org/20050126_1/Europe/London:20240601T180000',
        'END:VEVENT',
      ),
    )
    expect(group.entries[0]).toMatchObject({
      timeZone: 'America/Los_Angeles',
      endTimeZone: 'Europe/London',
      duration: 'PT1H',
    })
  })

  test('VTODO: due, start, progress, percentComplete, participant progress, COMPLETED kept', () => {
    const task = taskEntry('task with DUE, DTSTART, progress, alarms and recurrence')
    expect(task).toMatchObject({
      '@type': 'Task',
      start: '2024-01-05T09:00:00',
      due: '2024-01-05T17:00:00',
      timeZone: 'Europe/Berlin',
      progress: 'in-process',
      percentComplete: 40,
      estimatedDuration: 'PT3H',
      relatedTo: { 'task-2': { relation: { child: true } } },
      recurrenceRule: { frequency: 'weekly', count: 4 },
    })
    expect(Object.values(task.participants ?? {})).toContainEqual(
      expect.objectContaining({ participationStatus: 'accepted', progress: 'in-process' }),
    )
    expect(task.alerts?.['task-alarm']?.trigger).toEqual({
      '@type': 'OffsetTrigger',
      offset: '-PT1H',
      relativeTo: 'end',
    })
    expect(task.iCalendar?.properties).toContainEqual([
      'completed',
      {},
      'date-time',
      '2024-01-05T16:00:00Z',
    ])
    expect(taskEntry('task with DUE, DTSTART, progress, alarms and recurrence', 1)).toMatchObject({
      due: '2024-01-10T00:00:00',
      showWithoutTime: true,
      progress: 'completed',
    })
  })

  test('VLOCATION, derived LOCATION as mainLocationId, PARTICIPANT merged with ATTENDEE, JSPROP', () => {
    const group = icalendarToJSCalendar(
      samples['VLOCATION, PARTICIPANT and styled description'] as string,
    )
    const event = group.entries[0] as Event
    expect(group).toMatchObject({ title: 'Team', description: 'Team calendar' })
    expect(event.description).toBe('<p>Hello, <b>team</b></p>')
    expect(event.descriptionContentType).toBe('text/html')
    const main = event.locations?.[event.mainLocationId ?? '']
    expect(main).toMatchObject({ name: 'Main hall', locationTypes: { hall: true } })
    expect(Object.values(event.participants ?? {})).toEqual([
      expect.objectContaining({
        calendarAddress: 'mailto:speaker@example.com',
        participationStatus: 'accepted',
        description: 'Keynote speaker',
      }),
    ])
    expect(event['example.com:rating']).toBe(5)
  })
})

describe('options', () => {
  const text = samples['UTC event with everything scheduling'] as string

  test('lossless: false gives plain JSCalendar without iCalendar properties', () => {
    const group = icalendarToJSCalendar(text, { lossless: false })
    expect(JSON.stringify(group)).not.toContain('"iCalendar"')
    expect(group.entries[0]?.title).toBe('Planning')
  })

  test('lossless: false writes neither JSID nor JSPROP', () => {
    const group = icalendarToJSCalendar(
      samples['VLOCATION, PARTICIPANT and styled description'] as string,
    )
    const plain = jscalendarToICalendar(group, { lossless: false })
    expect(plain).not.toMatch(/JSID|JSPROP/)
    expect(jscalendarToICalendar(group)).toMatch(/JSPROP;JSPTR="example.com:rating":5/)
  })

  test('entryProdId copies PRODID into every entry', () => {
    const group = icalendarToJSCalendar(text, { entryProdId: true })
    expect(group.entries[0]?.prodId).toBe('-//typed-jmap//tests//EN')
    expect(icalendarToJSCalendar(text).entries[0]?.prodId).toBeUndefined()
  })

  test('keepTimeZones: false drops VTIMEZONE from the Group', () => {
    const source = samples['non-IANA TZID carried with its VTIMEZONE'] as string
    expect(icalendarToJSCalendar(source, { keepTimeZones: false }).iCalendar).toBeUndefined()
  })

  test('prodId names the writer when the input has none, and entries or arrays convert too', () => {
    const event: Event = {
      '@type': 'Event',
      uid: 'e1',
      start: '2024-01-01T10:00:00',
      timeZone: 'Etc/UTC',
    }
    const single = jscalendarToICalendar(event, { prodId: '-//me//app//EN' })
    expect(single).toContain('PRODID:-//me//app//EN\r\n')
    expect(single).toContain('DTSTART:20240101T100000Z\r\n')
    expect(
      jscalendarToICalendar([event, { ...event, uid: 'e2' }]).match(/BEGIN:VEVENT/g),
    ).toHaveLength(2)
  })
})
