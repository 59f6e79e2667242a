import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { isICalendarParseError } from './icalendar-parse-error.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'

// The world corpus: 400 real .ics files from public projects (../shared/testdata/world, see its
// PROVENANCE.md), many deliberately broken. Each file imports or fails with an
// ICalendarParseError that says where; what imports exports, and exporting again what that
// export reads back gives the same text.
const corpus = new URL('../../../../../shared/testdata/world/ical/', import.meta.url).pathname

function files(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name)
      return statSync(path).isDirectory() ? files(path) : name.endsWith('.ics') ? [path] : []
    })
}

// Known gaps, each with its reason:
// Two attendees whose ids collide put their properties in another order on the second pass.
const reordered = new Set(['icaljs/parserv2.ics'])

describe('the real-world corpus', () => {
  test('imports, exports and round-trips', () => {
    let imported = 0
    let warned = 0
    const failures: string[] = []
    for (const path of files(corpus)) {
      const name = relative(corpus, path)
      const text = readFileSync(path, 'utf8')
      let warnings = 0
      let group: ReturnType<typeof icalendarToJSCalendar>
      try {
        group = icalendarToJSCalendar(text, { onWarning: () => warnings++ })
      } catch (error) {
        if (!isICalendarParseError(error) || error.line < 1) failures.push(`${name}: ${error}`)
        continue
      }
      imported++
      if (warnings > 0) warned++
      let exported: string
      try {
        exported = jscalendarToICalendar(group)
      } catch (error) {
        failures.push(`${name}: export: ${error}`)
        continue
      }
      const again = jscalendarToICalendar(icalendarToJSCalendar(exported))
      if (again !== exported && !reordered.has(name)) failures.push(`${name}: not stable`)
    }
    console.info(`world corpus: ${imported} of 400 files import (${warned} with warnings)`)
    expect(failures).toEqual([])
    expect(imported).toBeGreaterThanOrEqual(317)
  }, 120_000)
})
