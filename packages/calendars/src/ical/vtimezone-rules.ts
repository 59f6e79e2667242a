import type { RecurrenceRule } from '../jscalendar/recurrence-rule.js'
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
  /** The year of DTSTART, and of UNTIL (the last year the rule can make an onset in). */
  startYear: number
  untilYear: number
  /** The rule's dates from DTSTART, for rules that cannot be restarted in a later year. */
  expansion?: { dates: number[]; rest: Generator<number>; done: boolean }
  /** The rule's last onset, once a span after UNTIL has asked for it. */
  last?: { wall: number | undefined }
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
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year >= 100) return Date.UTC(year, 0, 1)
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
  // Most VTIMEZONE rules have no UNTIL: only those are copied without it.
  if (!('until' in recur)) return readRecurrenceRule(property, undefined, noZones)
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
  // The first of each property, in one pass.
  let fromProperty: ParsedProperty | undefined
  let toProperty: ParsedProperty | undefined
  let dtstartProperty: ParsedProperty | undefined
  let rrule: ParsedProperty | undefined
  for (const property of component.properties) {
    if (property.name === 'tzoffsetfrom') fromProperty ??= property
    else if (property.name === 'tzoffsetto') toProperty ??= property
    else if (property.name === 'dtstart') dtstartProperty ??= property
    else if (property.name === 'rrule') rrule ??= property
  }
  const from = offsetMs(fromProperty?.values[0])
  const to = offsetMs(toProperty?.values[0])
  const dtstart = dtstartProperty?.values[0]
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
  const rule = rrule === undefined ? undefined : observanceRule(rrule, from)
  if (rrule !== undefined && rule === undefined) return undefined
  const full = rule === undefined ? undefined : withStartParts(rule, start)
  // A rule that gives the same dates from any January 1st says whether DTSTART is an onset, as
  // ical.js reads it (RFC 5545 §3.8.5.3 leaves a DTSTART the rule does not make undefined).
  if (full === undefined || !restartable(full)) listed.unshift(start)
  const untilYear =
    full?.until === undefined ? Number.POSITIVE_INFINITY : yearOf(Date.parse(`${full.until}Z`))
  return { from, to, start, listed, rule: full, startYear: yearOf(start), untilYear }
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

/** Onsets found for a span of years: those in it, and the last one before it. */
class SpanOnsets {
  readonly within: number[] = []
  before: number | undefined
  constructor(
    readonly low: number,
    readonly high: number,
  ) {}

  take(wall: number): void {
    if (wall >= this.high) return
    if (wall >= this.low) this.within.push(wall)
    else if (this.before === undefined || wall > this.before) this.before = wall
  }
}

/**
 * The observance's onsets (wall clock) in the years `[first, last]`, and its last onset before
 * `first` (if any).
 */
function onsetsIn(observance: Observance, first: number, last: number): SpanOnsets {
  const found = new SpanOnsets(yearStart(first), yearStart(last + 1))
  for (const wall of observance.listed) found.take(wall)
  const { rule, untilYear } = observance
  if (rule === undefined) return found
  if (first > untilYear) {
    // The rule ended before the span: its last onset is all it adds, the same for any later span.
    if (observance.last === undefined)
      observance.last = { wall: ruleOnsetsIn(observance, untilYear + 1, untilYear + 1).before }
    if (observance.last.wall !== undefined) found.take(observance.last.wall)
    return found
  }
  const made = ruleOnsetsIn(observance, first, last)
  for (const wall of made.within) found.take(wall)
  if (made.before !== undefined) found.take(made.before)
  return found
}

/** The onsets the observance's rule makes in the years `[first, last]`, and its last before. */
function ruleOnsetsIn(observance: Observance, first: number, last: number): SpanOnsets {
  const rule = observance.rule as RecurrenceRule
  const { start, startYear } = observance
  const found = new SpanOnsets(yearStart(first), yearStart(last + 1))
  const restart = Math.min(first, observance.untilYear) - 1
  // Outlook's rules start in 1601: a rule that can restart in any year does so the year before
  // the span, and the recurrence engine works out a few years instead of four centuries.
  if (restartable(rule) && restart > startYear) {
    // The restart (January 1st, 00:00) is no onset unless the rule makes it; started a second
    // earlier, the rule makes nothing more that year.
    const dates = recurrenceRuleDates(rule, yearStart(restart) - 1000)
    dates.next()
    for (const wall of dates) {
      if (wall >= found.high) break
      found.take(wall)
    }
    // A rule that made nothing in the years before `first` since the restart may have made its
    // last earlier onset long before: those come from DTSTART on.
    if (found.before !== undefined || start >= found.low) return found
  }
  if (observance.expansion === undefined) {
    // A rule that can start in any year starts in DTSTART's, a second before January 1st, so
    // that DTSTART counts only if the rule makes it; others start at DTSTART.
    const rest = restartable(rule)
      ? recurrenceRuleDates(rule, yearStart(startYear) - 1000)
      : recurrenceRuleDates(rule, start)
    if (restartable(rule)) rest.next()
    observance.expansion = { dates: [], rest, done: false }
  }
  const { expansion } = observance
  while (!expansion.done && (expansion.dates.at(-1) ?? Number.NEGATIVE_INFINITY) < found.high) {
    const next = expansion.rest.next()
    if (next.done === true) expansion.done = true
    else expansion.dates.push(next.value)
  }
  for (const wall of expansion.dates) if (wall >= start) found.take(wall)
  return found
}

/**
 * Reads a VTIMEZONE's observances into a {@link VTimezoneRules}; `undefined` when it has no
 * observance it can read, or one whose RDATE or RRULE it cannot read. Observances without a
 * readable DTSTART, TZOFFSETFROM or TZOFFSETTO are left out.
 *
 * Each onset is every RDATE value (a UTC one an instant), every date the RRULE makes and DTSTART,
 * read in TZOFFSETFROM (RFC 5545 §3.6.5); a yearly rule's DTSTART only if the rule makes it, as
 * ical.js reads it. Onsets are worked out by the recurrence engine only for the years an offset
 * is asked for, a yearly rule without COUNT (`BYMONTH=10;BYDAY=-1SU`) from the year before them:
 * Outlook's rules start in 1601, which ical.js expands year by year on first use. Before the
 * earliest onset the offset it changes from holds.
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
