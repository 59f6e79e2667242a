// The release a maintainer runs. Without flags it is a dry run that changes nothing: build every
// package, run the package check (publint, Are The Types Wrong), pack each package and check that
// the tarball carries LICENSE, README.md and package.json. `--publish` then publishes what
// changesets versioned (`pnpm changeset version` first, which writes the CHANGELOGs).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const publish = process.argv.includes('--publish')
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' })

run('pnpm', ['build'])
run('pnpm', ['package-check'])

const required = ['package/LICENSE', 'package/README.md', 'package/package.json']
const outDir = mkdtempSync(join(tmpdir(), 'typed-jmap-release-'))
let missing = 0
try {
  for (const name of readdirSync(join(root, 'packages'))) {
    const before = new Set(readdirSync(outDir))
    execFileSync('pnpm', ['pack', '--pack-destination', outDir], {
      cwd: join(root, 'packages', name),
      stdio: 'ignore',
    })
    const tarball = readdirSync(outDir).find((file) => !before.has(file))
    if (tarball === undefined) throw new Error(`pnpm pack wrote nothing for ${name}`)
    const listed = new Set(
      execFileSync('tar', ['-tzf', join(outDir, tarball)], { encoding: 'utf8' }).split('\n'),
    )
    const absent = required.filter((file) => !listed.has(file))
    missing += absent.length
    process.stdout.write(
      `${absent.length === 0 ? 'ok  ' : 'FAIL'} ${tarball} (${listed.size - 1} files)${absent.length > 0 ? `: missing ${absent.join(', ')}` : ''}\n`,
    )
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
if (missing > 0) process.exit(1)

if (publish) run('pnpm', ['changeset', 'publish'])
else process.stdout.write('dry run: nothing published (pass --publish to publish)\n')
