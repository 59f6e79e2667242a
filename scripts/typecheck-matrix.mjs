// Type-checks the whole workspace (sources, tests, type tests, benches) with
// every TypeScript the SDK supports. The versions are pinned by the private
// workspace packages under tools/, so each has its own `tsc` and none shadows
// the TypeScript 6.0 that builds the packages.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const compilers = [
  { label: 'TypeScript 6.0', tsc: 'node_modules/typescript/bin/tsc' },
  { label: 'TypeScript 5.9', tsc: 'tools/ts-5.9/node_modules/typescript/bin/tsc' },
  { label: 'TypeScript 7.0', tsc: 'tools/ts-7.0/node_modules/typescript/bin/tsc' },
]

let failed = 0
for (const { label, tsc } of compilers) {
  const started = performance.now()
  const run = spawnSync(process.execPath, [tsc, '--version'], { cwd: root, encoding: 'utf8' })
  const version = run.stdout.trim()
  const check = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], {
    cwd: root,
    stdio: 'inherit',
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const ok = check.status === 0
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label} (${version}) in ${seconds}s`)
}
process.exit(failed === 0 ? 0 : 1)
