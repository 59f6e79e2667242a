import { WINDOWS_TO_IANA_MAP } from 'windows-iana'
import { utcOffsetAt } from '../zoned-time/index.js'
import { type OffsetTransition, offsetTransitions } from './offset-transitions.js'

/** Lowercase letters only: `Europe_Berlin` and `Europe/Berlin` both give `europeberlin`. */
const letters = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '')

const quarterHourMs = 900_000
const weekMs = 7 * 86_400_000
const monthMs = 30 * 86_400_000

/** A candidate with its city's letters (`Europe/Berlin`: `berlin`). */
interface Candidate {
  zone: string
  city: string
}

let candidates: Candidate[] | undefined

/**
 * IANA zones to try, from CLDR's windowsZones (through windows-iana): first each Windows zone's
 * main IANA zone (one per set of rules), then every other zone it names; in that trying order.
 */
function ianaCandidates(): Candidate[] {
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
  const kept = [...golden, ...[...others].filter((zone) => !golden.has(zone))]
  // The cities are worked out once per process: doing it per calendar cost more than the match.
  candidates = kept.map((zone) => ({ zone, city: letters(zone.slice(zone.lastIndexOf('/') + 1)) }))
  return candidates
}

// The candidates grouped by their offset at the start of a UTC month, per month a calendar has
// asked about, for the process: most calendars use the same few years, and one lookup of the
// custom zone's offset then rules out all but the few zones that share it. Bounded (fifty years
// of months) so a long-running process does not grow without end.
const byMonthStart = new Map<number, Map<number, Candidate[]>>()
const monthStartLimit = 600

function candidatesByOffsetAt(
  monthStart: number,
  zones: readonly Candidate[],
): Map<number, Candidate[]> {
  let groups = byMonthStart.get(monthStart)
  if (groups !== undefined) return groups
  if (byMonthStart.size >= monthStartLimit) byMonthStart.clear()
  groups = new Map()
  for (const candidate of zones) {
    const offset = utcOffsetAt(monthStart, candidate.zone)
    if (offset === undefined) continue
    let group = groups.get(offset)
    if (group === undefined) {
      group = []
      groups.set(offset, group)
    }
    group.push(candidate)
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

/** A custom zone as the matching reads it: its offset at any instant and its changes. */
export interface CustomZoneOffsets {
  /** The offset (milliseconds ahead of UTC) at a UTC instant. */
  offsetAt(instant: number): number
  /**
   * Its offset changes after `from` up to `to`, each at the quarter hour it is first in force (as
   * {@link offsetTransitions} finds them).
   */
  transitions(from: number, to: number): OffsetTransition[]
}

/**
 * The IANA zone whose offsets are those of a custom zone (a VTIMEZONE) over the years a calendar
 * uses: the same offset at the start and the same changes to the quarter hour, between two UTC
 * instants. Zones whose city the TZID names are tried first (`Europe_Berlin`), then a fixed
 * offset's `Etc/GMT±n`, then one zone per Windows rule set, then the rest; `undefined` when none
 * matches.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.4 ("an implementation might determine the
 *   name of an IANA time zone which has identical time zone rules over the time span of the
 *   calendar object")
 * @example matchingIanaZone('Europe_Berlin', berlinLikeZone, Date.UTC(2014, 3), Date.UTC(2015, 3)) // 'Europe/Berlin'
 */
export function matchingIanaZone(
  tzid: string,
  zone: CustomZoneOffsets,
  from: number,
  to: number,
): string | undefined {
  const initial = zone.offsetAt(from)
  if (!Number.isFinite(initial)) return undefined
  // The span a week-by-week search from `from` to `to` covers, which the candidates get.
  const end = from + Math.ceil((to - from) / weekMs) * weekMs
  const expected = zone.transitions(from, end)
  const cities = ianaCandidates()
  // Cheap probes first (most zones fail the first): the offset at the start and on both sides
  // of each change; then the offsets a month apart; only a zone that passes them all has its
  // own changes worked out, week by week.
  const probes: Array<[number, number]> = [[from, initial]]
  for (const change of expected)
    probes.push([change.instant - quarterHourMs, change.from], [change.instant, change.to])
  let monthly: Array<[number, number]> | undefined
  const monthlyProbes = () => {
    if (monthly === undefined) {
      monthly = []
      for (let instant = from + monthMs; instant < to; instant += monthMs)
        monthly.push([instant, zone.offsetAt(instant)])
    }
    return monthly
  }
  // The first month start after `from`, when it lies before `to` (a calendar's span is over a
  // year), is one more probe, answered for every candidate at once: only the zones that share
  // the custom zone's offset then are tried (and a fixed offset's `Etc/GMT±n`).
  const since = new Date(from)
  const monthStart = Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + 1, 1)
  const pool =
    monthStart < to
      ? (candidatesByOffsetAt(monthStart, cities).get(zone.offsetAt(monthStart)) ?? [])
      : cities
  const agrees = (candidate: string, [instant, value]: [number, number]) =>
    utcOffsetAt(instant, candidate) === value
  const matches = (candidate: string): boolean =>
    probes.every((probe) => agrees(candidate, probe)) &&
    monthlyProbes().every((probe) => agrees(candidate, probe)) &&
    sameTransitions(
      offsetTransitions((instant) => utcOffsetAt(instant, candidate) as number, from, to),
      expected,
    )
  const name = letters(tzid)
  const named = pool
    .filter(({ city }) => city.length >= 4 && name.includes(city))
    .map(({ zone }) => zone)
  const hours = initial / 3_600_000
  const fixed =
    expected.length === 0 && Number.isInteger(hours) && Math.abs(hours) <= 12
      ? [hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`]
      : []
  for (const candidate of named) if (matches(candidate)) return candidate
  for (const candidate of fixed) if (matches(candidate)) return candidate
  for (const { zone } of pool) if (!named.includes(zone) && matches(zone)) return zone
  return undefined
}
