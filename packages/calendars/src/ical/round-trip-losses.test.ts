import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { occurrencesBetween } from '../recurrence/index.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import type { ICalendarWarning } from './icalendar-warning.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'

// What used to be lost between iCalendar and JSCalendar and back, each on a real file from the
// world corpus (../shared/testdata/world, read-only) where one shows it.
const world = (name: string): string =>
  readFileSync(
    new URL(`../../../../../shared/testdata/world/ical/${name}`, import.meta.url),
    'utf8',
  )

const calendar = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join(
    '\r\n',
  )

const roundTrip = (text: string): string => jscalendarToICalendar(icalendarToJSCalendar(text))

type Component = InstanceType<typeof ICAL.Component>
const parsed = (text: string): Component => new ICAL.Component(ICAL.parse(text))

describe('METHOD', () => {
  test('is kept by a calendar without events or tasks (a free/busy reply)', () => {
    const text = world('icalendar/issue_27_multiple_periods_in_freebusy_multiple_freebusies.ics')
    const again = roundTrip(text)
    expect(parsed(again).getFirstPropertyValue('method')).toBe('REPLY')
    expect(roundTrip(again)).toBe(again)
  })

  test('is written once where the entries carry it', () => {
    const text = calendar(
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:m',
      'DTSTART:20260101T100000Z',
      'END:VEVENT',
    )
    expect(roundTrip(text).match(/^METHOD:/gm)).toEqual(['METHOD:'])
  })
})

describe('CATEGORIES', () => {
  test('each line keeps its own parameters', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:categories',
      'DTSTART:20260101T100000Z',
      'CATEGORIES;LANGUAGE=en:Meeting,Work',
      'CATEGORIES;LANGUAGE=de:Besprechung',
      'CATEGORIES:plain',
      'END:VEVENT',
    )
    const group = icalendarToJSCalendar(text)
    expect(Object.keys(group.entries[0]?.keywords ?? {})).toEqual([
      'Meeting',
      'Work',
      'Besprechung',
      'plain',
    ])
    const lines = roundTrip(text)
      .split('\r\n')
      .filter((line) => line.startsWith('CATEGORIES'))
    expect(lines).toEqual([
      'CATEGORIES;LANGUAGE=en:Meeting,Work',
      'CATEGORIES;LANGUAGE=de:Besprechung',
      'CATEGORIES:plain',
    ])
  })

  test('lines without parameters still merge into one', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:categories',
      'DTSTART:20260101T100000Z',
      'CATEGORIES:a,b',
      'CATEGORIES:c',
      'END:VEVENT',
    )
    expect(roundTrip(text)).toContain('CATEGORIES:a,b,c\r\n')
    expect(icalendarToJSCalendar(text).entries[0]?.iCalendar).toBeUndefined()
  })
})

describe('RDATE and EXDATE', () => {
  test('an EXDATE of an instance that also has an override component stays (blalor.ics)', () => {
    const text = world('ical4j/blalor.ics')
    const [event] = icalendarToJSCalendar(text).entries
    expect(event?.recurrenceOverrides?.['2004-03-24T00:00:00']?.excluded).toBe(true)
    const again = roundTrip(text)
    const main = parsed(again)
      .getAllSubcomponents('vevent')
      .find((component) => !component.hasProperty('recurrence-id'))
    const exdates = main?.getAllProperties('exdate').map((exdate) => String(exdate.getFirstValue()))
    expect(exdates?.sort()).toEqual(['2004-02-24', '2004-03-24'])
    expect(parsed(again).getAllSubcomponents('vevent')).toHaveLength(3)
    expect(roundTrip(again)).toBe(again)
    // Like ical.js, the expansion leaves the excluded instances out.
    const starts = occurrencesBetween(event!, {
      after: '2004-01-01T00:00:00',
      before: '2004-06-01T00:00:00',
    }).map((occurrence) => occurrence.recurrenceId)
    expect(starts).toEqual(['2004-04-24T00:00:00', '2004-05-24T00:00:00'])
  })

  test('of two overrides of one instance the higher SEQUENCE wins, the other is kept', () => {
    const text = world('node-ical/recurrence-sequence.ics')
    const [event] = icalendarToJSCalendar(text).entries
    expect(event?.recurrenceOverrides?.['2024-01-02T10:00:00']?.title).toBe(
      'Moved to afternoon (SEQUENCE 3)',
    )
    expect(event?.recurrenceOverrides?.['2024-01-03T10:00:00']?.title).toBe(
      'Newer override (SEQUENCE 5) - should win',
    )
    const again = roundTrip(text)
    expect(parsed(again).getAllSubcomponents('vevent')).toHaveLength(
      parsed(text).getAllSubcomponents('vevent').length,
    )
    expect(again).toContain('Older version (SEQUENCE 1)')
    expect(roundTrip(again)).toBe(again)
  })

  test('an EXDATE;VALUE=DATE on a DATE-TIME series stays a DATE (icaljs/rdate_exdate.ics)', () => {
    const again = roundTrip(world('icaljs/rdate_exdate.ics'))
    expect(again).toContain('EXDATE;VALUE=DATE:20240611\r\n')
  })

  test('two RDATEs in different zones at the same local time both stay', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:rdates',
      'DTSTART:20260105T100000',
      'RDATE;TZID=Europe/Berlin:20260110T100000',
      'RDATE;TZID=America/New_York:20260110T100000',
      'END:VEVENT',
    )
    const again = roundTrip(text)
    const rdates = parsed(again)
      .getFirstSubcomponent('vevent')
      ?.getAllProperties('rdate')
      .map((rdate) => `${rdate.getParameter('tzid')} ${rdate.getFirstValue()}`)
    expect(rdates).toEqual([
      'Europe/Berlin 2026-01-10T10:00:00',
      'America/New_York 2026-01-10T10:00:00',
    ])
    expect(roundTrip(again)).toBe(again)
  })
})

describe('a malformed RRULE part', () => {
  test('is dropped with a warning and never written as "=undefined" (node-ical/badRRULE.ics)', () => {
    const warnings: ICalendarWarning[] = []
    const group = icalendarToJSCalendar(world('node-ical/badRRULE.ics'), {
      onWarning: (warning) => warnings.push(warning),
    })
    expect(warnings).toContainEqual({
      line: 50,
      reason: 'RRULE has a part without a value: "RRULE:ANYTHINGRANDOM"; the part is left out',
    })
    const text = jscalendarToICalendar(group)
    expect(text).not.toContain('undefined')
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR,MO,TH,TU,WE\r\n')
  })

  test('is refused when strict', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:r',
      'DTSTART:20260101T100000Z',
      'RRULE:FREQ=DAILY;FOO',
      'END:VEVENT',
    )
    expect(() => icalendarToJSCalendar(text, { strict: true })).toThrow(
      'iCalendar line 7: RRULE has a part without a value: "FOO"',
    )
  })
})

describe('a VALARM without TRIGGER', () => {
  test('is kept as iCalendar with a warning, not made an alert the export refuses', () => {
    const warnings: ICalendarWarning[] = []
    const text = world('icaljs/component.ics')
    const group = icalendarToJSCalendar(text, { onWarning: (warning) => warnings.push(warning) })
    expect(warnings).toContainEqual({
      line: 5,
      reason: 'VALARM without TRIGGER; it is kept as iCalendar, not as an alert',
    })
    expect(group.entries[0]?.alerts).toBeUndefined()
    const again = jscalendarToICalendar(group)
    const alarm = parsed(again).getFirstSubcomponent('vevent')?.getFirstSubcomponent('valarm')
    expect(alarm?.getFirstPropertyValue('summary')).toBe('escaped, comma and; semicolon\nnewline')
    expect(roundTrip(again)).toBe(again)
  })

  test('is refused when strict', () => {
    expect(() => icalendarToJSCalendar(world('icaljs/component.ics'), { strict: true })).toThrow(
      'iCalendar line 5: VALARM without TRIGGER',
    )
  })

  test('TRIGGER with a DATE-TIME value but no VALUE parameter is read as DATE-TIME', () => {
    const warnings: ICalendarWarning[] = []
    const group = icalendarToJSCalendar(world('allenporter-ical/todo_valarm.ics'), {
      onWarning: (warning) => warnings.push(warning),
    })
    expect(Object.values(group.entries[0]?.alerts ?? {})[0]?.trigger).toEqual({
      '@type': 'AbsoluteTrigger',
      when: '1998-04-03T12:00:00Z',
    })
    expect(warnings.map((warning) => warning.line)).toEqual([15])
  })
})

describe('a DATE value without VALUE=DATE', () => {
  test('is read as DATE with a warning (allenporter-ical/emoji.ics)', () => {
    const warnings: ICalendarWarning[] = []
    const [event] = icalendarToJSCalendar(world('allenporter-ical/emoji.ics'), {
      onWarning: (warning) => warnings.push(warning),
    }).entries
    expect(event?.start).toBe('1997-12-25T00:00:00')
    expect(event?.showWithoutTime).toBe(true)
    expect(event?.duration).toBe('P1D')
    expect(warnings.map((warning) => warning.line)).toEqual([7, 8])
    expect(warnings[0]?.reason).toMatch(/read as DATE \(its form\) instead$/)
  })
})

describe('components outside a VCALENDAR', () => {
  test('are read as if in one, with a warning (khal/event_dt_two_rd.ics)', () => {
    const warnings: ICalendarWarning[] = []
    const group = icalendarToJSCalendar(world('khal/event_dt_two_rd.ics'), {
      onWarning: (warning) => warnings.push(warning),
    })
    expect(warnings).toContainEqual({
      line: 1,
      reason: 'BEGIN:VEVENT outside of a VCALENDAR; read as if in one',
    })
    expect(group.entries).toHaveLength(1)
  })

  test('are refused when strict, and what is not iCalendar stays refused', () => {
    expect(() =>
      icalendarToJSCalendar(world('khal/event_dt_two_rd.ics'), { strict: true }),
    ).toThrow('expected BEGIN:VCALENDAR, found BEGIN:VEVENT')
    expect(() => icalendarToJSCalendar(world('libical/issue339.ics'))).toThrow(
      'expected BEGIN:VCALENDAR, found BEGIN:VCARD',
    )
  })
})
