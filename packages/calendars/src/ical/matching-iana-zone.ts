import { WINDOWS_TO_IANA_MAP } from 'windows-iana'
import { utcOffsetAt } from '../zoned-time/index.js'
import { type OffsetTransition, offsetTransitions } from './offset-transitions.js'

/** Lowercase letters only: `Europe_Berlin` and `Europe/Berlin` both give `europeberlin`. */
const letters = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '')

const quarterHourMs = 900_000

interface Candidates {
  golden: string[]
  others: string[]
  /** Every candidate with its city's letters (`Europe/Berlin`: `berlin`), in trying order. */
  cities: Array<{ zone: string; city: string }>
}

let candidates: Candidates | undefined

/**
 * IANA zones to try, from CLDR's windowsZones (through windows-iana): first each Windows zone's
 * main IANA zone (one per set of rules), then every other zone it names.
 */
function ianaCandidates(): Candidates {
  if (candidates !== undefined) return candidates
  const golden = new Set<string>()
  const others = new Set<string>()
  for (const { territory, iana } of WINDOWS_TO_IANA_MAP) {
    for (const [index, zone] of iana.entries()) {
      if (territory === '001' && index === 0) golden.add(zone)
      else others.add(zone)
    }
  }
  // Names the platform lacks are not checked here (that would build a formatter for each): their
  // offsets are undefined, so they never match.
  const kept = { golden: [...golden], others: [...others].filter((zone) => !golden.has(zone)) }
  // The cities are worked out once per process: doing it per calendar cost more than the match.
  const cities = [...kept.golden, ...kept.others].map((zone) => ({
    zone,
    city: letters(zone.slice(zone.lastIndexOf('/') + 1)),
  }))
  candidates = { ...kept, cities }
  return candidates
}

// The candidates grouped by their offset at the start of a UTC month, per month a calendar has
// asked about, for the process: most calendars use the same few years, and one lookup of the
// custom zone's offset then rules out all but the few zones that share it. Bounded (fifty years
// of months) so a long-running process does not grow without end.
const byMonthStart = new Map<number, Map<number, Set<string>>>()
const monthStartLimit = 600

function candidatesByOffsetAt(
  monthStart: number,
  zones: ReadonlyArray<{ zone: string }>,
): Map<number, Set<string>> {
  let groups = byMonthStart.get(monthStart)
  if (groups !== undefined) return groups
  if (byMonthStart.size >= monthStartLimit) byMonthStart.clear()
  groups = new Map()
  for (const { zone } of zones) {
    const offset = utcOffsetAt(monthStart, zone)
    if (offset === undefined) continue
    let group = groups.get(offset)
    if (group === undefined) {
      group = new Set()
      groups.set(offset, group)
    }
    group.add(zone)
  }
  byMonthStart.set(monthStart, groups)
  return groups
}

function sameTransitions(a: readonly OffsetTransition[], b: readonly OffsetTransition[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, index) => {
      const other = b[index] as OffsetTransition
      return item.instant === other.instant && item.from === other.from && item.to === other.to
    })
  )
}

/**
 * The IANA zone whose offsets are those of a custom zone (a VTIMEZONE, given by its offset at an
 * instant) over the years a calendar uses: the same offset at the start and the same changes to
 * the quarter hour, between two UTC instants. Zones whose city the TZID names are tried first (`Europe_Berlin`), then a
 * fixed offset's `Etc/GMT±n`, then one zone per Windows rule set, then the rest; `undefined` when
 * none matches.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.4 ("an implementation might determine the
 *   name of an IANA time zone which has identical time zone rules over the time span of the
 *   calendar object")
 * @example matchingIanaZone('Europe_Berlin', (instant) => berlinRules(instant), Date.UTC(2014, 3), Date.UTC(2015, 3)) // 'Europe/Berlin'
 */
export function matchingIanaZone(
  tzid: string,
  offsetAt: (instant: number) => number,
  from: number,
  to: number,
): string | undefined {
  const known = new Map<number, number>()
  const offset = (instant: number): number => {
    let value = known.get(instant)
    if (value === undefined) {
      value = offsetAt(instant)
      known.set(instant, value)
    }
    return value
  }
  const initial = offset(from)
  if (!Number.isFinite(initial)) return undefined
  const expected = offsetTransitions(offset, from, to)
  // Cheap probes first (most zones fail the first): the offsets a month apart and on both
  // sides of each change; only a zone that passes them all has its own changes worked out.
  const { golden, others, cities } = ianaCandidates()
  const probes: Array<[number, number]> = []
  for (let instant = from; instant < to; instant += 30 * 86_400_000)
    probes.push([instant, offset(instant)])
  for (const change of expected)
    probes.push([change.instant - quarterHourMs, change.from], [change.instant, change.to])
  // The first month start after `from`, when it lies before `to` (a calendar's span is over a
  // year), is one more probe, answered for every candidate at once.
  const since = new Date(from)
  const monthStart = Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + 1, 1)
  const sharing =
    monthStart < to
      ? (candidatesByOffsetAt(monthStart, cities).get(offset(monthStart)) ?? new Set<string>())
      : undefined
  if (sharing !== undefined) probes.push([monthStart, offset(monthStart)])
  const matches = (zone: string): boolean =>
    probes.every(([instant, value]) => utcOffsetAt(instant, zone) === value) &&
    sameTransitions(
      offsetTransitions((instant) => utcOffsetAt(instant, zone) as number, from, to),
      expected,
    )
  const name = letters(tzid)
  const named = cities
    .filter(({ city }) => city.length >= 4 && name.includes(city))
    .map(({ zone }) => zone)
  const hours = initial / 3_600_000
  const fixed =
    expected.length === 0 && Number.isInteger(hours) && Math.abs(hours) <= 12
      ? [hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`]
      : []
  for (const zone of [...named, ...fixed, ...golden, ...others]) {
    // A candidate off at the month start fails that probe; only `fixed` is not among them.
    if (sharing !== undefined && !sharing.has(zone) && zone !== fixed[0]) continue
    if (matches(zone)) return zone
  }
  return undefined
}
