// The public entries of a workspace package, read from its package.json so a
// new package (or a new subpath) needs no list kept here. Each entry's source
// is the `@typed-jmap/source` condition; its build is `dist/<same path>.js`.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))

/** Every `.ts` source an export or import condition tree names under `@typed-jmap/source`. */
function sourcesOf(target, inSource = false) {
  if (typeof target === 'string') return inSource && target.endsWith('.ts') ? [target] : []
  if (target === null || typeof target !== 'object') return []
  return Object.entries(target).flatMap(([condition, value]) =>
    sourcesOf(value, inSource || condition === '@typed-jmap/source'),
  )
}

/**
 * The publishable workspace packages (every folder of packages/ whose
 * package.json is not private), each with its directory and manifest.
 */
export function workspacePackages() {
  const dir = join(root, 'packages')
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name, 'package.json'), { throwIfNoEntry: false }))
    .map((name) => {
      const packageDir = join(dir, name)
      const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
      return { dir: packageDir, manifest }
    })
    .filter(({ manifest }) => manifest.private !== true)
}

/** The subpaths a package exports (`.`, `./ical`, …), without `./package.json`. */
export function publicSubpaths(manifest) {
  return Object.keys(manifest.exports ?? {}).filter((subpath) => !subpath.endsWith('.json'))
}

/**
 * Import specifiers of the public entries a browser app may use:
 * `@typed-jmap/core`, `@typed-jmap/calendars/ical`, … A subpath named `node`
 * (`@typed-jmap/core/node`) is Node-only by convention and left out.
 */
export function browserSpecifiers(manifest) {
  return publicSubpaths(manifest)
    .filter((subpath) => subpath !== './node' && !subpath.endsWith('/node'))
    .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`))
}

/** Source files to build: those of every export and every `#import`, deduplicated. */
export function buildSources(manifest) {
  const targets = [
    ...Object.values(manifest.exports ?? {}),
    ...Object.values(manifest.imports ?? {}),
  ]
  return [...new Set(targets.flatMap((target) => sourcesOf(target)))]
}
