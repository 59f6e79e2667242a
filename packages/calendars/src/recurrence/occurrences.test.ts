import { describe, expect, it } from 'vitest'
import type { Event } from '../jscalendar/event.js'
import type { RecurrenceRule } from '../jscalendar/recurrence-rule.js'
import type { Task } from '../jscalendar/task.js'
import { iterateOccurrences, occurrencesBetween, occursBetween } from './occurrences.js'
import { recurrenceRuleDates } from './recurrence-rule-dates.js'

function dates(rule: RecurrenceRule, start: string, limit = 20): string[] {
  const found: string[] = []
  for (const wall of recurrenceRuleDates(rule, Date.parse(`${start}Z`))) {
    found.push(new Date(wall).toISOString().slice(0, 19))
    if (found.length >= limit) break
  }
  return found
}

const event = (extra: Partial<Event>): Event => ({
  '@type': 'Event',
  uid: 'weekly@example.com',
  start: '2026-03-02T09:00:00',
  timeZone: 'Europe/Berlin',
  duration: 'PT1H',
  ...extra,
})

describe('recurrenceRuleDates (examples of RFC 5545 §3.8.5.3)', () => {
  it('daily for 10 occurrences', () => {
    expect(dates({ frequency: 'daily', count: 10 }, '1997-09-02T09:00:00')).toHaveLength(10)
  })

  it('every other week on Monday, Wednesday and Friday until a date', () => {
    expect(
      dates(
        {
          frequency: 'weekly',
          interval: 2,
          until: '1997-09-24T23:59:59',
          firstDayOfWeek: 'su',
          byDay: [{ day: 'mo' }, { day: 'we' }, { day: 'fr' }],
        },
        '1997-09-01T09:00:00',
      ),
    ).toEqual([
      '1997-09-01T09:00:00',
      '1997-09-03T09:00:00',
      '1997-09-05T09:00:00',
      '1997-09-15T09:00:00',
      '1997-09-17T09:00:00',
      '1997-09-19T09:00:00',
    ])
  })

  it('monthly on the first Friday, the last day, and the second-to-last weekday', () => {
    expect(
      dates(
        { frequency: 'monthly', count: 3, byDay: [{ day: 'fr', nthOfPeriod: 1 }] },
        '1997-09-05T09:00:00',
      ),
    ).toEqual(['1997-09-05T09:00:00', '1997-10-03T09:00:00', '1997-11-07T09:00:00'])
    expect(
      dates({ frequency: 'monthly', count: 3, byMonthDay: [-1] }, '1997-09-30T09:00:00'),
    ).toEqual(['1997-09-30T09:00:00', '1997-10-31T09:00:00', '1997-11-30T09:00:00'])
    expect(
      dates(
        {
          frequency: 'monthly',
          count: 3,
          byDay: ['mo', 'tu', 'we', 'th', 'fr'].map((day) => ({ day: day as 'mo' })),
          bySetPosition: [-2],
        },
        '1997-09-29T09:00:00',
      ),
    ).toEqual(['1997-09-29T09:00:00', '1997-10-30T09:00:00', '1997-11-27T09:00:00'])
  })

  it('yearly: US Thanksgiving, Friday the 13th, week 20, day 100', () => {
    expect(
      dates(
        { frequency: 'yearly', count: 3, byMonth: ['11'], byDay: [{ day: 'th', nthOfPeriod: 4 }] },
        '2024-11-28T12:00:00',
      ),
    ).toEqual(['2024-11-28T12:00:00', '2025-11-27T12:00:00', '2026-11-26T12:00:00'])
    expect(
      dates(
        { frequency: 'monthly', byDay: [{ day: 'fr' }], byMonthDay: [13] },
        '1998-02-13T09:00:00',
        4,
      ),
    ).toEqual([
      '1998-02-13T09:00:00',
      '1998-03-13T09:00:00',
      '1998-11-13T09:00:00',
      '1999-08-13T09:00:00',
    ])
    expect(
      dates(
        { frequency: 'yearly', byWeekNo: [20], byDay: [{ day: 'mo' }] },
        '1997-05-12T09:00:00',
        3,
      ),
    ).toEqual(['1997-05-12T09:00:00', '1998-05-11T09:00:00', '1999-05-17T09:00:00'])
    expect(
      dates({ frequency: 'yearly', count: 2, byYearDay: [100] }, '1997-04-10T09:00:00'),
    ).toEqual(['1997-04-10T09:00:00', '1998-04-10T09:00:00'])
  })

  it('leaves out days a month lacks, and ends a rule that can never match', () => {
    expect(
      dates({ frequency: 'monthly', count: 3, byMonthDay: [31] }, '2026-01-31T09:00:00'),
    ).toEqual(['2026-01-31T09:00:00', '2026-03-31T09:00:00', '2026-05-31T09:00:00'])
    expect(
      dates({ frequency: 'yearly', byMonth: ['2'], byMonthDay: [30] }, '2026-01-01T09:00:00'),
    ).toEqual(['2026-01-01T09:00:00'])
  })

  // The engine counts days by arithmetic; JavaScript's Date (proleptic Gregorian too) is the
  // oracle over eight centuries, the span Outlook's 1601 zone rules start from.
  it('counts leap years and weekdays as Date does, from 1601 to 2400', () => {
    const leapDays = dates(
      { frequency: 'yearly', byMonth: ['2'], byMonthDay: [29] },
      '1600-02-29T00:00:00',
      500,
    ).filter((date) => date <= '2400-12-31')
    const leapYears: string[] = []
    for (let year = 1600; year <= 2400; year++)
      if (new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1) leapYears.push(`${year}-02-29`)
    expect(leapDays.map((date) => date.slice(0, 10))).toEqual(leapYears)
    expect(leapYears).not.toContain('1700-02-29')
    const lastSundays = dates(
      { frequency: 'yearly', byMonth: ['10'], byDay: [{ day: 'su', nthOfPeriod: -1 }] },
      '1601-10-28T03:00:00',
      800,
    )
    const expected: string[] = []
    for (let year = 1601; year <= 2400; year++) {
      const last = new Date(Date.UTC(year, 9, 31, 3))
      last.setUTCDate(31 - last.getUTCDay())
      expected.push(last.toISOString().slice(0, 19))
    }
    expect(lastSundays).toEqual(expected)
  })

  it('hourly with limits, and several times a day', () => {
    expect(
      dates(
        { frequency: 'hourly', interval: 3, until: '1997-09-02T17:00:00' },
        '1997-09-02T09:00:00',
      ),
    ).toEqual(['1997-09-02T09:00:00', '1997-09-02T12:00:00', '1997-09-02T15:00:00'])
    expect(
      dates(
        { frequency: 'daily', count: 4, byHour: [9, 17], byMinute: [30] },
        '2026-01-01T09:30:00',
      ),
    ).toEqual([
      '2026-01-01T09:30:00',
      '2026-01-01T17:30:00',
      '2026-01-02T09:30:00',
      '2026-01-02T17:30:00',
    ])
  })
})

describe('iterateOccurrences', () => {
  it('keeps the wall-clock time across a DST change and gives UTC per occurrence', () => {
    const occurrences = [
      ...iterateOccurrences(event({ recurrenceRule: { frequency: 'weekly', count: 6 } })),
    ]
    expect(occurrences.map((item) => item.utcStart)).toEqual([
      '2026-03-02T08:00:00Z',
      '2026-03-09T08:00:00Z',
      '2026-03-16T08:00:00Z',
      '2026-03-23T08:00:00Z',
      '2026-03-30T07:00:00Z',
      '2026-04-06T07:00:00Z',
    ])
    expect(occurrences[4]?.utcEnd).toBe('2026-03-30T08:00:00Z')
    expect(occurrences[4]?.recurrenceIdTimeZone).toBe('Europe/Berlin')
  })

  it('applies overrides: moved, excluded, added, and a patch without start keeps the time', () => {
    const series = event({
      recurrenceRule: { frequency: 'weekly', count: 4 },
      recurrenceOverrides: {
        '2026-03-09T09:00:00': { start: '2026-03-10T14:00:00', title: 'moved' },
        '2026-03-16T09:00:00': { excluded: true },
        '2026-03-20T18:00:00': {},
        '2026-03-23T09:00:00': { title: 'renamed' },
      },
    })
    const occurrences = [...iterateOccurrences(series)]
    expect(occurrences.map((item) => [item.recurrenceId, item.start, item.overridden])).toEqual([
      ['2026-03-02T09:00:00', '2026-03-02T09:00:00', false],
      ['2026-03-09T09:00:00', '2026-03-10T14:00:00', true],
      ['2026-03-20T18:00:00', '2026-03-20T18:00:00', false],
      ['2026-03-23T09:00:00', '2026-03-23T09:00:00', true],
    ])
    expect(occurrences[3]?.object.title).toBe('renamed')
    expect(occurrences[3]?.object.recurrenceId).toBe('2026-03-23T09:00:00')
    expect(occurrences[3]?.object.recurrenceRule).toBeUndefined()
  })

  it('is lazy on an endless rule', () => {
    const iterator = iterateOccurrences(event({ recurrenceRule: { frequency: 'daily' } }))
    let seen = 0
    for (const occurrence of iterator) {
      seen++
      if (occurrence.recurrenceId >= '2030-01-01') break
    }
    expect(seen).toBeGreaterThan(1000)
  })

  it('reads floating times in the zone given, and anchors a Task without start on its due', () => {
    const floating = event({})
    delete floating.timeZone
    expect([...iterateOccurrences(floating, { timeZone: 'America/New_York' })][0]?.utcStart).toBe(
      '2026-03-02T14:00:00Z',
    )
    const task: Task = {
      '@type': 'Task',
      uid: 'task@example.com',
      due: '2026-01-05T17:00:00',
      timeZone: 'Etc/UTC',
      recurrenceRule: { frequency: 'weekly', count: 2 },
    }
    expect([...iterateOccurrences(task)].map((item) => item.object.due)).toEqual([
      '2026-01-05T17:00:00',
      '2026-01-12T17:00:00',
    ])
  })
})

describe('occurrencesBetween', () => {
  it('finds instances by any occurrence, including one moved into the range', () => {
    const series = event({
      recurrenceRule: { frequency: 'weekly' },
      recurrenceOverrides: { '2026-06-01T09:00:00': { start: '2026-04-15T12:00:00' } },
    })
    const april = occurrencesBetween(series, {
      after: '2026-04-01T00:00:00',
      before: '2026-05-01T00:00:00',
      timeZone: 'Europe/Berlin',
    })
    expect(april.map((item) => item.start)).toEqual([
      '2026-04-06T09:00:00',
      '2026-04-13T09:00:00',
      '2026-04-15T12:00:00',
      '2026-04-20T09:00:00',
      '2026-04-27T09:00:00',
    ])
    const june = occurrencesBetween(series, {
      after: '2026-06-01T00:00:00Z',
      before: '2026-06-02T00:00:00Z',
    })
    expect(june).toEqual([])
  })

  it('counts an instance that started before the range and ends in it', () => {
    const long = event({ duration: 'P2D', recurrenceRule: { frequency: 'weekly', count: 2 } })
    expect(
      occurrencesBetween(long, {
        after: '2026-03-03T00:00:00Z',
        before: '2026-03-04T00:00:00Z',
      }).map((item) => item.recurrenceId),
    ).toEqual(['2026-03-02T09:00:00'])
  })

  it('refuses a bound that is not a date-time', () => {
    expect(() => occurrencesBetween(event({}), { before: 'soon' })).toThrow(RangeError)
  })
})

describe('occursBetween', () => {
  it('answers with either bound missing, on an endless rule too', () => {
    const weekly = event({ recurrenceRule: { frequency: 'weekly' } })
    expect(occursBetween(weekly, { after: '2040-01-01T00:00:00Z' })).toBe(true)
    expect(occursBetween(weekly, { before: '2026-03-02T08:00:00Z' })).toBe(false)
    expect(occursBetween(weekly, { before: '2026-03-02T08:00:01Z' })).toBe(true)
    const ended = event({ recurrenceRule: { frequency: 'weekly', count: 2 } })
    expect(occursBetween(ended, { after: '2026-03-10T00:00:00Z' })).toBe(false)
  })
})
