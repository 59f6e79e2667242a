// The release a maintainer runs. Without flags it is a dry run that changes nothing: build every
// package, then the package check (pack each package as `pnpm publish` would; publint, Are The
// Types Wrong, and the tarball's contents: LICENSE, README.md, package.json, dist/ and nothing
// else, source maps that need no src/). `--skip-build` reuses the dist/ an earlier `pnpm build`
// wrote (CI builds once); `--publish` then publishes what changesets versioned
// (`pnpm changeset version` first, which writes the CHANGELOGs).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const publish = process.argv.includes('--publish')
const skipBuild = process.argv.includes('--skip-build')
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' })

if (publish && skipBuild) {
  console.error('--publish builds afresh: drop --skip-build')
  process.exit(1)
}
if (skipBuild) {
  const unbuilt = readdirSync(join(root, 'packages')).filter(
    (name) => !existsSync(join(root, 'packages', name, 'dist')),
  )
  if (unbuilt.length > 0) {
    console.error(`--skip-build: no dist/ in packages/${unbuilt.join(', ')}; run pnpm build first`)
    process.exit(1)
  }
} else {
  run('pnpm', ['build'])
}
run('pnpm', ['package-check'])

if (publish) run('pnpm', ['changeset', 'publish'])
else console.log('dry run: nothing published (pass --publish to publish)')
