import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'

// `@typed-jmap/calendars` must not pull ical.js into a bundle: ical.js stays behind the `/ical`
// subpath, and the calendar API loads the converter with a dynamic `import()` only when a method
// reads or writes iCalendar text.

const source = dirname(new URL('.', import.meta.url).pathname)

// A static `import`/`export … from` at the start of a line; group 1 is `type ` when the whole
// statement is erased at compile time. Dynamic `import('…')` does not match: it is the way out.
const staticImport = /^(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?'([^']+)'/gm

interface ImportGraph {
  readonly files: ReadonlySet<string>
  readonly offenders: readonly string[]
}

/** Walks the static, non-type imports from `entry` and lists each one of ical.js or `src/ical/`. */
function staticImportGraph(entry: string): ImportGraph {
  const files = new Set<string>()
  const pending = [join(source, entry)]
  const offenders: string[] = []
  while (pending.length > 0) {
    const file = pending.pop() as string
    if (files.has(file)) continue
    files.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(staticImport)) {
      if (match[1] !== undefined) continue
      const specifier = match[2] as string
      const offence = `${relative(source, file)} imports ${specifier}`
      if (specifier === 'ical.js' || specifier.startsWith('@typed-jmap/calendars/ical')) {
        offenders.push(offence)
      }
      if (!specifier.startsWith('.')) continue
      const target = join(dirname(file), specifier.replace(/\.js$/, '.ts'))
      // The first step into the converter is the offence; what lies behind it is not walked.
      if (relative(source, target).startsWith('ical/')) offenders.push(offence)
      else if (existsSync(target)) pending.push(target)
    }
  }
  return { files, offenders }
}

describe('the main entry point without ical.js', () => {
  test('the JSCalendar model never imports ical.js or the converter', () => {
    const graph = staticImportGraph('jscalendar/index.ts')
    expect(graph.files.size).toBeGreaterThan(10)
    expect(graph.offenders).toEqual([])
  })

  test('nothing statically reachable from src/index.ts imports ical.js or the converter', () => {
    const graph = staticImportGraph('index.ts')
    expect(graph.files).toContain(join(source, 'calendar-api', 'calendar-api-impl.ts'))
    expect(graph.offenders).toEqual([])
  })

  test('the walk sees a static import of the converter', () => {
    // The converter's content-line reader imports ical.js: a walk that missed it would guard
    // nothing.
    expect(staticImportGraph('ical/content-line.ts').offenders).toContain(
      'ical/content-line.ts imports ical.js',
    )
  })

  test('an esbuild bundle of the main entry loads ical.js only through a split chunk', async () => {
    const result = await build({
      entryPoints: [join(source, 'index.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'neutral',
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'silent',
      conditions: ['@typed-jmap/source'],
      mainFields: ['module', 'main'],
      external: ['@typed-jmap/core', 'valibot'],
    })
    const outputs = result.metafile.outputs
    const entry = Object.keys(outputs).find(
      (path) => outputs[path]?.entryPoint?.endsWith('src/index.ts') === true,
    )
    expect(entry).toBeDefined()
    // Everything the entry chunk loads before it runs: itself and its static imports.
    const loaded = new Set<string>()
    const pending = [entry as string]
    while (pending.length > 0) {
      const path = pending.pop() as string
      if (loaded.has(path)) continue
      loaded.add(path)
      for (const imported of outputs[path]?.imports ?? []) {
        if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path)
      }
    }
    const inputsOf = (paths: Iterable<string>): string[] =>
      [...paths].flatMap((path) => Object.keys(outputs[path]?.inputs ?? {}))
    const isConverter = (input: string): boolean =>
      input.includes('node_modules/ical.js/') || input.includes('calendars/src/ical/')
    expect(inputsOf(loaded).filter(isConverter)).toEqual([])
    // ical.js is still in the bundle, in a chunk the iCalendar methods load on demand.
    expect(inputsOf(Object.keys(outputs)).some(isConverter)).toBe(true)
  })
})
