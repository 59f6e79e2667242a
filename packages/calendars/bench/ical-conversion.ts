// Converts every real-world .ics file of the world corpus (../shared/testdata/world, files from
// public projects) both ways and compares with ical.js on the same file in the same run: the
// median over files of (our time / ical.js parse time), so one big file does not decide.
// Run: pnpm bench:ical
import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { icalendarToJSCalendar, jscalendarToICalendar } from '../src/ical/index.js'
import { icsFiles } from '../test/ical-support/world-corpus.js'

/** Milliseconds per run of `work`, repeated until 5 ms have passed so tiny files still measure. */
function perRun(work: () => unknown): number {
  let runs = 0
  const started = performance.now()
  let elapsed = 0
  do {
    work()
    runs++
    elapsed = performance.now() - started
  } while (elapsed < 5)
  return elapsed / runs
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const importRatios: number[] = []
const exportRatios: number[] = []
const exportToStringifyRatios: number[] = []
let skipped = 0
const all = icsFiles()
for (const path of all) {
  const text = readFileSync(path, 'utf8')
  let group: ReturnType<typeof icalendarToJSCalendar>
  let jcal: unknown
  try {
    jcal = ICAL.parse(text)
    group = icalendarToJSCalendar(text)
    jscalendarToICalendar(group)
  } catch {
    // Files one side refuses have nothing to compare.
    skipped++
    continue
  }
  const component = new ICAL.Component(jcal as unknown[])
  // Two rounds, the sides interleaved, so a busy moment on a shared machine slows both alike.
  let parse = Number.POSITIVE_INFINITY
  let stringify = Number.POSITIVE_INFINITY
  let toJSCalendar = Number.POSITIVE_INFINITY
  let toICalendar = Number.POSITIVE_INFINITY
  for (let round = 0; round < 2; round++) {
    parse = Math.min(
      parse,
      perRun(() => ICAL.parse(text)),
    )
    toJSCalendar = Math.min(
      toJSCalendar,
      perRun(() => icalendarToJSCalendar(text)),
    )
    stringify = Math.min(
      stringify,
      perRun(() => component.toString()),
    )
    toICalendar = Math.min(
      toICalendar,
      perRun(() => jscalendarToICalendar(group)),
    )
  }
  importRatios.push(toJSCalendar / parse)
  exportRatios.push(toICalendar / parse)
  exportToStringifyRatios.push(toICalendar / stringify)
}
const range = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] as number).toFixed(2)
  return `p10 ${at(0.1)}×, p90 ${at(0.9)}×, max ${at(1)}×`
}
console.log(
  `world corpus: ${importRatios.length} of ${all.length} .ics files compared (${skipped} refused by one side)`,
)
console.log(
  `ratio iCalendar → JSCalendar / ical.js parse: ${median(importRatios).toFixed(2)}× median per file (${range(importRatios)}; target ≤ 1.5×)`,
)
console.log(
  `ratio JSCalendar → iCalendar / ical.js parse: ${median(exportRatios).toFixed(2)}× median per file (${range(exportRatios)})`,
)
console.log(
  `ratio JSCalendar → iCalendar / ical.js stringify: ${median(exportToStringifyRatios).toFixed(2)}× median per file (${range(exportToStringifyRatios)})`,
)
