import type { NDay, RecurrenceRule } from '../jscalendar/recurrence-rule.js'
import { recurrenceRuleDates } from '../recurrence/recurrence-rule-dates.js'
import { formatWallClock } from '../zoned-time/index.js'
import type { CustomZoneOffsets } from './matching-iana-zone.js'
import type { OffsetTransition, offsetTransitions } from './offset-transitions.js'
import type { ParsedComponent, ParsedProperty } from './parse-icalendar.js'
import type { ReadContext } from './read-context.js'
import { readRecurrenceRule } from './read-recurrence-rule.js'

/**
 * A zone a VTIMEZONE defines: its UTC offset at any instant, worked out from its observances for
 * the years asked about only.
 *
 * @see RFC 5545 §3.6.5
 */
export interface VTimezoneRules extends CustomZoneOffsets {
  /** The offset (milliseconds ahead of UTC) in force at a UTC instant (milliseconds). */
  offsetAt(instant: number): number
  /**
   * Its offset changes after `from` up to `to` (UTC instants), each at the first quarter hour
   * it is in force (as {@link offsetTransitions} finds them in an IANA zone).
   */
  transitions(from: number, to: number): OffsetTransition[]
}

/** One STANDARD or DAYLIGHT observance, its onsets as wall-clock times (read as UTC). */
interface Observance {
  /** TZOFFSETFROM and TZOFFSETTO, in milliseconds ahead of UTC. */
  from: number
  to: number
  /** DTSTART. */
  start: number
  /** Every RDATE, and DTSTART unless a rule that can start in any year decides (see onsetsIn). */
  listed: number[]
  rule: RecurrenceRule | undefined
  /** The rule's dates in a year, computed directly, for the rules most VTIMEZONEs have. */
  yearly: ((year: number) => number[]) | undefined
  /** The rule's dates from DTSTART, for rules that cannot be restarted in a later year. */
  expansion?: { dates: number[]; rest: Generator<number>; done: boolean }
}

/** Onsets of the years `first`…`last` in order, and the last one before them. */
interface Covered {
  first: number
  last: number
  onsets: Onset[]
  before: Onset | undefined
}

const quarterHourMs = 900_000

/** A change of offset: the onset of an observance. */
interface Onset {
  instant: number
  from: number
  to: number
}

const utcOffsetPattern = /^([+-])(\d\d):?(\d\d)(?::?(\d\d))?$/

function offsetMs(value: unknown): number {
  const match = utcOffsetPattern.exec(String(value))
  if (match === null) return Number.NaN
  const [, sign, hours, minutes, seconds] = match
  // RFC 5545 §3.3.14: hours 00–23, minutes and seconds 00–59 (`+5744` is no offset).
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return Number.NaN
  const ms = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds ?? 0)) * 1000
  return sign === '-' ? -ms : ms
}

/** The wall-clock milliseconds of a DATE or DATE-TIME value (NaN if malformed). */
function wallOf(value: unknown, timeOfDay: number): number {
  const text = String(value)
  if (/^\d{4}-\d\d-\d\d$/.test(text)) return Date.parse(`${text}T00:00:00Z`) + timeOfDay
  return Date.parse(`${text.slice(0, 19)}Z`)
}

/** January 1st, 00:00 of a year as wall-clock milliseconds (years below 100 too). */
function yearStart(year: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, 0, 1)
  return date.getTime()
}

const yearOf = (wall: number): number => new Date(wall).getUTCFullYear()

// readRecurrenceRule needs the zones only to move UNTIL, which observanceRule reads itself.
const noZones = { lossless: false } as ReadContext

/**
 * An observance's RRULE as a rule over wall-clock times: a UTC UNTIL is moved into TZOFFSETFROM,
 * the offset the onsets are written in.
 */
function observanceRule(property: ParsedProperty, from: number): RecurrenceRule | undefined {
  const recur = property.values[0]
  if (typeof recur !== 'object' || recur === null) return undefined
  const { until, ...parts } = recur as { until?: unknown }
  const rule = readRecurrenceRule({ ...property, values: [parts] }, undefined, noZones)
  if (rule === undefined) return undefined
  if (typeof until === 'string') {
    const wall = wallOf(until, 0)
    if (Number.isNaN(wall)) return undefined
    rule.until = formatWallClock(until.endsWith('Z') ? wall + from : wall)
  }
  return rule
}

/**
 * An observance's offsets and onsets; `null` for one without a DTSTART, TZOFFSETFROM or TZOFFSETTO
 * it can read (left out: ical.js does so with a missing one, and one bad offset in a zone's
 * history should not lose its other rules), `undefined` for one whose RDATE or RRULE it cannot
 * read.
 */
function readObservance(component: ParsedComponent): Observance | null | undefined {
  const property = (name: string) => component.properties.find((item) => item.name === name)
  const from = offsetMs(property('tzoffsetfrom')?.values[0])
  const to = offsetMs(property('tzoffsetto')?.values[0])
  const dtstart = property('dtstart')?.values[0]
  // DTSTART is a local time (RFC 5545 §3.6.5); one written in UTC is read as local too, as
  // ical.js does, but then makes its DATE RDATEs UTC.
  const start = wallOf(dtstart, 0)
  if (Number.isNaN(from) || Number.isNaN(to) || Number.isNaN(start)) return null
  const timeOfDay = ((start % 86_400_000) + 86_400_000) % 86_400_000
  const utcDates = String(dtstart).endsWith('Z')
  const listed: number[] = []
  for (const rdate of component.properties)
    if (rdate.name === 'rdate')
      for (const value of rdate.values) {
        // A UTC RDATE is the onset's instant; others are wall-clock times in TZOFFSETFROM.
        const text = String(value)
        const wall = wallOf(text, timeOfDay)
        const utc = text.endsWith('Z') || (utcDates && !text.includes('T'))
        listed.push(utc ? wall + from : wall)
      }
  if (listed.some(Number.isNaN)) return undefined
  const rrule = property('rrule')
  const rule = rrule === undefined ? undefined : observanceRule(rrule, from)
  if (rrule !== undefined && rule === undefined) return undefined
  const full = rule === undefined ? undefined : withStartParts(rule, start)
  // A rule that gives the same dates from any January 1st says whether DTSTART is an onset, as
  // ical.js reads it (RFC 5545 §3.8.5.3 leaves a DTSTART the rule does not make undefined).
  if (full === undefined || !restartable(full)) listed.unshift(start)
  return {
    from,
    to,
    start,
    listed,
    rule: full,
    yearly: full === undefined ? undefined : yearlyDates(full),
  }
}

/**
 * The rule with the parts it takes from DTSTART written out, so that it gives the same dates when
 * started on any later January 1st: the day and month of a yearly rule without day parts, the
 * time of day.
 */
function withStartParts(rule: RecurrenceRule, start: number): RecurrenceRule {
  const date = new Date(start)
  const noDayParts =
    rule.byDay === undefined &&
    rule.byMonthDay === undefined &&
    rule.byYearDay === undefined &&
    rule.byWeekNo === undefined
  return {
    ...rule,
    ...(rule.frequency === 'yearly' && noDayParts
      ? {
          byMonthDay: [date.getUTCDate()],
          byMonth: rule.byMonth ?? [String(date.getUTCMonth() + 1)],
        }
      : {}),
    byHour: rule.byHour ?? [date.getUTCHours()],
    byMinute: rule.byMinute ?? [date.getUTCMinutes()],
    bySecond: rule.bySecond ?? [date.getUTCSeconds()],
  }
}

/**
 * A yearly rule every year without COUNT makes the same dates in a year whichever earlier year it
 * starts in (its other parts written out): it can start the year before the span asked about
 * instead of in DTSTART's (Outlook's 1601).
 */
function restartable(rule: RecurrenceRule): boolean {
  return rule.frequency === 'yearly' && (rule.interval ?? 1) === 1 && rule.count === undefined
}

const weekdays = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa']

/**
 * The dates a yearly rule makes in a year, computed directly, for rules of the forms VTIMEZONEs
 * use: every year, no COUNT, months named, each with nth weekdays (`BYDAY=-1SU`), days of the
 * month (`BYMONTHDAY=25`) or weekdays among days of the month (`BYDAY=SU;BYMONTHDAY=8,…,14`), one
 * time of day. `undefined` for other rules (worked out by the general expansion).
 */
function yearlyDates(rule: RecurrenceRule): ((year: number) => number[]) | undefined {
  const { byDay, byMonthDay, byHour, byMinute, bySecond } = rule
  if (!restartable(rule) || rule.byMonth === undefined) return undefined
  if (rule.byYearDay !== undefined || rule.byWeekNo !== undefined) return undefined
  if (rule.bySetPosition !== undefined) return undefined
  if (byDay?.some((nday) => !weekdays.includes(nday.day))) return undefined
  const nth = byDay?.every((nday) => nday.nthOfPeriod) === true
  const plain = byDay === undefined || byDay.every((nday) => !nday.nthOfPeriod)
  // nth weekdays alone, or days of the month, of some weekdays or all.
  if (nth ? byMonthDay !== undefined : !plain || byMonthDay === undefined) return undefined
  if (byHour?.length !== 1 || byMinute?.length !== 1 || bySecond?.length !== 1) return undefined
  const time =
    (((byHour[0] as number) * 60 + (byMinute[0] as number)) * 60 + (bySecond[0] as number)) * 1000
  if (!Number.isFinite(time) || time < 0 || time >= 86_400_000) return undefined
  const months = [...new Set(rule.byMonth.map(Number))]
    .filter((month) => Number.isInteger(month) && month >= 1 && month <= 12)
    .sort((a, b) => a - b)
  const allowed = byDay === undefined ? undefined : byDay.map(({ day }) => weekdays.indexOf(day))
  return (year) => {
    const dates: number[] = []
    for (const month of months) {
      const date = new Date(0)
      date.setUTCFullYear(year, month - 1, 1)
      const first = date.getTime()
      const firstWeekday = date.getUTCDay()
      date.setUTCFullYear(year, month, 0)
      const length = date.getUTCDate()
      const days = nth
        ? (byDay as NDay[]).map(({ day, nthOfPeriod }) => {
            const weekday = weekdays.indexOf(day)
            const n = nthOfPeriod as number
            if (n > 0) return 1 + ((weekday - firstWeekday + 7) % 7) + 7 * (n - 1)
            const lastWeekday = (firstWeekday + length - 1) % 7
            return length - ((lastWeekday - weekday + 7) % 7) + 7 * (n + 1)
          })
        : (byMonthDay as number[])
            .map((day) => (day > 0 ? day : length + 1 + day))
            .filter(
              (day) => allowed === undefined || allowed.includes((firstWeekday + day - 1) % 7),
            )
      for (const day of days)
        if (day >= 1 && day <= length) dates.push(first + (day - 1) * 86_400_000 + time)
    }
    // One month and one day (nearly every zone's rules) need no sorting.
    return dates.length < 2 ? dates : [...new Set(dates)].sort((a, b) => a - b)
  }
}

/**
 * The observance's onsets (wall clock) in the years `[first, last]`, and its last onset before
 * `first` (if any).
 */
function onsetsIn(
  observance: Observance,
  first: number,
  last: number,
): { within: number[]; before: number | undefined } {
  const low = yearStart(first)
  const high = yearStart(last + 1)
  const within: number[] = []
  let before: number | undefined
  const { start } = observance
  const take = (wall: number) => {
    if (wall >= high) return
    if (wall >= low) within.push(wall)
    else if (before === undefined || wall > before) before = wall
  }
  for (const wall of observance.listed) take(wall)
  const { rule } = observance
  if (rule === undefined) return { within, before }
  const until = rule.until === undefined ? Number.POSITIVE_INFINITY : Date.parse(`${rule.until}Z`)
  const untilYear = rule.until === undefined ? last : yearOf(until)
  const startYear = yearOf(start)
  const { yearly } = observance
  if (yearly !== undefined) {
    const made = (year: number) => yearly(year).filter((wall) => wall >= start && wall <= until)
    for (let year = Math.max(first, startYear); year <= Math.min(last, untilYear); year++)
      for (const wall of made(year)) take(wall)
    // The last onset before: the year before `first` has one, unless UNTIL ended the rule or
    // the rule skips years (the 29th of February); the calendar repeats every 400 years.
    const latest = Math.min(first - 1, untilYear)
    for (let year = latest; year >= Math.max(startYear, latest - 400); year--) {
      const dates = made(year)
      if (dates.length === 0) continue
      take(dates[dates.length - 1] as number)
      break
    }
    return { within, before }
  }
  const restart = Math.min(first, untilYear) - 1
  if (restartable(rule) && restart > yearOf(start)) {
    let restartedBefore: number | undefined
    // The restart (January 1st, 00:00) is no onset unless the rule makes it; started a second
    // earlier, the rule makes nothing more that year.
    const dates = recurrenceRuleDates(rule, yearStart(restart) - 1000)
    dates.next()
    for (const wall of dates) {
      if (wall >= high) break
      if (wall < low) restartedBefore = wall
      take(wall)
    }
    // A rule that made nothing in the years before `first` since the restart may have made its
    // last earlier onset long before: those come from DTSTART on.
    if (restartedBefore !== undefined || start >= low) return { within, before }
  }
  if (observance.expansion === undefined) {
    // A rule that can start in any year starts in DTSTART's, a second before January 1st, so
    // that DTSTART counts only if the rule makes it; others start at DTSTART.
    const rest = restartable(rule)
      ? recurrenceRuleDates(rule, yearStart(yearOf(start)) - 1000)
      : recurrenceRuleDates(rule, start)
    if (restartable(rule)) rest.next()
    observance.expansion = { dates: [], rest, done: false }
  }
  const { expansion } = observance
  while (!expansion.done && (expansion.dates.at(-1) ?? Number.NEGATIVE_INFINITY) < high) {
    const next = expansion.rest.next()
    if (next.done === true) expansion.done = true
    else expansion.dates.push(next.value)
  }
  for (const wall of expansion.dates) if (wall >= start) take(wall)
  return { within, before }
}

/**
 * Reads a VTIMEZONE's observances into a {@link VTimezoneRules}; `undefined` when it has no
 * observance it can read, or one whose RDATE or RRULE it cannot read. Observances without a
 * readable DTSTART, TZOFFSETFROM or TZOFFSETTO are left out.
 *
 * Each onset is every RDATE value (a UTC one an instant), every date the RRULE makes and DTSTART,
 * read in TZOFFSETFROM (RFC 5545 §3.6.5); a yearly rule's DTSTART only if the rule makes it, as
 * ical.js reads it. Onsets are worked out only for the years an offset is asked for, and yearly
 * rules of the usual form (`BYMONTH=10;BYDAY=-1SU`) directly per year: Outlook's rules start in
 * 1601, which ical.js expands year by year on first use. Before the earliest onset the offset it
 * changes from holds.
 *
 * @see RFC 5545 §3.6.5
 * @example vtimezoneRules(parsedVtimezone)?.offsetAt(Date.UTC(2026, 6, 1)) // 7_200_000 for a Berlin-like zone
 */
export function vtimezoneRules(vtimezone: ParsedComponent): VTimezoneRules | undefined {
  const observances: Observance[] = []
  for (const component of vtimezone.components) {
    if (component.name !== 'standard' && component.name !== 'daylight') continue
    const observance = readObservance(component)
    if (observance === undefined) return undefined
    if (observance !== null) observances.push(observance)
  }
  if (observances.length === 0) return undefined
  let covered: Covered | undefined
  const block = (first: number, last: number) => {
    let before: Onset | undefined
    const onsets: Onset[] = []
    for (const observance of observances) {
      const { from, to } = observance
      const found = onsetsIn(observance, first, last)
      for (const wall of found.within) onsets.push({ instant: wall - from, from, to })
      // Of onsets at the same instant, the later observance's holds.
      if (
        found.before !== undefined &&
        (before === undefined || found.before - from >= before.instant)
      )
        before = { instant: found.before - from, from, to }
    }
    return { onsets, before }
  }
  const ordered = (onsets: Onset[]) => onsets.sort((a, b) => a.instant - b.instant)
  // Before the earliest onset, the offset it changes from holds.
  let earliest = Number.POSITIVE_INFINITY
  let fallback = 0
  for (const { start, listed, from } of observances) {
    const instant = Math.min(start, ...listed) - from
    if (instant < earliest) {
      earliest = instant
      fallback = from
    }
  }
  // Onsets are worked out for the years around an instant (the year before and after too: a
  // wall-clock onset near New Year is another year's instant).
  const cover = (instant: number): Covered => {
    const year = yearOf(instant)
    if (covered === undefined) {
      const { onsets, before } = block(year - 1, year + 1)
      covered = { first: year - 1, last: year + 1, onsets: ordered(onsets), before }
    } else if (year + 1 > covered.last) {
      // Later years are added, earlier ones kept: a calendar's times are asked for in any
      // order, but each year is worked out once.
      const { onsets } = block(covered.last + 1, year + 1)
      covered.onsets = ordered(covered.onsets.concat(onsets))
      covered.last = year + 1
    } else if (year - 1 < covered.first) {
      const { onsets, before } = block(year - 1, covered.first - 1)
      covered.onsets = ordered(onsets.concat(covered.onsets))
      covered.before = before
      covered.first = year - 1
    }
    return covered
  }
  return {
    offsetAt(instant) {
      const { onsets, before } = cover(instant)
      return offsetIn(onsets, instant, before?.to ?? fallback)
    },
    transitions(from, to) {
      cover(from)
      const { onsets, before } = cover(to)
      const found: OffsetTransition[] = []
      let offset = offsetIn(onsets, from, before?.to ?? fallback)
      for (const [index, onset] of onsets.entries()) {
        if (onset.instant <= from || onset.instant > to) continue
        // Of onsets at the same instant, the last holds.
        if ((onsets[index + 1]?.instant ?? Number.NaN) === onset.instant) continue
        if (onset.to === offset) continue
        const instant = Math.ceil(onset.instant / quarterHourMs) * quarterHourMs
        found.push({ instant, from: offset, to: onset.to })
        offset = onset.to
      }
      return found
    },
  }
}

/** The `to` of the last onset at or before the instant (binary search), else `before`. */
function offsetIn(onsets: readonly Onset[], instant: number, before: number): number {
  let low = 0
  let high = onsets.length - 1
  if (high < 0 || (onsets[0] as Onset).instant > instant) return before
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if ((onsets[middle] as Onset).instant <= instant) low = middle
    else high = middle - 1
  }
  return (onsets[low] as Onset).to
}

// Per VTIMEZONE as read (an object of one import): matching it to an IANA zone while parsing and
// converting its times afterwards share the onsets worked out.
const read = new WeakMap<ParsedComponent, VTimezoneRules | null>()

/**
 * {@link vtimezoneRules}, read once per VTIMEZONE component (the same object gives the same rules,
 * whose onsets are worked out once).
 *
 * @example vtimezoneRulesOf(parsedVtimezone) === vtimezoneRulesOf(parsedVtimezone) // true
 */
export function vtimezoneRulesOf(vtimezone: ParsedComponent): VTimezoneRules | undefined {
  let rules = read.get(vtimezone)
  if (rules === undefined) {
    rules = vtimezoneRules(vtimezone) ?? null
    read.set(vtimezone, rules)
  }
  return rules ?? undefined
}
