import { describe, expect, test } from 'vitest'
import type { Event } from '../jscalendar/event.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'

// Calendars repeat whole content lines (DTSTAMP, ORGANIZER, ATTENDEE, alarm lines); these tests
// pin down that repeats behave as independent lines.
const twoEvents = (...lines: string[]): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ...['a', 'b'].flatMap((uid) => ['BEGIN:VEVENT', `UID:${uid}`, ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n')

describe('repeated content lines', () => {
  test('two entries never share kept jCal or parameter values', () => {
    const group = icalendarToJSCalendar(
      twoEvents(
        'X-KEPT;X-P=1:same',
        'ATTENDEE;DISPLAY=BADGE,GRAPHIC;PARTSTAT=ACCEPTED:mailto:bob@example.com',
        'BEGIN:X-SUB',
        'X-INNER:same',
        'END:X-SUB',
      ),
    )
    const [first, second] = group.entries as [Event, Event]
    const firstKept = first.iCalendar?.properties?.[0]
    const secondKept = second.iCalendar?.properties?.[0]
    expect(firstKept).toEqual(['x-kept', { 'x-p': '1' }, 'unknown', 'same'])
    expect(firstKept).not.toBe(secondKept)
    expect(firstKept?.[1]).not.toBe(secondKept?.[1])
    expect(first.iCalendar?.components?.[0]).not.toBe(second.iCalendar?.components?.[0])
    expect(first.iCalendar?.components?.[0]?.[1][0]).not.toBe(
      second.iCalendar?.components?.[0]?.[1][0],
    )
    const firstConverted = Object.values(first.iCalendar?.convertedProperties ?? {})[0]
    const secondConverted = Object.values(second.iCalendar?.convertedProperties ?? {})[0]
    expect(firstConverted?.parameters?.display).toEqual(['BADGE', 'GRAPHIC'])
    expect(firstConverted?.parameters?.display).not.toBe(secondConverted?.parameters?.display)
  })

  test('a bad repeated line is reported at its first occurrence', () => {
    const text = twoEvents('DTSTART:20240230T100000Z')
    expect(() => icalendarToJSCalendar(text)).toThrow(/line 5/)
  })
})
