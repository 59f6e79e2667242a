import type { NDay, RecurrenceRule } from '../jscalendar/recurrence-rule.js'
import type { ParsedProperty } from './parse-icalendar.js'
import type { ReadContext } from './read-context.js'
import { readTemporal } from './read-values.js'

const weekdayNumbers = ['', 'su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'] as const
const knownParts = new Set([
  'freq',
  'interval',
  'count',
  'until',
  'wkst',
  'rscale',
  'skip',
  'byday',
  'bymonth',
  'bymonthday',
  'byyearday',
  'byweekno',
  'byhour',
  'byminute',
  'bysecond',
  'bysetpos',
])

const listParts = [
  ['bymonthday', 'byMonthDay'],
  ['byyearday', 'byYearDay'],
  ['byweekno', 'byWeekNo'],
  ['byhour', 'byHour'],
  ['byminute', 'byMinute'],
  ['bysecond', 'bySecond'],
  ['bysetpos', 'bySetPosition'],
] as const

/**
 * Converts an RRULE into a RecurrenceRule, UNTIL moved into the event's time zone; returns
 * `undefined` for a rule with parts JSCalendar cannot hold, which then stays in `iCalendar`.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.38
 */
export function readRecurrenceRule(
  property: ParsedProperty,
  zone: string | undefined,
  context: ReadContext,
): RecurrenceRule | undefined {
  const recur = property.values[0] as Record<string, unknown>
  // (Object.keys, not for…in: RECUR values ical.js reads have no prototype, which makes V8 keep
  // them as dictionaries, and for…in walks those more slowly.)
  if (Object.keys(recur).some((part) => !knownParts.has(part))) return undefined
  const rule: RecurrenceRule = {
    '@type': 'RecurrenceRule',
    frequency: String(recur.freq).toLowerCase() as RecurrenceRule['frequency'],
  }
  if (recur.interval !== undefined) rule.interval = Number(recur.interval)
  if (typeof recur.rscale === 'string') rule.rscale = recur.rscale.toLowerCase()
  if (typeof recur.skip === 'string') rule.skip = recur.skip.toLowerCase() as 'omit'
  if (recur.wkst !== undefined) {
    const day =
      typeof recur.wkst === 'number' ? weekdayNumbers[recur.wkst] : String(recur.wkst).toLowerCase()
    if (day) rule.firstDayOfWeek = day as NDay['day']
  }
  if (recur.byday !== undefined) {
    const byDay: NDay[] = []
    for (const item of list(recur.byday)) {
      const match = /^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(String(item))
      if (match === null) return undefined
      const nday: NDay = { '@type': 'NDay', day: (match[2] ?? '').toLowerCase() as NDay['day'] }
      if (match[1] !== undefined) nday.nthOfPeriod = Number(match[1])
      byDay.push(nday)
    }
    rule.byDay = byDay
  }
  if (recur.bymonth !== undefined) rule.byMonth = list(recur.bymonth).map(String)
  for (const [part, key] of listParts) {
    if (recur[part] !== undefined) rule[key] = list(recur[part]).map(Number)
  }
  if (recur.count !== undefined) rule.count = Number(recur.count)
  if (typeof recur.until === 'string') {
    const until = readTemporal(
      { ...property, type: recur.until.length === 10 ? 'date' : 'date-time', parameters: {} },
      recur.until,
    )
    rule.until =
      until.zone === undefined
        ? until.local
        : context.zones.convert(until.local, until.zone, zone ?? until.zone)
  }
  return rule
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}
