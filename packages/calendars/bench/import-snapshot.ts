// Writes what the converter makes of every world-corpus .ics file (lenient and strict import:
// JSCalendar JSON, warnings, errors; lossless and plain; text and bytes in; the export of what
// imports) to one file, so a speed change can be checked to leave the output byte for byte
// unchanged: run it before and after, and compare the files (`cmp`).
// Run: pnpm exec tsx --conditions=@typed-jmap/source packages/calendars/bench/import-snapshot.ts out.txt
import { readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import {
  type ICalendarWarning,
  icalendarStreamToJSCalendar,
  jscalendarToICalendar,
  type ReadOptions,
} from '../src/ical/index.js'
import { icsFiles, worldCorpusDirectory } from '../test/ical-support/world-corpus.js'

const output = process.argv[2]
if (output === undefined) throw new Error('usage: import-snapshot.ts <output file>')

function failure(error: unknown): string {
  if (!(error instanceof Error)) return `thrown: ${String(error)}`
  const line = (error as { line?: unknown }).line
  return `${error.name}${line === undefined ? '' : ` (line ${String(line)})`}: ${error.message}`
}

function imported(input: string | Uint8Array, options: ReadOptions): string {
  const warnings: ICalendarWarning[] = []
  try {
    const groups = icalendarStreamToJSCalendar(input, {
      ...options,
      onWarning: (warning) => warnings.push(warning),
    })
    let exported: string
    try {
      exported = groups.map((group) => jscalendarToICalendar(group)).join('')
    } catch (error) {
      exported = failure(error)
    }
    return `${JSON.stringify(groups)}\nwarnings ${JSON.stringify(warnings)}\nexport\n${exported}`
  } catch (error) {
    return `${failure(error)}\nwarnings ${JSON.stringify(warnings)}`
  }
}

const parts: string[] = []
for (const path of icsFiles()) {
  const text = readFileSync(path, 'utf8')
  const bytes = readFileSync(path)
  parts.push(
    `=== ${relative(worldCorpusDirectory, path)}`,
    `--- lenient\n${imported(text, {})}`,
    `--- strict\n${imported(text, { strict: true })}`,
    `--- plain\n${imported(text, { lossless: false, keepTimeZones: false, entryProdId: true })}`,
    `--- bytes\n${imported(new Uint8Array(bytes), {})}`,
  )
}
writeFileSync(output, `${parts.join('\n')}\n`)
console.log(`${output}: ${icsFiles().length} files`)
