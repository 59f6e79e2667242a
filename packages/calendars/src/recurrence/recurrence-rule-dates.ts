import type { NDay, RecurrenceRule } from '../jscalendar/recurrence-rule.js'
import { type CivilDate, civilDate, dayNumber } from '../zoned-time/civil-date.js'

const dayMs = 86_400_000
const weekdayNames: readonly NDay['day'][] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']
// A rule whose filters match nothing for 400 years in a row (say the 30th of February; the
// Gregorian calendar repeats every 400 years, so nothing can match later) ends; finer rules give
// up after 100,000 empty periods. So do rules that run past year 9999, the last year a
// LocalDateTime can name.
const emptyPeriodLimit: Record<RecurrenceRule['frequency'], number> = {
  yearly: 400,
  monthly: 4800,
  weekly: 20_871,
  daily: 146_097,
  hourly: 100_000,
  minutely: 100_000,
  secondly: 100_000,
}
const lastWall = Date.UTC(9999, 11, 31, 23, 59, 59)

// Days and civil dates convert by arithmetic (zoned-time/civil-date.ts), not through Date
// objects: the engine asks for them for every day it looks at, and a VTIMEZONE's rules run for
// centuries.

/** Monday 0 … Sunday 6 of a day counted from 1970-01-01 (a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7
}

const isLeapYear = (year: number): boolean =>
  year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Milliseconds since midnight of a wall-clock time. */
const timeOfDay = (wall: number): number => ((wall % dayMs) + dayMs) % dayMs

/** The normalised parts of a rule, defaults filled in from the start as RFC 8984 says. */
interface Plan {
  frequency: RecurrenceRule['frequency']
  interval: number
  weekStart: number
  /** The months named, as a set and in order. */
  months: Set<number> | undefined
  monthOrder: number[] | undefined
  weekNumbers: number[] | undefined
  yearDays: number[] | undefined
  monthDays: number[] | undefined
  weekdays: Set<number> | undefined
  nthWeekdays: Array<{ weekday: number; nth: number }>
  /** Bit `w` set for every weekday BYDAY names, with or without nth: no other day can match. */
  byDayMask: number
  /** The weekday when BYDAY names only one (`BYDAY=-1SU`, most rules), else undefined. */
  onlyWeekday: number | undefined
  hours: number[]
  minutes: number[]
  seconds: number[]
  /** Every time of day hours × minutes × seconds make, in milliseconds, for daily and coarser. */
  times: number[]
  setPositions: number[] | undefined
  /** The start's year, month (0–11) and day (from 1970-01-01). */
  startYear: number
  startMonth: number
  startDay: number
}

const sortedUnique = (values: readonly number[]): number[] =>
  values.length < 2 ? [...values] : [...new Set(values)].sort((a, b) => a - b)

/** Is `value` one of `values` counted from the end when negative (`-1` is `length`)? */
function namesOrdinal(values: readonly number[], length: number, value: number): boolean {
  for (const n of values) if ((n > 0 ? n : length + 1 + n) === value) return true
  return false
}

function plan(rule: RecurrenceRule, startWall: number): Plan {
  const { frequency } = rule
  const startDay = Math.floor(startWall / dayMs)
  const startDate = civilDate(startDay)
  const startTime = timeOfDay(startWall)
  let byDay = rule.byDay
  let monthDays = rule.byMonthDay
  let months = rule.byMonth
    ?.map((month) => Number(month))
    .filter((month) => Number.isInteger(month) && month >= 1 && month <= 12)
  const noDayParts =
    byDay === undefined &&
    monthDays === undefined &&
    rule.byYearDay === undefined &&
    rule.byWeekNo === undefined
  if (frequency === 'yearly' && noDayParts) {
    monthDays = [startDate.day]
    if (months === undefined) months = [startDate.month]
  } else if (frequency === 'monthly' && byDay === undefined && monthDays === undefined) {
    monthDays = [startDate.day]
  } else if (frequency === 'weekly' && byDay === undefined) {
    byDay = [{ day: weekdayNames[weekdayOf(startDay)] as NDay['day'] }]
  }
  const coarse = frequency === 'yearly' || frequency === 'monthly' || frequency === 'weekly'
  const atLeastDaily = coarse || frequency === 'daily'
  // nthOfPeriod means nothing for weekly and finer rules, and inside BYWEEKNO weeks.
  const nthApplies =
    (frequency === 'yearly' && rule.byWeekNo === undefined) || frequency === 'monthly'
  const weekdays = new Set<number>()
  const nthWeekdays: Plan['nthWeekdays'] = []
  let byDayMask = 0
  for (const nday of byDay ?? []) {
    const weekday = weekdayNames.indexOf(nday.day)
    if (weekday < 0) continue
    byDayMask |= 1 << weekday
    if (nthApplies && nday.nthOfPeriod !== undefined && nday.nthOfPeriod !== 0)
      nthWeekdays.push({ weekday, nth: nday.nthOfPeriod })
    else weekdays.add(weekday)
  }
  const weekStart = weekdayNames.indexOf(rule.firstDayOfWeek ?? 'mo')
  const hours = sortedUnique(
    rule.byHour ?? (atLeastDaily ? [Math.floor(startTime / 3_600_000)] : []),
  )
  const minutes = sortedUnique(
    rule.byMinute ??
      (frequency === 'minutely' || frequency === 'secondly'
        ? []
        : [Math.floor(startTime / 60_000) % 60]),
  )
  const seconds = sortedUnique(
    rule.bySecond ?? (frequency === 'secondly' ? [] : [Math.floor(startTime / 1000) % 60]),
  )
  const times: number[] = []
  for (const hour of hours)
    for (const minute of minutes)
      for (const second of seconds) times.push(((hour * 60 + minute) * 60 + second) * 1000)
  return {
    frequency,
    interval: rule.interval ?? 1,
    weekStart: Math.max(weekStart, 0),
    months: months === undefined ? undefined : new Set(months),
    monthOrder: months === undefined ? undefined : sortedUnique(months),
    weekNumbers: rule.byWeekNo,
    yearDays: rule.byYearDay,
    monthDays,
    weekdays: byDay === undefined ? undefined : weekdays,
    nthWeekdays,
    byDayMask,
    onlyWeekday: byDayMask === 0 ? undefined : singleBit(byDayMask),
    hours,
    minutes,
    seconds,
    times,
    setPositions: rule.bySetPosition,
    startYear: startDate.year,
    startMonth: startDate.month - 1,
    startDay,
  }
}

/** The position of the one bit set in `mask`, or undefined when several are. */
function singleBit(mask: number): number | undefined {
  const position = 31 - Math.clz32(mask)
  return mask === 1 << position ? position : undefined
}

/** Week number of a day in the week-numbering year `year` (week 1 holds at least 4 days of it). */
function weekNumber(day: number, year: number, weekStart: number): number {
  const jan4 = dayNumber(year, 1, 4)
  const firstWeek = jan4 - ((weekdayOf(jan4) - weekStart + 7) % 7)
  return Math.floor((day - firstWeek) / 7) + 1
}

function weeksInYear(year: number, weekStart: number): number {
  return weekNumber(dayNumber(year + 1, 1, 4), year, weekStart) - 1
}

/** Does the nth weekday rule (counted in the span first…last) hit the day? */
function nthHits(day: number, first: number, last: number, weekday: number, nth: number): boolean {
  if (weekdayOf(day) !== weekday) return false
  return nth > 0
    ? Math.floor((day - first) / 7) + 1 === nth
    : Math.floor((last - day) / 7) + 1 === -nth
}

/**
 * Does a day pass every BY part that names days? `date` is its civil date, `monthFirst` and
 * `monthLength` those of its month.
 */
function dayMatches(
  day: number,
  date: CivilDate,
  monthFirst: number,
  monthLength: number,
  p: Plan,
): boolean {
  const { year } = date
  if (p.months !== undefined && !p.months.has(date.month)) return false
  if (p.weekNumbers !== undefined) {
    const number = weekNumber(day, year, p.weekStart)
    const total = weeksInYear(year, p.weekStart)
    if (!namesOrdinal(p.weekNumbers, total, number)) return false
  }
  if (p.yearDays !== undefined) {
    const length = isLeapYear(year) ? 366 : 365
    const ordinal = day - dayNumber(year, 1, 1) + 1
    if (!namesOrdinal(p.yearDays, length, ordinal)) return false
  }
  if (p.monthDays !== undefined && !namesOrdinal(p.monthDays, monthLength, date.day)) return false
  if (p.weekdays !== undefined) {
    if (p.weekdays.has(weekdayOf(day))) return true
    if (p.nthWeekdays.length === 0) return false
    // Within the month when the rule is monthly or names months, else within the year.
    const inMonth = p.frequency === 'monthly' || p.months !== undefined
    const first = inMonth ? monthFirst : dayNumber(year, 1, 1)
    const last = inMonth ? monthFirst + monthLength - 1 : dayNumber(year + 1, 1, 1) - 1
    for (const { weekday, nth } of p.nthWeekdays)
      if (nthHits(day, first, last, weekday, nth)) return true
    return false
  }
  return true
}

/** {@link dayMatches} for a day on its own (weekly and finer periods). */
function singleDayMatches(day: number, p: Plan): boolean {
  const date = civilDate(day)
  const monthFirst = day - date.day + 1
  return dayMatches(day, date, monthFirst, daysInMonth(date.year, date.month), p)
}

/** The days of a month that match, in order, added to `days`. */
function matchingDaysOfMonth(year: number, month: number, p: Plan, days: number[]): void {
  const first = dayNumber(year, month, 1)
  const length = daysInMonth(year, month)
  const firstWeekday = weekdayOf(first)
  const date: CivilDate = { year, month, day: 1 }
  // A day whose weekday BYDAY does not name cannot match: only those it names are checked, a
  // week apart when it names one.
  const only = p.weekdays === undefined ? undefined : p.onlyWeekday
  const from = only === undefined ? 0 : (only - firstWeekday + 7) % 7
  const step = only === undefined ? 1 : 7
  for (let index = from; index < length; index += step) {
    if (p.weekdays !== undefined && (p.byDayMask & (1 << ((firstWeekday + index) % 7))) === 0)
      continue
    date.day = index + 1
    if (dayMatches(first + index, date, first, length, p)) days.push(first + index)
  }
}

/** The wall-clock times of the matching days, at every time of day the rule makes, in order. */
function timesOf(days: readonly number[], p: Plan): number[] {
  const times: number[] = []
  let ordered = true
  for (const day of days)
    for (const offset of p.times) {
      const time = day * dayMs + offset
      if (times.length > 0 && time < (times[times.length - 1] as number)) ordered = false
      times.push(time)
    }
  return ordered ? times : times.sort((a, b) => a - b)
}

/** Finer than daily: the period fixes the hour (and minute, second); BY parts above it limit. */
function timesInPeriod(day: number, p: Plan, fixed: number): number[] {
  const base = day * dayMs
  const time = timeOfDay(fixed)
  const hour = Math.floor(time / 3_600_000)
  const minute = Math.floor(time / 60_000) % 60
  const second = Math.floor(time / 1000) % 60
  if (p.hours.length > 0 && !p.hours.includes(hour)) return []
  const minutes = p.frequency === 'hourly' ? p.minutes : [minute]
  if (p.frequency !== 'hourly' && p.minutes.length > 0 && !p.minutes.includes(minute)) return []
  const seconds = p.frequency === 'secondly' ? [second] : p.seconds
  if (p.frequency === 'secondly' && p.seconds.length > 0 && !p.seconds.includes(second)) return []
  const times: number[] = []
  for (const m of minutes.length > 0 ? minutes : [minute])
    for (const s of seconds.length > 0 ? seconds : [second])
      times.push(base + ((hour * 60 + m) * 60 + s) * 1000)
  return times.sort((a, b) => a - b)
}

/**
 * The candidate wall-clock times of the period with index `index` (0 = the start's period), and
 * when that period begins.
 */
function periodCandidates(
  p: Plan,
  startWall: number,
  index: number,
): { begin: number; times: number[] } {
  const step = index * p.interval
  const days: number[] = []
  let begin: number
  let times: number[]
  switch (p.frequency) {
    case 'yearly': {
      const year = p.startYear + step
      begin = dayNumber(year, 1, 1) * dayMs
      // Only the months the rule names can match: a BYMONTH rule (every VTIMEZONE's) checks
      // a month or two instead of the whole year.
      if (p.monthOrder === undefined)
        for (let month = 1; month <= 12; month++) matchingDaysOfMonth(year, month, p, days)
      else for (const month of p.monthOrder) matchingDaysOfMonth(year, month, p, days)
      times = timesOf(days, p)
      break
    }
    case 'monthly': {
      const monthIndex = p.startYear * 12 + p.startMonth + step
      const year = Math.floor(monthIndex / 12)
      const month = (monthIndex % 12) + 1
      begin = dayNumber(year, month, 1) * dayMs
      matchingDaysOfMonth(year, month, p, days)
      times = timesOf(days, p)
      break
    }
    case 'weekly': {
      const first = p.startDay - ((weekdayOf(p.startDay) - p.weekStart + 7) % 7) + 7 * step
      begin = first * dayMs
      for (let day = first; day < first + 7; day++) if (singleDayMatches(day, p)) days.push(day)
      times = timesOf(days, p)
      break
    }
    case 'daily': {
      const day = p.startDay + step
      begin = day * dayMs
      times = singleDayMatches(day, p) ? timesOf([day], p) : []
      break
    }
    default: {
      const unit = p.frequency === 'hourly' ? 3_600_000 : p.frequency === 'minutely' ? 60_000 : 1000
      const fixed = Math.floor(startWall / unit) * unit + step * unit
      begin = fixed
      const day = Math.floor(fixed / dayMs)
      times = singleDayMatches(day, p) ? timesInPeriod(day, p, fixed) : []
    }
  }
  if (p.setPositions === undefined) return { begin, times }
  const chosen = p.setPositions
    .map((position) => times[position > 0 ? position - 1 : times.length + position])
    .filter((time): time is number => time !== undefined)
  return { begin, times: sortedUnique(chosen) }
}

/**
 * The dates a recurrence rule generates from a start, in order, as wall-clock times (a
 * LocalDateTime read as if it were UTC, in milliseconds): the start itself first (it counts
 * towards `count`, as in iCalendar), then every later date the rule's BY parts select, up to
 * `count` or `until`. Unbounded rules give an endless sequence; take what you need.
 *
 * Only the Gregorian calendar is computed (`rscale` is read as Gregorian); dates a BY part names
 * but the month lacks (the 31st of April) are left out, as `skip: "omit"` says.
 *
 * @see RFC 8984 §4.3.3
 * @see RFC 5545 §3.3.10
 * @example [...take(recurrenceRuleDates({ frequency: 'daily', count: 2 }, Date.UTC(2026, 0, 1, 9)))]
 * // [Date.UTC(2026, 0, 1, 9), Date.UTC(2026, 0, 2, 9)]
 */
export function* recurrenceRuleDates(rule: RecurrenceRule, startWall: number): Generator<number> {
  const until = rule.until === undefined ? lastWall : Date.parse(`${rule.until}Z`)
  const count = rule.count ?? Number.POSITIVE_INFINITY
  if (startWall > until) return
  yield startWall
  let emitted = 1
  const p = plan(rule, startWall)
  let empty = 0
  for (
    let index = 0;
    emitted < count && empty < emptyPeriodLimit[p.frequency] / p.interval;
    index++
  ) {
    const { begin, times } = periodCandidates(p, startWall, index)
    if (begin > until) return
    let any = false
    for (const candidate of times) {
      if (candidate <= startWall) continue
      if (candidate > until) return
      any = true
      yield candidate
      emitted++
      if (emitted >= count) return
    }
    empty = any ? 0 : empty + 1
  }
}
