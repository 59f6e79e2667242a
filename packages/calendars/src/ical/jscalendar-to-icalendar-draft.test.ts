import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import type { Event } from '../jscalendar/event.js'
import type { Group } from '../jscalendar/group.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'

// The JSCalendar → iCalendar direction as draft-ietf-calext-jscalendar-icalendar-25 §4 and the
// RFCs it points to write it, read back by ical.js as an outside reader.

const event: Event = {
  '@type': 'Event',
  uid: 'draft-direction@example.com',
  start: '2026-03-02T09:00:00',
  timeZone: 'Etc/UTC',
  duration: 'PT1H',
  title: 'Review',
  virtualLocations: {
    call: { '@type': 'VirtualLocation', uri: 'https://meet.example.com/review', name: 'Call' },
  },
  links: {
    logo: { '@type': 'Link', href: 'https://example.com/logo.png', rel: 'icon' },
  },
  locations: {
    room: {
      '@type': 'Location',
      name: 'Room 1',
      description: 'Second floor, left of the lifts',
      locationTypes: { office: true },
    },
    terrace: { '@type': 'Location', name: 'Terrace', coordinates: 'geo:48.2,16.37' },
  },
}
const group: Group = {
  '@type': 'Group',
  source: 'https://example.com/calendar.ics',
  entries: [event],
}

type Component = InstanceType<typeof ICAL.Component>
const lines = (text: string) => text.split('\r\n')

describe('JSCalendar → iCalendar as the draft writes it', () => {
  const text = jscalendarToICalendar(group)

  test('VALUE=URI on CONFERENCE, IMAGE and SOURCE (RFC 7986 grammar)', () => {
    const line = (name: string) => lines(text).find((item) => item.startsWith(`${name};`))
    expect(line('SOURCE')).toBe('SOURCE;VALUE=URI:https://example.com/calendar.ics')
    expect(line('CONFERENCE')).toBe(
      'CONFERENCE;JSID=call;LABEL=Call;VALUE=URI:https://meet.example.com/review',
    )
    expect(line('IMAGE')).toMatch(/^IMAGE;.*VALUE=URI:https:\/\/example\.com\/logo\.png$/)
  })

  test('every VLOCATION has a UID (RFC 9073), its id, which reading back does not keep', () => {
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as Component
    const uids = vevent
      .getAllSubcomponents('vlocation')
      .map((vlocation) => vlocation.getFirstPropertyValue('uid'))
    expect(uids).toEqual(['room', 'terrace'])
    const [back] = icalendarToJSCalendar(text).entries
    expect(back?.locations).toEqual(event.locations)
  })

  test('a location’s description is its VLOCATION’s DESCRIPTION, not JSPROP, and comes back', () => {
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as Component
    const room = vevent
      .getAllSubcomponents('vlocation')
      .find((vlocation) => vlocation.getFirstPropertyValue('uid') === 'room')
    expect(room?.getFirstPropertyValue('description')).toBe('Second floor, left of the lifts')
    expect(text).not.toContain('JSPROP')
    expect(jscalendarToICalendar(icalendarToJSCalendar(text))).toBe(text)
  })
})
