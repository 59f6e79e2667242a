// Packs every publishable package the way `pnpm publish` would (so publishConfig.exports
// replaces the source-condition exports), then checks each tarball: publint, Are The Types Wrong
// (ESM-only profile), and its contents — LICENSE, README.md and package.json are there, nothing
// but dist/ besides them (no src/: the source maps embed their sources, which is checked too).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => join(root, 'node_modules', '.bin', name)
// Every package, or those named: `pnpm package-check sieve core`.
const packages =
  process.argv.length > 2 ? process.argv.slice(2) : readdirSync(join(root, 'packages'))
const required = ['LICENSE', 'README.md', 'package.json']
// What may ship beside dist/: the required files and the CHANGELOG changesets writes.
const allowedAtTop = new Set([...required, 'CHANGELOG.md'])
const outDir = mkdtempSync(join(tmpdir(), 'typed-jmap-pack-'))
let failed = 0

/** The problems of an unpacked tarball's contents, one line each. */
function contentProblems(dir, files) {
  const problems = required.filter((file) => !files.includes(file)).map((file) => `no ${file}`)
  for (const file of files) {
    if (!file.startsWith('dist/') && !allowedAtTop.has(file)) problems.push(`ships ${file}`)
    if (file.endsWith('.d.ts.map')) problems.push(`ships ${file} (points into src/, not shipped)`)
    if (!file.endsWith('.js.map')) continue
    const map = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    const embedded = map.sourcesContent ?? []
    const missing = map.sources.filter((_, index) => typeof embedded[index] !== 'string')
    if (missing.length > 0) problems.push(`${file} needs ${missing[0]} (no sourcesContent)`)
  }
  return problems
}

function filesUnder(dir, prefix = '') {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = prefix === '' ? name : `${prefix}/${name}`
    return statSync(join(dir, path)).isDirectory() ? filesUnder(dir, path) : [path]
  })
}

try {
  for (const name of packages) {
    const dir = join(root, 'packages', name)
    const before = new Set(readdirSync(outDir))
    execFileSync('pnpm', ['pack', '--pack-destination', outDir], { cwd: dir, stdio: 'ignore' })
    const tarball = readdirSync(outDir).find((file) => !before.has(file))
    if (tarball === undefined) throw new Error(`pnpm pack wrote nothing for ${name}`)
    const path = join(outDir, tarball)
    for (const [tool, args] of [
      ['publint', [bin('publint'), path, '--strict']],
      ['attw', [bin('attw'), path, '--profile', 'esm-only', '--format', 'table-flipped']],
    ]) {
      const result = spawnSync(args[0], args.slice(1), { cwd: dir, encoding: 'utf8' })
      const ok = result.status === 0
      if (!ok) failed++
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${tool} @typed-jmap/${name}`)
      if (!ok) console.log(result.stdout, result.stderr)
    }
    const unpacked = join(outDir, `${name}-unpacked`)
    mkdirSync(unpacked)
    execFileSync('tar', ['-xzf', path, '-C', unpacked])
    const files = filesUnder(join(unpacked, 'package'))
    const problems = contentProblems(join(unpacked, 'package'), files)
    if (problems.length > 0) failed++
    const size = files.reduce(
      (sum, file) => sum + statSync(join(unpacked, 'package', file)).size,
      0,
    )
    console.log(
      `${problems.length === 0 ? 'ok  ' : 'FAIL'} contents @typed-jmap/${name}: ${files.length} files, ${(size / 1024).toFixed(0)} KiB unpacked${problems.length > 0 ? `\n  ${problems.join('\n  ')}` : ''}`,
    )
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
process.exit(failed === 0 ? 0 : 1)
