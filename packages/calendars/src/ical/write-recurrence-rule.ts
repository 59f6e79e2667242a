import type { RecurrenceRule } from '../jscalendar/recurrence-rule.js'
import type { ComponentWriter } from './component-writer.js'
import type { TemporalForm } from './temporal-form.js'
import type { TimeZoneRules } from './time-zones.js'

const knownRuleKeys = new Set([
  '@type',
  'frequency',
  'interval',
  'rscale',
  'skip',
  'firstDayOfWeek',
  'byDay',
  'byMonthDay',
  'byMonth',
  'byYearDay',
  'byWeekNo',
  'byHour',
  'byMinute',
  'bySecond',
  'bySetPosition',
  'count',
  'until',
])

/**
 * Writes a RecurrenceRule as RRULE; UNTIL is written in UTC when the event has a time zone.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.38
 */
export function writeRecurrenceRule(
  writer: ComponentWriter,
  rule: RecurrenceRule,
  form: TemporalForm,
  zones: TimeZoneRules,
): void {
  const recur: Record<string, unknown> = { freq: rule.frequency.toUpperCase() }
  if (rule.interval !== undefined) recur.interval = rule.interval
  if (rule.rscale !== undefined) recur.rscale = rule.rscale.toUpperCase()
  if (rule.skip !== undefined) recur.skip = rule.skip.toUpperCase()
  if (rule.firstDayOfWeek !== undefined) recur.wkst = rule.firstDayOfWeek.toUpperCase()
  if (rule.byDay !== undefined) {
    recur.byday = rule.byDay.map((nday) => `${nday.nthOfPeriod ?? ''}${nday.day.toUpperCase()}`)
  }
  if (rule.byMonth !== undefined) recur.bymonth = rule.byMonth
  const lists = [
    ['byMonthDay', 'bymonthday'],
    ['byYearDay', 'byyearday'],
    ['byWeekNo', 'byweekno'],
    ['byHour', 'byhour'],
    ['byMinute', 'byminute'],
    ['bySecond', 'bysecond'],
    ['bySetPosition', 'bysetpos'],
  ] as const
  for (const [key, part] of lists) if (rule[key] !== undefined) recur[part] = rule[key]
  if (rule.count !== undefined) recur.count = rule.count
  if (rule.until !== undefined) {
    if (form.kind === 'date') recur.until = rule.until.slice(0, 10)
    else if (form.zone === undefined) recur.until = rule.until
    else recur.until = `${new Date(zones.toUtc(rule.until, form.zone)).toISOString().slice(0, 19)}Z`
  }
  writer.add('recurrenceRule', 'rrule', {}, 'recur', recur)
  writer.unknown(rule, knownRuleKeys, ['recurrenceRule'])
}
