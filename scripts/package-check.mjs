// Packs every publishable package the way `pnpm publish` would (so
// publishConfig.exports replaces the source-condition exports), then runs
// publint and Are The Types Wrong (ESM-only profile) on each tarball.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => join(root, 'node_modules', '.bin', name)
const packages = readdirSync(join(root, 'packages'))
const outDir = mkdtempSync(join(tmpdir(), 'typed-jmap-pack-'))
let failed = 0
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
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
process.exit(failed === 0 ? 0 : 1)
