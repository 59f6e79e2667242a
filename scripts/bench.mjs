// Runs every benchmark the root package.json declares as `bench:<name>`, in
// order. Each prints ratios measured side by side in one run; none of them
// asserts a speed (budgets that must hold live in their own tests).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:'))
let failed = 0
for (const name of benches) {
  console.log(`\n=== ${name}`)
  const run = spawnSync('pnpm', ['run', '--silent', name], { stdio: 'inherit' })
  if (run.status !== 0) failed++
}
if (benches.length === 0) console.log('no bench:* scripts declared')
process.exit(failed === 0 ? 0 : 1)
