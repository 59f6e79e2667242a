import type { NDay, RecurrenceRule } from '../jscalendar/recurrence-rule.js'

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

/** Monday 0 … Sunday 6 of a day counted from 1970-01-01 (a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7
}

interface Civil {
  year: number
  month: number
  day: number
}

function civil(day: number): Civil {
  const date = new Date(day * dayMs)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return Math.floor(date.getTime() / dayMs)
}

function daysInMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - dayNumber(year, month, 1)
}

/** The normalised parts of a rule, defaults filled in from the start as RFC 8984 says. */
interface Plan {
  frequency: RecurrenceRule['frequency']
  interval: number
  weekStart: number
  months: Set<number> | undefined
  weekNumbers: number[] | undefined
  yearDays: number[] | undefined
  monthDays: number[] | undefined
  weekdays: Set<number> | undefined
  nthWeekdays: Array<{ weekday: number; nth: number }>
  hours: number[]
  minutes: number[]
  seconds: number[]
  setPositions: number[] | undefined
}

const sortedUnique = (values: readonly number[]): number[] =>
  [...new Set(values)].sort((a, b) => a - b)

function plan(rule: RecurrenceRule, start: Date): Plan {
  const { frequency } = rule
  const startDay = Math.floor(start.getTime() / dayMs)
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
    monthDays = [start.getUTCDate()]
    if (months === undefined) months = [start.getUTCMonth() + 1]
  } else if (frequency === 'monthly' && byDay === undefined && monthDays === undefined) {
    monthDays = [start.getUTCDate()]
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
  for (const nday of byDay ?? []) {
    const weekday = weekdayNames.indexOf(nday.day)
    if (weekday < 0) continue
    if (nthApplies && nday.nthOfPeriod !== undefined && nday.nthOfPeriod !== 0)
      nthWeekdays.push({ weekday, nth: nday.nthOfPeriod })
    else weekdays.add(weekday)
  }
  const weekStart = weekdayNames.indexOf(rule.firstDayOfWeek ?? 'mo')
  return {
    frequency,
    interval: rule.interval ?? 1,
    weekStart: Math.max(weekStart, 0),
    months: months === undefined ? undefined : new Set(months),
    weekNumbers: rule.byWeekNo,
    yearDays: rule.byYearDay,
    monthDays,
    weekdays: byDay === undefined ? undefined : weekdays,
    nthWeekdays,
    hours: sortedUnique(rule.byHour ?? (atLeastDaily ? [start.getUTCHours()] : [])),
    minutes: sortedUnique(
      rule.byMinute ??
        (frequency === 'minutely' || frequency === 'secondly' ? [] : [start.getUTCMinutes()]),
    ),
    seconds: sortedUnique(
      rule.bySecond ?? (frequency === 'secondly' ? [] : [start.getUTCSeconds()]),
    ),
    setPositions: rule.bySetPosition,
  }
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

function dayMatches(day: number, p: Plan, year: number): boolean {
  const date = civil(day)
  if (p.months !== undefined && !p.months.has(date.month)) return false
  if (p.weekNumbers !== undefined) {
    const number = weekNumber(day, year, p.weekStart)
    const total = weeksInYear(year, p.weekStart)
    if (!p.weekNumbers.some((n) => (n > 0 ? n : total + 1 + n) === number)) return false
  }
  if (p.yearDays !== undefined) {
    const first = dayNumber(date.year, 1, 1)
    const length = dayNumber(date.year + 1, 1, 1) - first
    const ordinal = day - first + 1
    if (!p.yearDays.some((n) => (n > 0 ? n : length + 1 + n) === ordinal)) return false
  }
  if (p.monthDays !== undefined) {
    const length = daysInMonth(date.year, date.month)
    if (!p.monthDays.some((n) => (n > 0 ? n : length + 1 + n) === date.day)) return false
  }
  if (p.weekdays !== undefined) {
    if (p.weekdays.has(weekdayOf(day))) return true
    if (p.nthWeekdays.length === 0) return false
    // Within the month when the rule is monthly or names months, else within the year.
    const inMonth = p.frequency === 'monthly' || p.months !== undefined
    const first = inMonth ? dayNumber(date.year, date.month, 1) : dayNumber(date.year, 1, 1)
    const last = inMonth
      ? dayNumber(date.year, date.month + 1, 1) - 1
      : dayNumber(date.year + 1, 1, 1) - 1
    return p.nthWeekdays.some(({ weekday, nth }) => nthHits(day, first, last, weekday, nth))
  }
  return true
}

function timesOfDay(day: number, p: Plan, fixed: Date | undefined): number[] {
  const base = day * dayMs
  if (fixed === undefined) {
    const times: number[] = []
    for (const hour of p.hours)
      for (const minute of p.minutes)
        for (const second of p.seconds)
          times.push(base + ((hour * 60 + minute) * 60 + second) * 1000)
    return times
  }
  // Finer than daily: the period fixes the hour (and minute, second); BY parts above it limit.
  const hour = fixed.getUTCHours()
  const minute = fixed.getUTCMinutes()
  if (p.hours.length > 0 && !p.hours.includes(hour)) return []
  const minutes = p.frequency === 'hourly' ? p.minutes : [minute]
  if (p.frequency !== 'hourly' && p.minutes.length > 0 && !p.minutes.includes(minute)) return []
  const seconds = p.frequency === 'secondly' ? [fixed.getUTCSeconds()] : p.seconds
  if (
    p.frequency === 'secondly' &&
    p.seconds.length > 0 &&
    !p.seconds.includes(fixed.getUTCSeconds())
  )
    return []
  const times: number[] = []
  for (const m of minutes.length > 0 ? minutes : [minute])
    for (const s of seconds.length > 0 ? seconds : [fixed.getUTCSeconds()])
      times.push(base + ((hour * 60 + m) * 60 + s) * 1000)
  return times
}

/**
 * The candidate wall-clock times of the period with index `index` (0 = the start's period), and
 * when that period begins.
 */
function periodCandidates(p: Plan, start: Date, index: number): { begin: number; times: number[] } {
  const step = index * p.interval
  const startDay = Math.floor(start.getTime() / dayMs)
  let days: number[] = []
  let year = start.getUTCFullYear()
  let fixed: Date | undefined
  let begin: number
  switch (p.frequency) {
    case 'yearly': {
      year += step
      const first = dayNumber(year, 1, 1)
      begin = first * dayMs
      // Only the months the rule names can match: a BYMONTH rule (every VTIMEZONE's) checks
      // a month or two instead of the whole year.
      const spans: Array<[number, number]> =
        p.months === undefined
          ? [[first, dayNumber(year + 1, 1, 1)]]
          : [...p.months]
              .sort((a, b) => a - b)
              .map((month) => [dayNumber(year, month, 1), dayNumber(year, month + 1, 1)])
      for (const [from, to] of spans)
        for (let day = from; day < to; day++) if (dayMatches(day, p, year)) days.push(day)
      break
    }
    case 'monthly': {
      const monthIndex = year * 12 + start.getUTCMonth() + step
      year = Math.floor(monthIndex / 12)
      const month = (monthIndex % 12) + 1
      const first = dayNumber(year, month, 1)
      const last = dayNumber(year, month + 1, 1)
      begin = first * dayMs
      for (let day = first; day < last; day++) if (dayMatches(day, p, year)) days.push(day)
      break
    }
    case 'weekly': {
      const first = startDay - ((weekdayOf(startDay) - p.weekStart + 7) % 7) + 7 * step
      begin = first * dayMs
      for (let day = first; day < first + 7; day++)
        if (dayMatches(day, p, civil(day).year)) days.push(day)
      break
    }
    case 'daily': {
      const day = startDay + step
      begin = day * dayMs
      if (dayMatches(day, p, civil(day).year)) days = [day]
      break
    }
    default: {
      const unit = p.frequency === 'hourly' ? 3_600_000 : p.frequency === 'minutely' ? 60_000 : 1000
      fixed = new Date(Math.floor(start.getTime() / unit) * unit + step * unit)
      begin = fixed.getTime()
      const day = Math.floor(fixed.getTime() / dayMs)
      if (dayMatches(day, p, civil(day).year)) days = [day]
    }
  }
  const times = days.flatMap((day) => timesOfDay(day, p, fixed)).sort((a, b) => a - b)
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
  const start = new Date(startWall)
  const until = rule.until === undefined ? lastWall : Date.parse(`${rule.until}Z`)
  const count = rule.count ?? Number.POSITIVE_INFINITY
  if (startWall > until) return
  yield startWall
  let emitted = 1
  const p = plan(rule, start)
  let empty = 0
  for (
    let index = 0;
    emitted < count && empty < emptyPeriodLimit[p.frequency] / p.interval;
    index++
  ) {
    const { begin, times } = periodCandidates(p, start, index)
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
