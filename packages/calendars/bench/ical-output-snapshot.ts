// Writes everything the converter makes of the world corpus to one file, so a change meant only
// for speed can be checked to give byte-for-byte the same output: per file the lenient import
// (JSCalendar JSON and warnings), the strict import (or its error), a plain (lossless: false)
// import, and the export of the lenient import. Run it before and after a change and compare.
// Run: pnpm exec tsx --conditions=@typed-jmap/source packages/calendars/bench/ical-output-snapshot.ts OUT
import { readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { icalendarStreamToJSCalendar, jscalendarToICalendar } from '../src/ical/index.js'
import { icsFiles, worldCorpusDirectory } from '../test/ical-support/world-corpus.js'

const out = process.argv[2]
if (out === undefined) throw new Error('usage: ical-output-snapshot.ts OUTPUT-FILE')

/** What a conversion gives, or the error it throws, as text. */
function attempt(work: () => unknown): string {
  try {
    return JSON.stringify(work())
  } catch (error) {
    return `error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
  }
}

const lines: string[] = []
for (const path of icsFiles()) {
  const text = readFileSync(path, 'utf8')
  const warnings: unknown[] = []
  let lenient: ReturnType<typeof icalendarStreamToJSCalendar> | undefined
  lines.push(`== ${relative(worldCorpusDirectory, path)}`)
  lines.push(
    `lenient ${attempt(() => {
      lenient = icalendarStreamToJSCalendar(text, {
        onWarning: (warning) => warnings.push(warning),
      })
      return lenient
    })}`,
  )
  lines.push(`warnings ${JSON.stringify(warnings)}`)
  lines.push(`strict ${attempt(() => icalendarStreamToJSCalendar(text, { strict: true }))}`)
  lines.push(
    `plain ${attempt(() => icalendarStreamToJSCalendar(text, { lossless: false, onWarning: () => {} }))}`,
  )
  const groups = lenient
  if (groups !== undefined)
    lines.push(`export ${attempt(() => groups.map((group) => jscalendarToICalendar(group)))}`)
}
writeFileSync(out, `${lines.join('\n')}\n`)
console.log(`${lines.length} lines written to ${out}`)
