import { describe, expect, test } from 'vitest'
import type { Event } from '../jscalendar/event.js'
import { ICalendarParseError, isICalendarParseError } from './icalendar-parse-error.js'
import { icalendarStreamToJSCalendar, icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import type { ICalendarWarning } from './icalendar-warning.js'
import {
  isJSCalendarConversionError,
  JSCalendarConversionError,
} from './jscalendar-conversion-error.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'
import type { ReadOptions } from './read-calendar.js'

const event = (...lines: string[]): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:1',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')

function parseError(input: string | Uint8Array, options: ReadOptions = {}): ICalendarParseError {
  try {
    icalendarToJSCalendar(input, options)
  } catch (error) {
    expect(isICalendarParseError(error)).toBe(true)
    return error as ICalendarParseError
  }
  throw new Error('expected an ICalendarParseError')
}

describe('malformed iCalendar gives an ICalendarParseError with the line', () => {
  test.each([
    [
      'an unterminated component',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\n',
      2,
      /BEGIN:VEVENT is never closed/,
    ],
    [
      'an END that closes the wrong component',
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VTODO\nEND:VCALENDAR',
      4,
      /END:VTODO does not close BEGIN:VEVENT \(line 2\)/,
    ],
    [
      'an END without BEGIN',
      'BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VEVENT',
      3,
      /without a matching BEGIN/,
    ],
    [
      'content outside a component',
      'SUMMARY:x\nBEGIN:VCALENDAR\nEND:VCALENDAR',
      1,
      /outside of any BEGIN\/END/,
    ],
    ['a line without a colon', event('SUMMARY'), 5, /SUMMARY/],
    [
      'a date with letters',
      event('DTSTART:2024XX01T000000'),
      5,
      /DTSTART has an invalid DATE-TIME/,
    ],
    ['a month 13', event('DTSTART:20241301T000000Z'), 5, /invalid DATE-TIME/],
    ['February 30', event('DTSTART;VALUE=DATE:20240230'), 5, /invalid DATE/],
    ['a bad duration', event('DURATION:1H'), 5, /invalid DURATION/],
    ['a bad integer', event('PRIORITY:high'), 5, /invalid INTEGER/],
    ['a bad RRULE', event('RRULE:FREQ=SOMETIMES'), 5, /invalid frequency/],
    ['a bad UNTIL', event('RRULE:FREQ=DAILY;UNTIL=2024'), 5, /UNTIL/],
    [
      'an unknown TZID without VTIMEZONE',
      event('DTSTART;TZID=Mars/Olympus_Mons:20240101T100000'),
      5,
      /TZID "Mars\/Olympus_Mons"/,
    ],
    ['a JSPROP that is not JSON', event('JSPROP;JSPTR="x:y":{nope'), 5, /JSPROP value is not JSON/],
    [
      'a VEVENT without VCALENDAR',
      'BEGIN:VEVENT\nUID:1\nEND:VEVENT',
      1,
      /expected BEGIN:VCALENDAR/,
    ],
    ['no calendar at all', '', 1, /no VCALENDAR/],
  ])('%s (strict)', (_what, input, line, reason) => {
    const error = parseError(input, { strict: true })
    expect(error).toBeInstanceOf(ICalendarParseError)
    expect(error.name).toBe('ICalendarParseError')
    expect(error.line).toBe(line)
    expect(error.reason).toMatch(reason)
    expect(error.message).toContain(`line ${line}`)
  })

  test('a line number counts physical lines, so folded lines point at their first line', () => {
    const error = parseError(
      event('DESCRIPTION:a long', '  folded line', 'DTSTART:20240132T000000Z'),
    )
    expect(error.line).toBe(7)
  })

  test('invalid UTF-8 bytes name the line of the bad byte', () => {
    const bytes = new TextEncoder().encode(event('SUMMARY:ok', 'DESCRIPTION:bad ?'))
    bytes[bytes.lastIndexOf(0x3f)] = 0xff
    const error = parseError(bytes)
    expect(error.line).toBe(6)
    expect(error.reason).toMatch(/invalid UTF-8 byte 0xff/)
  })

  test('a truncated multi-byte sequence is invalid too', () => {
    const good = new TextEncoder().encode(event('SUMMARY:Fête'))
    const cut = good.indexOf(0xc3)
    const bytes = new Uint8Array([...good.slice(0, cut + 1), 0x41, ...good.slice(cut + 2)])
    expect(parseError(bytes).line).toBe(5)
  })

  test('two VCALENDARs need the stream function', () => {
    const two = event('SUMMARY:a') + event('SUMMARY:b')
    expect(parseError(two).reason).toMatch(/2 VCALENDARs/)
    expect(icalendarStreamToJSCalendar(two).map((group) => group.entries[0]?.title)).toEqual([
      'a',
      'b',
    ])
  })
})

describe('good input in unusual shapes is accepted', () => {
  test('UTF-8 bytes with a BOM, LF line ends and folding inside a multi-byte character', () => {
    const text =
      '\ufeffBEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nSUMMARY:Fêt\n e 😀 ok\nEND:VEVENT\nEND:VCALENDAR\n'
    const group = icalendarToJSCalendar(new TextEncoder().encode(text))
    expect(group.entries[0]?.title).toBe('Fête 😀 ok')
  })

  test('a VEVENT without UID gets a stable uid derived from its content', () => {
    const text = 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR'
    const [first] = icalendarToJSCalendar(text).entries
    expect(first?.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(icalendarToJSCalendar(text).entries[0]?.uid).toBe(first?.uid)
  })

  test('BEGIN and END in any case, as toUpperCase reads them (dotless ı included)', () => {
    const text =
      'begin:VCALENDAR\nBegin:vevent\nUID:1\nEnd:VEVENT\nBEGıN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT5M\nEND:VALARM\nend:vcalendar'
    // The reader compares names as toUpperCase gives them, so "BEGıN" opens the VALARM (a
    // calendar-level component, kept as iCalendar); "BEGXN" is a property and stays one.
    const group = icalendarToJSCalendar(text)
    expect(group.entries).toHaveLength(1)
    expect(group.iCalendar?.components?.map(([name]) => name)).toEqual(['valarm'])
    const unknown = icalendarToJSCalendar(
      text.replace('BEGıN:VALARM', 'BEGXN:VALARM').replace('END:VALARM\n', ''),
    )
    expect(unknown.iCalendar?.properties?.map(([name]) => name)).toContain('begxn')
  })
})

describe('JSCalendar that cannot become iCalendar gives a JSCalendarConversionError with the path', () => {
  const base: Event = { '@type': 'Event', uid: 'e1', start: '2024-01-01T10:00:00' }
  test.each([
    ['a start that is not a LocalDateTime', { ...base, start: '2024-01-01 10:00' }, '/start'],
    ['a missing uid', { ...base, uid: undefined as unknown as string }, '/uid'],
    ['an entry that is neither Event nor Task', { ...base, '@type': 'Note' as 'Event' }, '/@type'],
    [
      'an override patch that does not apply',
      {
        ...base,
        recurrenceOverrides: { '2024-01-02T10:00:00': { 'alerts/missing/action': 'email' } },
      },
      '/recurrenceOverrides/2024-01-02T10:00:00',
    ],
    [
      'an override that patches in an invalid start',
      { ...base, recurrenceOverrides: { '2024-01-02T10:00:00': { start: 'soon' } } },
      '/recurrenceOverrides/2024-01-02T10:00:00',
    ],
    [
      'a duration that is not one (written as DTEND)',
      { ...base, endTimeZone: 'Asia/Tokyo', duration: '1 hour' },
      '/duration',
    ],
  ])('%s', (_what, input, path) => {
    let caught: unknown
    try {
      jscalendarToICalendar(input as Event)
    } catch (error) {
      caught = error
    }
    expect(isJSCalendarConversionError(caught)).toBe(true)
    expect((caught as JSCalendarConversionError).path).toBe(path)
    expect((caught as JSCalendarConversionError).name).toBe('JSCalendarConversionError')
  })
})

describe('nothing escapes as an untyped exception', () => {
  test('a VTIMEZONE ical.js cannot use gives an ICalendarParseError', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VTIMEZONE',
      'TZID:Custom',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:garbage',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:1',
      'DTSTART;TZID=Custom:20240101T100000',
      'DTEND;TZID=Custom:20240101T110000',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')
    let caught: unknown
    try {
      icalendarToJSCalendar(text)
    } catch (error) {
      caught = error
    }
    // Either converted or refused with the typed error; never a raw TypeError from deep inside.
    if (caught !== undefined) expect(isICalendarParseError(caught)).toBe(true)
  })

  test('input that is not JSCalendar gives a JSCalendarConversionError', () => {
    expect(() => jscalendarToICalendar({ '@type': 'Group', entries: 'nope' } as never)).toThrow(
      JSCalendarConversionError,
    )
    expect(() => jscalendarToICalendar({ '@type': 'Event', uid: 'x', links: 5 } as never)).toThrow(
      JSCalendarConversionError,
    )
  })
})

describe('keys taken from the data cannot reach prototypes', () => {
  test('a JSPROP pointer through __proto__ stays inside the object', () => {
    const group = icalendarToJSCalendar(
      event(
        'JSPROP;JSPTR="__proto__/polluted":true',
        'JSPROP;JSPTR="constructor/prototype/polluted":true',
      ),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.hasOwn(group.entries[0] as object, '__proto__')).toBe(true)
  })

  test('a JSID of __proto__ is an ordinary key', () => {
    const group = icalendarToJSCalendar(
      event('BEGIN:VALARM', 'JSID:__proto__', 'ACTION:DISPLAY', 'TRIGGER:-PT5M', 'END:VALARM'),
    )
    const alerts = group.entries[0]?.alerts ?? {}
    expect(Object.keys(alerts)).toEqual(['__proto__'])
    expect(icalendarToJSCalendar(jscalendarToICalendar(group)).entries).toEqual(group.entries)
  })
})

describe('leniently (the default), a bad property is left out and reported, the rest kept', () => {
  test.each([
    ['a line without a colon', event('SUMMARY'), /SUMMARY/],
    ['a bad duration', event('DURATION:1H'), /invalid DURATION/],
    ['a bad integer', event('PRIORITY:high'), /invalid INTEGER/],
    ['a bad RRULE', event('RRULE:FREQ=SOMETIMES'), /invalid frequency/],
    ['a bad UNTIL', event('RRULE:FREQ=DAILY;UNTIL=2024'), /UNTIL/],
    ['a bad value in an X- property', event('X-SCORE;VALUE=INTEGER:lots'), /invalid INTEGER/],
  ])('%s', (_what, input, reason) => {
    const warnings: ICalendarWarning[] = []
    const group = icalendarToJSCalendar(input, { onWarning: (warning) => warnings.push(warning) })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.line).toBe(5)
    expect(warnings[0]?.reason).toMatch(reason)
    expect(warnings[0]?.reason).toMatch(/left out/)
    expect(group.entries[0]?.uid).toBeDefined()
  })

  test('an unknown TZID is read as floating, with a warning', () => {
    const warnings: ICalendarWarning[] = []
    const group = icalendarToJSCalendar(event('DTSTART;TZID=Mars/Olympus_Mons:20240101T100000'), {
      onWarning: (warning) => warnings.push(warning),
    })
    expect(group.entries[0]?.start).toBe('2024-01-01T10:00:00')
    expect(group.entries[0]?.timeZone).toBeUndefined()
    expect(warnings.map((warning) => warning.line)).toEqual([5])
    expect(warnings[0]?.reason).toMatch(/floating/)
  })

  test('a malformed DTSTART still refuses the input: the event cannot stand without it', () => {
    expect(parseError(event('DTSTART:2024XX01T000000')).reason).toMatch(/DTSTART/)
  })
})
