import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The world corpus: real .ics files from public projects (../shared/testdata/world, see its
// PROVENANCE.md; never edited), which the converter's tests and bench:ical read.

/** Where the world corpus's iCalendar files live. */
export const worldCorpusDirectory: string = fileURLToPath(
  new URL('../../../../../shared/testdata/world/ical/', import.meta.url),
)

/** Every .ics file under `directory` (the world corpus by default), sorted, as absolute paths. */
export function icsFiles(directory: string = worldCorpusDirectory): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name)
      return statSync(path).isDirectory() ? icsFiles(path) : name.endsWith('.ics') ? [path] : []
    })
}
