import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))

/** Every module specifier a source file imports or re-exports at run time (not `import type`). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const specifiers: string[] = []
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
    specifiers.push(match[1] as string)
  }
  return specifiers
}

/** The bare packages reachable at run time from an entry, following the package's own files. */
function reachablePackages(entry: string): Set<string> {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.'))
        visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
      else packages.add(specifier)
    }
  }
  visit(resolve(here, entry))
  return packages
}

describe('entry points', () => {
  it('the main entry does not load ical.js (nor calendars, which would bring it)', () => {
    const packages = reachablePackages('index.ts')
    expect([...packages].sort()).toEqual([
      '@typed-jmap/core',
      '@typed-jmap/core/internal',
      'valibot',
    ])
  })

  it('the vcard entry is where ical.js comes in', () => {
    expect(reachablePackages('vcard/index.ts')).toContain('ical.js')
  })
})
