import type { JCalComponent, JCalProperty } from '../jscalendar/icalendar-component.js'
import { formatWallClock, isIanaTimeZone, utcOffsetAt } from '../zoned-time/index.js'
import { type OffsetTransition, offsetTransitions } from './offset-transitions.js'

const weekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']

type Transition = OffsetTransition

/** Every offset change of an IANA zone from the start of `firstYear` to the end of `lastYear`. */
function transitions(zone: string, firstYear: number, lastYear: number): Transition[] {
  return offsetTransitions(
    (instant) => utcOffsetAt(instant, zone) as number,
    Date.UTC(firstYear, 0, 1),
    Date.UTC(lastYear + 1, 0, 1),
  )
}

function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+'
  const minutes = Math.abs(offset) / 60_000
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0')
  return `${sign}${hours}${String(minutes % 60).padStart(2, '0')}`
}

/** The wall-clock onset of a transition, in the offset before it (as RFC 5545 DTSTART says). */
const onset = (transition: Transition): string =>
  formatWallClock(transition.instant + transition.from)

/** `nSU` or `-1SU` naming the weekday of a date within its month. */
function weekdayRule(local: string): { month: number; byDay: string; last: boolean; nth: number } {
  const date = new Date(`${local}Z`)
  const day = date.getUTCDate()
  const month = date.getUTCMonth() + 1
  const length = new Date(Date.UTC(date.getUTCFullYear(), month, 0)).getUTCDate()
  const nth = Math.ceil(day / 7)
  const last = day + 7 > length
  const weekday = weekdays[date.getUTCDay()] as string
  return { month, byDay: last ? `-1${weekday}` : `${nth}${weekday}`, last, nth }
}

function observance(
  from: number,
  to: number,
  dtstart: string,
  rdates: readonly string[],
  rrule: Record<string, unknown> | undefined,
  daylight: boolean,
): JCalComponent {
  const properties: JCalProperty[] = [
    ['dtstart', {}, 'date-time', dtstart],
    ['tzoffsetfrom', {}, 'utc-offset', formatOffset(from).replace(/(\d\d)$/, ':$1')],
    ['tzoffsetto', {}, 'utc-offset', formatOffset(to).replace(/(\d\d)$/, ':$1')],
  ]
  if (rrule !== undefined) properties.push(['rrule', {}, 'recur', rrule])
  for (const rdate of rdates) properties.push(['rdate', {}, 'date-time', rdate])
  return [daylight ? 'daylight' : 'standard', properties, []]
}

/**
 * Writes a VTIMEZONE for an IANA zone from the platform's Intl time zone data, the same data the
 * converter computes UTC times with, so the two always agree. Offset changes between
 * `firstYear - 1` and `lastYear + 20` are listed (RDATE); when the zone's last changes follow a
 * yearly weekday rule (the usual daylight-saving rule), they are written as a yearly RRULE from
 * `lastYear` on, so an endless recurrence keeps the right offsets after the range too.
 *
 * @see RFC 5545 §3.6.5
 * @example vtimezoneFromIntl('Europe/Berlin', 2026, 2026) // ['vtimezone', [['tzid', {}, 'text', 'Europe/Berlin']], [standard, daylight, …]]
 */
export function vtimezoneFromIntl(
  zone: string,
  firstYear: number,
  lastYear: number,
  tzidParameters: Record<string, string> = {},
): JCalComponent | undefined {
  if (!isIanaTimeZone(zone)) return undefined
  // Twenty years on: a zone whose changes follow no weekday rule (or that stopped changing, as
  // Tehran in 2022) is listed change by change that far, enough for the recurrences clients show.
  const changes = transitions(zone, firstYear - 1, lastYear + 20)
  const start = Date.UTC(firstYear - 1, 0, 1)
  const initial = utcOffsetAt(start, zone) as number
  const components: JCalComponent[] = []
  const smallest = Math.min(initial, ...changes.map((change) => change.to))
  // The offset in force when the listed changes start.
  components.push(
    observance(initial, initial, formatWallClock(start), [], undefined, initial > smallest),
  )
  // A yearly rule: the changes of lastYear, lastYear + 1 and lastYear + 2 fall on the same
  // weekday of the same month at the same wall-clock time.
  const yearOf = (change: Transition) => new Date(change.instant + change.from).getUTCFullYear()
  const byYear = (year: number) => changes.filter((change) => yearOf(change) === year)
  const ruleYears = [lastYear, lastYear + 1, lastYear + 2].map(byYear)
  const [base] = ruleYears
  const ruled =
    base !== undefined &&
    base.length > 0 &&
    ruleYears.every(
      (year) =>
        year.length === base.length &&
        year.every((change, index) => {
          const model = base[index] as Transition
          const a = weekdayRule(onset(change))
          const b = weekdayRule(onset(model))
          return (
            change.from === model.from &&
            change.to === model.to &&
            a.byDay === b.byDay &&
            a.month === b.month &&
            onset(change).slice(11) === onset(model).slice(11)
          )
        }),
    )
  const listed = ruled ? changes.filter((change) => yearOf(change) < lastYear) : changes
  const groups = new Map<string, Transition[]>()
  for (const change of listed) {
    const key = `${change.from} ${change.to}`
    groups.set(key, [...(groups.get(key) ?? []), change])
  }
  for (const group of groups.values()) {
    const [first, ...rest] = group as [Transition, ...Transition[]]
    // ical.js reads only the RDATEs of an observance that has any, so DTSTART is listed again.
    components.push(
      observance(
        first.from,
        first.to,
        onset(first),
        rest.length === 0 ? [] : group.map(onset),
        undefined,
        first.to > smallest,
      ),
    )
  }
  if (ruled) {
    for (const change of base) {
      const rule = weekdayRule(onset(change))
      components.push(
        observance(
          change.from,
          change.to,
          onset(change),
          [],
          { freq: 'YEARLY', bymonth: rule.month, byday: rule.byDay },
          change.to > smallest,
        ),
      )
    }
  }
  return ['vtimezone', [['tzid', tzidParameters, 'text', zone]], components]
}

/** Every TZID parameter used in components (recursively), with the years its values name. */
export function tzidsUsed(
  components: readonly JCalComponent[],
): Map<string, { first: number; last: number }> {
  const used = new Map<string, { first: number; last: number }>()
  const visit = (component: JCalComponent): void => {
    for (const property of component[1]) {
      const tzid = property[1].tzid
      const zones = Array.isArray(tzid) ? tzid : tzid === undefined ? [] : [tzid]
      for (const zone of zones) {
        if (typeof zone !== 'string') continue
        const years = property
          .slice(3)
          .flat()
          .filter((value): value is string => typeof value === 'string' && /^\d{4}-/.test(value))
          .map((value) => Number(value.slice(0, 4)))
        const seen = used.get(zone) ?? {
          first: Number.POSITIVE_INFINITY,
          last: Number.NEGATIVE_INFINITY,
        }
        for (const year of years) {
          seen.first = Math.min(seen.first, year)
          seen.last = Math.max(seen.last, year)
        }
        used.set(zone, seen)
      }
    }
    component[2].forEach(visit)
  }
  components.forEach(visit)
  return used
}
