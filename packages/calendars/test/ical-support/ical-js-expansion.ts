import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import ICAL from 'ical.js'
// The converter's entry point loads before time-zones.js: time-zones.js and parse-icalendar.js
// import each other, and loaded first time-zones.js is not yet defined when vtimezone-offsets.js
// (which parse-icalendar.js imports) builds its TimeZoneRules.
import { icalendarToJSCalendar } from '../../src/ical/index.js'
import { TimeZoneRules } from '../../src/ical/time-zones.js'
import type { Event } from '../../src/jscalendar/event.js'
import type { JCalComponent } from '../../src/jscalendar/icalendar-component.js'
import type { Task } from '../../src/jscalendar/task.js'
import { iterateOccurrences } from '../../src/recurrence/index.js'
import { isIanaTimeZone, localDateTimeToInstant } from '../../src/zoned-time/index.js'
import { icsFiles, worldCorpusDirectory } from './world-corpus.js'

// Test support: recurrence expansion compared with ical.js's own on the world corpus, for the
// calendars converter's events and tasks and for the tasks package's VTODO import.

/**
 * Why a series expands differently in ical.js, each cause checked from the file itself:
 * - `unsynchronised-start`: DTSTART does not match its RRULE; we keep it as the first occurrence
 *   (RFC 5545 §3.3.10: "The DTSTART property value always counts as the first occurrence";
 *   Apple and Google do the same), ical.js drops it (kewisch/ical.js#294).
 * - `floating-in-icaljs`: DTSTART names a TZID the file defines no VTIMEZONE for; ical.js then
 *   reads the times as floating, so EXDATEs in UTC miss, while we resolve the IANA name.
 * - `second-rrule`: more than one RRULE; JSCalendar 2.0 has one rule, the others are kept in
 *   `iCalendar` for the round trip but not expanded.
 * - `date-exdate`: an EXDATE with VALUE=DATE on a DATE-TIME series; ical.js removes every
 *   instance on that day, the converter keys it at midnight, where there is no instance.
 * - `override-adds-date`: a RECURRENCE-ID the rule does not generate; JSCalendar makes it an
 *   added occurrence (RFC 8984 §4.3.5), ical.js's expansion never looks at overrides.
 * - `local-until`: UNTIL without `Z` on a zoned DTSTART; we read it in the series' zone (as
 *   sabre/vobject does), ical.js as UTC.
 * - `rdate-period`: RDATE;VALUE=PERIOD; ical.js leaves the DTSTART out of such a set.
 * - `several-times-a-day`: BYHOUR/BYMINUTE with several values on a DTSTART the rule does not
 *   match; ical.js gives only the first time each day, we give all (RFC 5545 §3.8.5.3's own
 *   example "every Sunday in January at 8:30 AM and 9:30 AM" lists both).
 */
export type DifferenceCause =
  | 'unsynchronised-start'
  | 'floating-in-icaljs'
  | 'second-rrule'
  | 'date-exdate'
  | 'override-adds-date'
  | 'local-until'
  | 'rdate-period'
  | 'several-times-a-day'

/** How one recurring series expanded on each side. */
export interface SeriesComparison {
  file: string
  uid: string
  agree: boolean
  /** Causes from {@link DifferenceCause} that the file shows for this series (when they differ). */
  causes: DifferenceCause[]
  ours: string[]
  icalJs: string[]
  /**
   * Whether the occurrences agree once those the causes explain are set aside: a start outside
   * the rule and the dates only overrides add (checked where those are the only causes).
   */
  restAgrees: boolean
}

// Both sides list at most this many occurrences, and none after this year.
const occurrenceLimit = 100
const lastYear = 2040

const asLocal = (time: InstanceType<typeof ICAL.Time>): string => {
  const text = time.toString()
  return text.length === 10 ? `${text}T00:00:00` : text.slice(0, 19)
}

type Component = InstanceType<typeof ICAL.Component>

function causesOf(
  component: Component,
  overrides: readonly Component[],
  timeZones: ReadonlySet<string>,
  rawLines: readonly string[],
  ours: readonly string[],
  icalJs: readonly string[],
): DifferenceCause[] {
  const causes: DifferenceCause[] = []
  const dtstart = component.getFirstProperty('dtstart')
  const start = asLocal(
    component.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>,
  )
  if (ours[0] === start && !icalJs.includes(start)) causes.push('unsynchronised-start')
  const tzid = dtstart?.getParameter('tzid')
  if (typeof tzid === 'string' && !timeZones.has(tzid)) causes.push('floating-in-icaljs')
  if (component.getAllProperties('rrule').length > 1) causes.push('second-rrule')
  const dateTime = dtstart?.type === 'date-time'
  if (dateTime && component.getAllProperties('exdate').some((exdate) => exdate.type === 'date'))
    causes.push('date-exdate')
  const ids = overrides.map((override) =>
    asLocal(override.getFirstPropertyValue('recurrence-id') as InstanceType<typeof ICAL.Time>),
  )
  if (ids.some((id) => ours.includes(id) && !icalJs.includes(id))) causes.push('override-adds-date')
  if (rawLines.some((line) => /^RRULE:.*UNTIL=\d{8}T\d{6}(;|$)/i.test(line)) && tzid !== undefined)
    causes.push('local-until')
  if (rawLines.some((line) => /^RRULE:.*BY(HOUR|MINUTE|SECOND)=\d+,/i.test(line)))
    causes.push('several-times-a-day')
  if (component.getAllProperties('rdate').some((rdate) => rdate.type === 'period'))
    causes.push('rdate-period')
  return causes
}

/**
 * Expands every recurring component of `kinds` in a file of the world corpus with ical.js (its
 * RecurExpansion: RRULE, RDATE, EXDATE) and with {@link iterateOccurrences} on what
 * `importEntries` made of it (the calendars converter, or the tasks package's VTODO import), and
 * compares the occurrences one by one: the same local time in the series' zone, or the same UTC
 * instant. A file `importEntries` or ical.js refuses gives its error.
 */
function compareWithIcalJs(
  path: string,
  importEntries: (text: string) => Array<Event | Task>,
  kinds: ReadonlyArray<'vevent' | 'vtodo'> = ['vevent', 'vtodo'],
): SeriesComparison[] | { error: string } {
  const file = relative(worldCorpusDirectory, path)
  const text = readFileSync(path, 'utf8')
  const rawLines = text.split(/\r?\n/)
  let entries: Array<Event | Task>
  let roots: Component[]
  try {
    entries = importEntries(text)
    // A file of several VCALENDARs (which the tasks import streams) parses to a list of them,
    // an empty one to an empty list.
    const parsed: unknown[] = ICAL.parse(text)
    const jcals = parsed.length === 0 || Array.isArray(parsed[0]) ? parsed : [parsed]
    roots = jcals.map((jcal) => new ICAL.Component(jcal as unknown[]))
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
  const calendars = roots.flatMap((root) =>
    root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar'),
  )
  const results: SeriesComparison[] = []
  const used = new Set<Event | Task>()
  for (const calendar of calendars) {
    ICAL.TimezoneService.reset()
    const timeZones = new Set<string>()
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
      // ical.js refuses a VTIMEZONE it cannot name; its times stay floating there too.
      try {
        const zone = new ICAL.Timezone(vtimezone)
        ICAL.TimezoneService.register(zone)
        timeZones.add(zone.tzid)
      } catch {}
    }
    // Custom zones as the converter reads them (their times compared as instants).
    const customZones = new TimeZoneRules(
      [],
      calendar
        .getAllSubcomponents('vtimezone')
        .map((vtimezone) => vtimezone.toJSON() as JCalComponent),
    )
    const components = kinds.flatMap((kind) => calendar.getAllSubcomponents(kind))
    for (const component of components) {
      if (component.hasProperty('recurrence-id')) continue
      const uid = String(component.getFirstPropertyValue('uid') ?? '')
      const type = component.name === 'vevent' ? 'Event' : 'Task'
      // Several main components may share a UID (an iTIP file holds one per message); they are
      // taken in order, recurring or not, so each meets the entry it became.
      const entry = entries.find(
        (item) => item.uid === uid && item['@type'] === type && !used.has(item),
      )
      if (entry === undefined) continue
      used.add(entry)
      if (!component.hasProperty('rrule') && !component.hasProperty('rdate')) continue
      let dtstart: unknown
      try {
        dtstart = component.getFirstPropertyValue('dtstart')
      } catch {
        // A DTSTART only the lenient reader takes (a DATE without VALUE=DATE): no ical.js side.
        continue
      }
      if (!(dtstart instanceof ICAL.Time)) continue
      const icalJs: Array<InstanceType<typeof ICAL.Time>> = []
      try {
        const expansion = new ICAL.RecurExpansion({ component, dtstart })
        for (let index = 0; index < occurrenceLimit; index++) {
          const next = expansion.next()
          if (next === undefined || next === null || next.year > lastYear) break
          icalJs.push(next)
        }
      } catch {
        // A value ical.js parsed but cannot expand (our reader left it out): nothing to compare.
        continue
      }
      const ours: Array<{ id: string; instant: number }> = []
      for (const occurrence of iterateOccurrences(entry)) {
        if (
          ours.length >= occurrenceLimit ||
          occurrence.recurrenceId.slice(0, 4) > String(lastYear)
        )
          break
        const zone = entry.timeZone
        const instant =
          zone === undefined
            ? Number.NaN
            : isIanaTimeZone(zone)
              ? localDateTimeToInstant(occurrence.recurrenceId, zone)
              : customZones.toUtc(occurrence.recurrenceId, zone)
        ours.push({ id: occurrence.recurrenceId, instant })
      }
      const same = (
        mine: (typeof ours)[number] | undefined,
        theirs: InstanceType<typeof ICAL.Time> | undefined,
      ): boolean => {
        if (mine === undefined || theirs === undefined) return false
        return mine.id === asLocal(theirs) || mine.instant === theirs.toUnixTime() * 1000
      }
      const agree =
        ours.length === icalJs.length && ours.every((mine, index) => same(mine, icalJs[index]))
      const overrides = components.filter(
        (other) => other.hasProperty('recurrence-id') && other.getFirstPropertyValue('uid') === uid,
      )
      const causes = agree
        ? []
        : causesOf(
            component,
            overrides,
            timeZones,
            rawLines,
            ours.map((occurrence) => occurrence.id),
            icalJs.map(asLocal),
          )
      const added = new Set(
        causes.includes('override-adds-date')
          ? overrides.map((override) =>
              asLocal(
                override.getFirstPropertyValue('recurrence-id') as InstanceType<typeof ICAL.Time>,
              ),
            )
          : [],
      )
      const rest = ours
        .slice(causes.includes('unsynchronised-start') ? 1 : 0)
        .filter(
          (occurrence) =>
            !added.has(occurrence.id) || icalJs.some((time) => asLocal(time) === occurrence.id),
        )
      const common = Math.min(rest.length, icalJs.length)
      results.push({
        file,
        uid,
        agree,
        causes,
        ours: ours.map((occurrence) => occurrence.id),
        icalJs: icalJs.map(asLocal),
        restAgrees: rest.slice(0, common).every((mine, index) => same(mine, icalJs[index])),
      })
    }
  }
  return results
}

/** Agreement counts of a set of series, and the series that differ for no known cause. */
export interface AgreementSummary {
  agreeing: number
  differing: number
  /** How many differing series show each cause. */
  byCause: Map<DifferenceCause, number>
  /** Differing series the file shows no cause for (`file uid`). */
  unexplained: string[]
  /**
   * Series whose only causes are a start outside the rule or dates overrides add, yet whose
   * other occurrences differ too (`file uid`).
   */
  restDiffers: string[]
}

/** Counts agreement and collects what a test must fail on. */
function summarizeAgreement(series: readonly SeriesComparison[]): AgreementSummary {
  const differing = series.filter((item) => !item.agree)
  const byCause = new Map<DifferenceCause, number>()
  for (const item of differing)
    for (const cause of item.causes) byCause.set(cause, (byCause.get(cause) ?? 0) + 1)
  const setAside = new Set<DifferenceCause>(['unsynchronised-start', 'override-adds-date'])
  return {
    agreeing: series.length - differing.length,
    differing: differing.length,
    byCause,
    unexplained: differing
      .filter((item) => item.causes.length === 0)
      .map((item) => `${item.file} ${item.uid}`),
    restDiffers: differing
      .filter((item) => item.causes.every((cause) => setAside.has(cause)) && !item.restAgrees)
      .map((item) => `${item.file} ${item.uid}`),
  }
}

/** Every recurring series of the world corpus compared, its summary, and a line to print. */
export interface CorpusAgreement {
  series: SeriesComparison[]
  summary: AgreementSummary
  /** Files `importEntries` or ical.js refuses. */
  notImported: number
  /** "N of M recurring series agree; …", for the test's output. */
  report: string
}

/**
 * {@link compareWithIcalJs} on every file of the world corpus, summarized; by default on what the
 * calendars converter imports.
 */
export function compareCorpusWithIcalJs(
  importEntries: (text: string) => Array<Event | Task> = (text) =>
    icalendarToJSCalendar(text).entries,
  kinds?: ReadonlyArray<'vevent' | 'vtodo'>,
): CorpusAgreement {
  const series: SeriesComparison[] = []
  let notImported = 0
  for (const file of icsFiles()) {
    const result = compareWithIcalJs(file, importEntries, kinds)
    if ('error' in result) notImported++
    else series.push(...result)
  }
  const summary = summarizeAgreement(series)
  const causes = [...summary.byCause].map(([cause, count]) => `${cause} ${count}`).join(', ')
  const report =
    `${summary.agreeing} of ${series.length} recurring series agree; ` +
    `${summary.differing} differ (${causes}); ${notImported} files not imported`
  return { series, summary, notImported, report }
}
