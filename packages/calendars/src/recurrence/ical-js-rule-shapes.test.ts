import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import type { NDay, RecurrenceRule } from '../jscalendar/recurrence-rule.js'
import { formatWallClock, wallClockMs } from '../zoned-time/index.js'
import { recurrenceRuleDates } from './recurrence-rule-dates.js'

// The rule shapes the engine computes month by month (BYMONTH with BYDAY, nth weekdays counted
// from either end, BYMONTHDAY, BYSETPOS; COUNT and UNTIL; leap days; VTIMEZONE rules from 1601)
// checked against ical.js's own RRULE iterator. The start is a date the rule makes (found by
// ical.js after a given day): a start outside the rule is a known difference (kewisch/ical.js#294).
// Where ical.js departs from RFC 5545 the shapes avoid it: it counts leap years before 1753 as the
// Julian calendar does (1700 has a 29th of February there; we count proleptic Gregorian, as Date
// does), gives up on a rule that makes nothing for a few years (a fifth Sunday of February),
// picks BYSETPOS among each month's BYMONTHDAY days rather than the period's, applies a yearly
// rule's BYSETPOS to each month BYMONTH names rather than to the year, and does not see that a
// yearly rule with a negative BYMONTHDAY makes its start (it drops the start and, with INTERVAL,
// counts the years from the next one): negative days of the month are checked without those. A
// monthly rule naming several months repeats or skips some of them in ical.js: one is named.

const weekdays: ReadonlyArray<NDay['day']> = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']
const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** Both forms of one rule: RFC 5545's RRULE text for ical.js and JSCalendar's for the engine. */
interface Shape {
  rrule: string
  rule: RecurrenceRule
}

function shapeOf(rule: RecurrenceRule): Shape {
  const parts = [`FREQ=${rule.frequency.toUpperCase()}`]
  if (rule.interval !== undefined) parts.push(`INTERVAL=${rule.interval}`)
  if (rule.byMonth !== undefined) parts.push(`BYMONTH=${rule.byMonth.join(',')}`)
  if (rule.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`)
  if (rule.byDay !== undefined)
    parts.push(
      `BYDAY=${rule.byDay.map(({ day, nthOfPeriod }) => `${nthOfPeriod ?? ''}${day.toUpperCase()}`).join(',')}`,
    )
  if (rule.bySetPosition !== undefined) parts.push(`BYSETPOS=${rule.bySetPosition.join(',')}`)
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`)
  if (rule.until !== undefined) parts.push(`UNTIL=${rule.until.replace(/[-:]/g, '')}`)
  return { rrule: parts.join(';'), rule }
}

const icalTime = (wall: number) => ICAL.Time.fromDateTimeString(formatWallClock(wall))

/** ical.js's dates of an RRULE from a start, as LocalDateTimes, at most `limit`. */
function icalJsDates(rrule: string, start: number, limit: number): string[] {
  const iterator = ICAL.Recur.fromString(rrule).iterator(icalTime(start))
  const found: string[] = []
  for (let next = iterator.next(); next && found.length < limit; next = iterator.next()) {
    if (next.year > 9999) break
    found.push(formatWallClock(wallClockMs(next.toString())))
  }
  return found
}

function engineDates(rule: RecurrenceRule, start: number, limit: number): string[] {
  const found: string[] = []
  for (const wall of recurrenceRuleDates(rule, start)) {
    if (found.length >= limit) break
    found.push(formatWallClock(wall))
  }
  return found
}

/**
 * A date the rule makes after `from`, as ical.js finds it (COUNT and UNTIL aside): the second it
 * gives, since from a start outside the rule ical.js's first can be that start or lie outside
 * BYMONTH.
 */
function firstMade(rule: RecurrenceRule, from: number): number | undefined {
  const { count: _count, until: _until, ...open } = rule
  const [, made] = icalJsDates(shapeOf(open).rrule, from, 2)
  return made === undefined ? undefined : wallClockMs(made)
}

/** Both sides' dates from a date the rule makes after `from`. */
function compare(rule: RecurrenceRule, from: string, limit = 40) {
  const start = firstMade(rule, wallClockMs(from))
  if (start === undefined) throw new Error(`${shapeOf(rule).rrule} makes nothing after ${from}`)
  return {
    ours: engineDates(rule, start, limit),
    icalJs: icalJsDates(shapeOf(rule).rrule, start, limit),
  }
}

describe('recurrence rule shapes agree with ical.js', () => {
  it.each<[string, RecurrenceRule, string]>([
    [
      "Outlook's European end of summer time from 1601",
      { frequency: 'yearly', byMonth: ['10'], byDay: [{ day: 'su', nthOfPeriod: -1 }] },
      '1601-01-01T03:00:00',
    ],
    [
      "Brazil's third Saturday of February from 1601",
      { frequency: 'yearly', byMonth: ['2'], byDay: [{ day: 'sa', nthOfPeriod: 3 }] },
      '1601-01-01T23:59:59',
    ],
    [
      'the second Sunday of March as BYDAY=SU;BYMONTHDAY=8,…,14',
      {
        frequency: 'yearly',
        byMonth: ['3'],
        byDay: [{ day: 'su' }],
        byMonthDay: [8, 9, 10, 11, 12, 13, 14],
      },
      '1967-01-01T02:00:00',
    ],
    [
      'the 29th of February, every leap year: 2000 but not 1900',
      { frequency: 'yearly', byMonth: ['2'], byMonthDay: [29] },
      '1880-01-01T09:00:00',
    ],
    [
      'the last day of February counted from the end',
      { frequency: 'yearly', byMonth: ['2'], byMonthDay: [-1] },
      '1896-01-01T09:00:00',
    ],
    [
      'the last weekday of the month (BYSETPOS=-1)',
      {
        frequency: 'monthly',
        byDay: weekdays.slice(0, 5).map((day) => ({ day })),
        bySetPosition: [-1],
      },
      '2024-01-01T09:00:00',
    ],
    [
      'the first and second-to-last weekend day of the month',
      {
        frequency: 'monthly',
        byDay: [{ day: 'sa' }, { day: 'su' }],
        bySetPosition: [1, -2],
      },
      '2023-11-01T10:00:00',
    ],
    [
      'the last Sunday of March and October with COUNT',
      {
        frequency: 'yearly',
        byMonth: ['3', '10'],
        byDay: [{ day: 'su', nthOfPeriod: -1 }],
        count: 25,
      },
      '1996-01-01T01:00:00',
    ],
    [
      'the first Sunday of April until 2006 (the old US rule)',
      {
        frequency: 'yearly',
        byMonth: ['4'],
        byDay: [{ day: 'su', nthOfPeriod: 1 }],
        until: '2006-04-02T02:00:00',
      },
      '1987-01-01T02:00:00',
    ],
  ])('%s', (_name, rule, from) => {
    const { ours, icalJs } = compare(rule, from)
    expect(icalJs.length).toBeGreaterThan(1)
    expect(ours).toEqual(icalJs)
  })

  const nday = fc.record(
    {
      day: fc.constantFrom(...weekdays),
      nthOfPeriod: fc.constantFrom(1, 2, 3, 4, -1, -2, -3, -4),
    },
    { requiredKeys: ['day'] },
  )
  const months = fc
    .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 })
    .map((list) => list.map(String))
  const monthDays = fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 7 })
  const plainDays = fc
    .uniqueArray(fc.constantFrom(...weekdays), { minLength: 1, maxLength: 7 })
    .map((days) => days.map((day): NDay => ({ day })))
  const shape: fc.Arbitrary<RecurrenceRule> = fc.oneof(
    // A VTIMEZONE's rule: months with nth weekdays, or weekdays among days of the month.
    fc.record({
      frequency: fc.constant('yearly' as const),
      byMonth: months,
      byDay: fc.uniqueArray(nday, { minLength: 1, maxLength: 2, selector: ({ day }) => day }),
    }),
    fc.record({
      frequency: fc.constant('yearly' as const),
      byMonth: months,
      byDay: plainDays,
      byMonthDay: monthDays,
    }),
    fc.record({
      frequency: fc.constant('yearly' as const),
      byMonth: months,
      byMonthDay: monthDays,
    }),
    fc.record({
      frequency: fc.constant('yearly' as const),
      byMonth: months.map((list) => list.slice(0, 1)),
      byDay: plainDays,
      bySetPosition: fc.uniqueArray(fc.constantFrom(1, 2, -1, -2), { minLength: 1, maxLength: 2 }),
    }),
    fc.record(
      {
        frequency: fc.constant('monthly' as const),
        byDay: fc.uniqueArray(nday, { minLength: 1, maxLength: 3, selector: ({ day }) => day }),
        byMonth: months.map((list) => list.slice(0, 1)),
      },
      { requiredKeys: ['frequency', 'byDay'] },
    ),
    fc.record(
      {
        frequency: fc.constant('monthly' as const),
        byDay: plainDays,
        bySetPosition: fc.uniqueArray(fc.constantFrom(1, 2, 3, -1, -2, -3), {
          minLength: 1,
          maxLength: 2,
        }),
      },
      { requiredKeys: ['frequency', 'byDay'] },
    ),
  )
  const ending = fc.oneof(
    fc.constant({}),
    fc.record({ count: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ untilDays: fc.integer({ min: 0, max: 40 * 366 }) }),
  )
  const from = fc
    .tuple(
      fc.constantFrom(1796, 1896, 1970, 1999, 2024, 2096, 2396),
      fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 23 }),
    )
    .map(
      ([era, years, month, day, hour]) =>
        `${pad(era + years, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:00:00`,
    )

  it('on generated rules of those shapes, every interval, with COUNT, UNTIL or neither', () => {
    let compared = 0
    fc.assert(
      fc.property(
        shape,
        fc.integer({ min: 1, max: 3 }),
        ending,
        from,
        (base, interval, end, at) => {
          const rule: RecurrenceRule = { ...base, ...(interval > 1 ? { interval } : {}) }
          if ('count' in end) rule.count = end.count
          const start = firstMade(rule, wallClockMs(at))
          // A rule that makes nothing for decades (BYMONTHDAY=-28 with BYDAY in one month) is
          // left out: ical.js gives up on it.
          if (start === undefined) return
          if ('untilDays' in end) rule.until = formatWallClock(start + end.untilDays * 86_400_000)
          const { rrule } = shapeOf(rule)
          expect(engineDates(rule, start, 40), rrule).toEqual(icalJsDates(rrule, start, 40))
          compared++
        },
      ),
      { numRuns: 300 },
    )
    expect(compared).toBeGreaterThan(200)
    // 300 rules expanded by both sides, ical.js slowly on rules that skip many periods.
  }, 60_000)
})
