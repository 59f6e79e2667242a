import { recurrenceRuleDates } from '../recurrence/recurrence-rule-dates.js'
import type { ParsedComponent } from './parse-icalendar.js'
import { readRecurrenceRule } from './read-recurrence-rule.js'
import { TimeZoneRules } from './time-zones.js'

interface Onset {
  /** The UTC instant the observance starts. */
  instant: number
  from: number
  to: number
}

const utcOffsetPattern = /^([+-])(\d\d):?(\d\d)(?::?(\d\d))?$/

function offsetMs(value: unknown): number {
  const match = utcOffsetPattern.exec(String(value))
  if (match === null) return Number.NaN
  const [, sign, hours, minutes, seconds] = match
  const ms = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds ?? 0)) * 1000
  return sign === '-' ? -ms : ms
}

const noZones = { lossless: false, zones: new TimeZoneRules() }

/**
 * A VTIMEZONE's UTC offset at any instant from `since` to `until`, worked out from its observances as
 * RFC 5545 §3.6.5 defines them (each onset is DTSTART, every RDATE and every date the RRULE makes,
 * in the TZOFFSETFROM offset), without building an ical.js zone: Outlook writes rules that start
 * in 1601, which ical.js expands year by year on first use. `undefined` for a VTIMEZONE this
 * cannot read (no observance, an offset or date it cannot parse).
 *
 * @see RFC 5545 §3.6.5
 */
export function vtimezoneOffsets(
  vtimezone: ParsedComponent,
  since: number,
  until: number,
): ((instant: number) => number) | undefined {
  // Yearly rules restart two years before `since`: what they made before cannot be the onset in
  // force then (Outlook's rules start in 1601, four centuries of dates nobody asks for).
  const restart = Date.UTC(new Date(since).getUTCFullYear() - 2, 0, 1)
  const onsets: Onset[] = []
  for (const observance of vtimezone.components) {
    if (observance.name !== 'standard' && observance.name !== 'daylight') continue
    const property = (name: string) => observance.properties.find((item) => item.name === name)
    const dtstart = property('dtstart')?.values[0]
    const from = offsetMs(property('tzoffsetfrom')?.values[0])
    const to = offsetMs(property('tzoffsetto')?.values[0])
    if (typeof dtstart !== 'string' || Number.isNaN(from) || Number.isNaN(to)) return undefined
    const walls = [Date.parse(`${dtstart.slice(0, 19)}Z`)]
    for (const rdate of observance.properties.filter((item) => item.name === 'rdate'))
      for (const value of rdate.values)
        if (typeof value === 'string') walls.push(Date.parse(`${value.slice(0, 19)}Z`))
    const rrule = property('rrule')
    if (rrule !== undefined) {
      const rule = readRecurrenceRule(rrule, undefined, noZones)
      if (rule === undefined) return undefined
      const start = walls[0] as number
      const skip =
        rule.frequency === 'yearly' &&
        rule.count === undefined &&
        (rule.interval ?? 1) === 1 &&
        rule.byMonth !== undefined &&
        start < restart
      // The restarted rule's own start (January 1st) is no onset; the dates after it are.
      const dates = recurrenceRuleDates(rule, skip ? restart + (start % 86_400_000) : start)
      if (skip) dates.next()
      for (const wall of dates) {
        if (wall - from > until) break
        walls.push(wall)
      }
    }
    for (const wall of walls) {
      if (Number.isNaN(wall)) return undefined
      onsets.push({ instant: wall - from, from, to })
    }
  }
  if (onsets.length === 0) return undefined
  onsets.sort((a, b) => a.instant - b.instant)
  const first = onsets[0] as Onset
  return (instant) => {
    let lo = 0
    let hi = onsets.length - 1
    if (instant < first.instant) return first.from
    while (lo < hi) {
      const middle = Math.ceil((lo + hi) / 2)
      if ((onsets[middle] as Onset).instant <= instant) lo = middle
      else hi = middle - 1
    }
    return (onsets[lo] as Onset).to
  }
}
