import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { expect, test } from 'vitest'

// `@typed-jmap/calendars` must not pull ical.js into a bundle: ical.js stays behind the `/ical`
// subpath. This walks the import graph of the JSCalendar model (what the main entry point
// re-exports from here) and fails on any path to ical.js or the converter.
test('the JSCalendar model never imports ical.js or the converter', () => {
  const source = dirname(new URL('.', import.meta.url).pathname)
  const seen = new Set<string>()
  const pending = [join(source, 'jscalendar', 'index.ts')]
  const offenders: string[] = []
  while (pending.length > 0) {
    const file = pending.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'([^']+)'/g)) {
      const specifier = match[1] as string
      if (specifier === 'ical.js' || specifier.startsWith('@typed-jmap/calendars/ical')) {
        offenders.push(`${relative(source, file)} imports ${specifier}`)
      }
      if (!specifier.startsWith('.')) continue
      const target = join(dirname(file), specifier.replace(/\.js$/, '.ts'))
      if (relative(source, target).startsWith('ical'))
        offenders.push(`${relative(source, file)} imports ${specifier}`)
      if (existsSync(target)) pending.push(target)
    }
  }
  expect(seen.size).toBeGreaterThan(10)
  expect(offenders).toEqual([])
})
