import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { icsFiles } from '../../test/ical-support/world-corpus.js'
import { isIanaTimeZone } from '../zoned-time/index.js'
import { type ParsedComponent, parseICalendar } from './parse-icalendar.js'
import { TimeZoneRules } from './time-zones.js'
import { vtimezoneRules } from './vtimezone-rules.js'

type Component = InstanceType<typeof ICAL.Component>
type Zone = InstanceType<typeof ICAL.Timezone>

const firstYear = 1970
const lastYear = 2037
const dayMs = 86_400_000

/**
 * The VTIMEZONE as RFC 5545 reads it, in a form ical.js reads the same way: ical.js takes only the
 * first value of a multi-valued RDATE and, in an observance with RDATEs and no RRULE, not its
 * DTSTART; both are onsets (§3.6.5), so each becomes an RDATE line of its own (DTSTART a local
 * time, as ical.js reads it elsewhere, even written with `Z`). A DTSTART before year 1000 moves
 * to 1601 (same month and day; the yearly rules make the same dates from then on): ical.js
 * computes weekdays of years below 100 in the 1900s and puts `BYDAY=-1SU` on Mondays.
 */
function rfcForm(vtimezone: Component): Component {
  const copy = new ICAL.Component(JSON.parse(JSON.stringify(vtimezone.toJSON())))
  for (const observance of copy.getAllSubcomponents()) {
    const start = observance.getFirstProperty('dtstart')
    const time = start?.getFirstValue()
    if (time instanceof ICAL.Time && time.year < 1000) {
      time.year = 1601
      start?.setValue(time)
    }
    const rdates = observance.getAllProperties('rdate')
    if (rdates.length === 0) continue
    const values = rdates.flatMap((rdate) => rdate.getValues().map(String))
    const dtstart = observance.getFirstProperty('dtstart')
    if (!observance.hasProperty('rrule') && dtstart !== null)
      values.unshift(String(dtstart.getFirstValue()).replace('Z', ''))
    for (const rdate of rdates) observance.removeProperty(rdate)
    for (const value of new Set(values)) {
      const rdate = new ICAL.Property('rdate', observance)
      rdate.resetType(/T/.test(value) ? 'date-time' : 'date')
      rdate.setValue(ICAL.Time.fromString(value, rdate))
      observance.addProperty(rdate)
    }
  }
  return copy
}

/** ical.js's own offset changes of a zone up to `lastYear`, as UTC instants. */
function icalJsChanges(zone: Zone): Array<{ instant: number; offset: number }> {
  zone._ensureCoverage(lastYear)
  return (zone.changes as Array<Record<string, number>>).map((change) => ({
    instant: Date.UTC(
      change.year as number,
      (change.month as number) - 1,
      change.day,
      change.hour,
      change.minute,
      change.second,
    ),
    offset: (change.utcOffset as number) * 1000,
  }))
}

/** Every VTIMEZONE of the corpus as both readers give it, paired in file order. */
function corpusZones(): Array<{ file: string; ours: ParsedComponent; icalJs: Component }> {
  const pairs: Array<{ file: string; ours: ParsedComponent; icalJs: Component }> = []
  for (const path of icsFiles()) {
    const text = readFileSync(path, 'utf8')
    if (!/BEGIN:VTIMEZONE/i.test(text)) continue
    let ours: ParsedComponent[]
    let icalJs: Component[]
    try {
      ours = parseICalendar(text, () => {}).flatMap((root) =>
        root.components.filter((component) => component.name === 'vtimezone'),
      )
      const jcal = ICAL.parse(text)
      const roots = (Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[][]
      icalJs = roots.flatMap((root) => new ICAL.Component(root).getAllSubcomponents('vtimezone'))
    } catch {
      continue
    }
    if (ours.length !== icalJs.length) continue
    const file = path.slice(path.indexOf('/ical/') + 6)
    for (const [index, component] of ours.entries())
      pairs.push({ file, ours: component, icalJs: icalJs[index] as Component })
  }
  return pairs
}

// Zones ical.js reads and vtimezoneRules refuses, and why.
const unreadable: Record<string, string> = {
  'icalendar/parsing_error_in_UTC_offset.ics':
    'TZOFFSETFROM:+5744 is no UTC offset (RFC 5545 §3.3.14: hours 00–23); ical.js reads +03:44',
}

describe('VTIMEZONE offsets agree with ical.js on every zone of the world corpus', () => {
  const zones = corpusZones()

  test(`at every change ${firstYear}–${lastYear}, a second before, and every 5 days`, () => {
    let compared = 0
    let instants = 0
    const differences: string[] = []
    for (const { file, ours, icalJs } of zones) {
      let changes: Array<{ instant: number; offset: number }>
      try {
        changes = icalJsChanges(new ICAL.Timezone({ component: rfcForm(icalJs) }))
      } catch {
        continue
      }
      const rules = vtimezoneRules(ours)
      if (changes.length === 0 || unreadable[file] !== undefined) {
        // Neither reader finds a zone there.
        if (rules !== undefined) differences.push(`${file}: read, but ical.js finds no change`)
        continue
      }
      if (rules === undefined) {
        differences.push(`${file}: unread`)
        continue
      }
      const samples: number[] = []
      for (
        let instant = Date.UTC(firstYear, 0, 1);
        instant < Date.UTC(lastYear, 0);
        instant += 5 * dayMs
      )
        samples.push(instant)
      for (const { instant } of changes)
        if (instant >= Date.UTC(firstYear, 0, 1)) samples.push(instant - 1000, instant)
      // Before ical.js's first change it gives 0, RFC 5545 nothing: not compared.
      let next = 0
      for (const instant of samples.sort((a, b) => a - b)) {
        while ((changes[next]?.instant ?? Number.POSITIVE_INFINITY) <= instant) next++
        if (next === 0) continue
        const expected = changes[next - 1]?.offset
        const got = rules.offsetAt(instant)
        instants++
        if (got !== expected && differences.length < 20)
          differences.push(`${file} at ${new Date(instant).toISOString()}: ${got} ≠ ${expected}`)
      }
      compared++
    }
    expect(differences).toEqual([])
    expect(compared).toBeGreaterThan(130)
    expect(instants).toBeGreaterThan(500_000)
  }, 120_000)

  test('reading wall-clock times in zones not named by IANA, an hour around each change', () => {
    let compared = 0
    const differences: string[] = []
    for (const { file, ours, icalJs } of zones) {
      const tzid = String(ours.properties.find((property) => property.name === 'tzid')?.values[0])
      if (isIanaTimeZone(tzid)) continue
      let zone: Zone
      let changes: Array<{ instant: number; offset: number }>
      try {
        zone = new ICAL.Timezone({ component: rfcForm(icalJs), tzid })
        changes = icalJsChanges(zone)
      } catch {
        continue
      }
      const rules = new TimeZoneRules([ours])
      for (const [index, { instant, offset }] of changes.entries()) {
        const previous = changes[index - 1]?.offset
        // Changes a day or less apart (ical.js's made-up test zones) leave no clear hour.
        const near = (other: { instant: number } | undefined) =>
          other !== undefined && Math.abs(other.instant - instant) <= dayMs
        if (near(changes[index - 1]) || near(changes[index + 1])) continue
        if (previous !== undefined && instant >= Date.UTC(firstYear, 0, 1)) {
          // Wall-clock times clear of the skipped or repeated hour: ical.js reads those in the
          // other offset than RFC 5545 §3.3.5 (and the IANA zones here) do.
          const walls = [
            instant + Math.min(previous, offset) - 3_600_000,
            instant + Math.max(previous, offset) + 3_600_000,
          ]
          for (const wall of walls) {
            const local = new Date(wall).toISOString().slice(0, 19)
            const time = ICAL.Time.fromDateTimeString(local)
            time.zone = zone
            const expected = time.toUnixTime() * 1000
            const got = rules.toUtc(local, tzid)
            compared++
            if (got !== expected) differences.push(`${file} ${tzid} ${local}: ${got} ≠ ${expected}`)
            if (rules.fromUtc(expected, tzid) !== local)
              differences.push(
                `${file} ${tzid} back from ${expected}: ${rules.fromUtc(expected, tzid)}`,
              )
          }
        }
      }
    }
    expect(differences).toEqual([])
    expect(compared).toBeGreaterThan(2_000)
  }, 120_000)
})
