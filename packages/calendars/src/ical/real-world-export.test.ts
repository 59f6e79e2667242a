import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import type { Event } from '../jscalendar/event.js'
import { localDateTimeToInstant } from '../zoned-time/index.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'

// What other clients (read here through ical.js) see of what the converter writes: instances on
// the right dates, alarms with the properties iCalendar requires, UNTIL in the right zone.

type Component = InstanceType<typeof ICAL.Component>

function components(text: string, name: string): Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents(name)
}

const weekly: Event = {
  '@type': 'Event',
  uid: 'weekly-export@example.com',
  start: '2026-03-02T09:00:00',
  timeZone: 'Etc/UTC',
  duration: 'PT1H',
  title: 'Stand-up',
  recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'weekly', count: 5 },
}

describe('recurrence overrides on export', () => {
  test('an override without start is written on its own date, not the first occurrence', () => {
    const text = jscalendarToICalendar({
      ...weekly,
      recurrenceOverrides: { '2026-03-16T09:00:00': { title: 'Retro' } },
    })
    const [, instance] = components(text, 'vevent')
    expect(instance?.getFirstPropertyValue('recurrence-id')?.toString()).toBe(
      '2026-03-16T09:00:00Z',
    )
    expect(instance?.getFirstPropertyValue('dtstart')?.toString()).toBe('2026-03-16T09:00:00Z')
    expect(instance?.getFirstPropertyValue('summary')).toBe('Retro')
    // Read back, the patch is what it was: no `start`, the instance did not move.
    expect(icalendarToJSCalendar(text).entries[0]?.recurrenceOverrides).toEqual({
      '2026-03-16T09:00:00': { title: 'Retro' },
    })
  })

  test('an override at a date the rule does not make gets an RDATE, so other clients keep it', () => {
    const text = jscalendarToICalendar({
      ...weekly,
      recurrenceOverrides: {
        '2026-03-04T15:00:00': { title: 'Extra' },
        '2026-03-09T09:00:00': { title: 'Generated' },
      },
    })
    const [main, ...instances] = components(text, 'vevent')
    expect(main?.getAllProperties('rdate').map((rdate) => String(rdate.getFirstValue()))).toEqual([
      '2026-03-04T15:00:00Z',
    ])
    const event = new ICAL.Event(main, { exceptions: instances })
    const iterator = event.iterator()
    const starts: string[] = []
    for (let next = iterator.next(); next !== null && next !== undefined; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next)
      starts.push(`${details.startDate.toString()} ${details.item.summary}`)
    }
    expect(starts).toEqual([
      '2026-03-02T09:00:00Z Stand-up',
      '2026-03-04T15:00:00Z Extra',
      '2026-03-09T09:00:00Z Generated',
      '2026-03-16T09:00:00Z Stand-up',
      '2026-03-23T09:00:00Z Stand-up',
      '2026-03-30T09:00:00Z Stand-up',
    ])
    expect(jscalendarToICalendar(icalendarToJSCalendar(text))).toBe(text)
  })
})

describe('alarms on export', () => {
  test('an alert without action becomes a valid DISPLAY alarm, and stays without action', () => {
    const event: Event = {
      ...weekly,
      alerts: { one: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT5M' } } },
    }
    const text = jscalendarToICalendar(event)
    const [alarm] = components(text, 'vevent')[0]?.getAllSubcomponents('valarm') ?? []
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(alarm?.hasProperty('description')).toBe(true)
    expect(icalendarToJSCalendar(text).entries[0]?.alerts).toEqual(event.alerts)
    const plain = jscalendarToICalendar(event, { lossless: false })
    expect(plain).toContain('ACTION:DISPLAY\r\n')
    expect(plain).not.toContain('DERIVED')
  })
})

describe('UNTIL in a zone only a VTIMEZONE defines', () => {
  const windows = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
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
    'BEGIN:VEVENT',
    'UID:windows-until',
    'DTSTAMP:20260101T000000Z',
    'DTSTART;TZID=W. Europe Standard Time:20260601T090000',
    'RRULE:FREQ=DAILY;UNTIL=20260605T070000Z',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')

  test('is written in UTC with the zone’s offset, so the last occurrence stays', () => {
    const group = icalendarToJSCalendar(windows)
    expect(group.entries[0]?.recurrenceRule?.until).toBe('2026-06-05T09:00:00')
    const again = jscalendarToICalendar(group)
    expect(again).toContain('UNTIL=20260605T070000Z')
    expect(icalendarToJSCalendar(again).entries[0]?.recurrenceRule?.until).toBe(
      '2026-06-05T09:00:00',
    )
  })
})

describe('VTIMEZONE for every IANA zone used', () => {
  const zones = [
    'America/New_York',
    'Europe/Berlin',
    'Australia/Sydney',
    'Asia/Tokyo',
    'America/Sao_Paulo',
    'Pacific/Chatham',
    'Asia/Tehran',
    'Europe/Dublin',
  ]

  test.each(zones)('%s: ical.js reads the times with the offsets Intl gives', (zone) => {
    const text = jscalendarToICalendar({
      ...weekly,
      timeZone: zone,
      start: '2018-01-15T09:00:00',
      recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'daily' },
    })
    const [vtimezone] = components(text, 'vtimezone')
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe(zone)
    const timezone = new ICAL.Timezone(vtimezone as Component)
    const differences: string[] = []
    // Every 5 days at 12:00 local, for years past the event's own (the yearly rule's part).
    for (let day = Date.UTC(2017, 0, 1); day < Date.UTC(2032, 0, 1); day += 5 * 86_400_000) {
      const local = new Date(day + 43_200_000).toISOString().slice(0, 19)
      const time = ICAL.Time.fromDateTimeString(local)
      time.zone = timezone
      const expected = localDateTimeToInstant(local, zone)
      if (time.toUnixTime() * 1000 !== expected) differences.push(local)
    }
    expect(differences).toEqual([])
  })

  test('is not kept as input when read back, and none is written for UTC', () => {
    const event: Event = { ...weekly, timeZone: 'Europe/Berlin' }
    const text = jscalendarToICalendar(event)
    expect(icalendarToJSCalendar(text).iCalendar).toBeUndefined()
    expect(jscalendarToICalendar(weekly)).not.toContain('VTIMEZONE')
  })
})

describe('JSCalendar 1.0 input', () => {
  test('a null timeZone and recurrenceRules (RFC 8984, as Cyrus sends them) are accepted', () => {
    const text = jscalendarToICalendar({
      '@type': 'Event',
      uid: 'rfc8984@example.com',
      start: '2026-03-02T09:00:00',
      timeZone: null,
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 2 }],
    } as unknown as Event)
    expect(text).toContain('DTSTART:20260302T090000\r\n')
    expect(text).toContain('RRULE:FREQ=DAILY;COUNT=2\r\n')
  })
})
