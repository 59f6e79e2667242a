// `pnpm bench:import`: how long Node takes to start and import a package
// (the built dist/, as installed apps get it), next to jmap-jam and to an
// empty `node -e 0`. Runs are interleaved (one of each per round) so load on
// the machine hits all alike; medians of CPU time (user + system) and wall time.
// Node resolves the packages' `node` condition: dist/for-node/, with valibot
// bundled in (scripts/build/build-package.mjs says why).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
if (!existsSync(new URL('../../packages/core/dist/index.js', import.meta.url))) {
  console.log('import cost measures the built packages: run `pnpm build` first')
  process.exit(1)
}
const rounds = Number(process.env.IMPORT_COST_ROUNDS ?? 15)
const subjects = [
  { name: 'node -e 0', code: '0' },
  { name: 'jmap-jam', code: "await import('jmap-jam')" },
  { name: '@typed-jmap/core', code: "await import('@typed-jmap/core')" },
  {
    name: '@typed-jmap/core + mail',
    code: "await import('@typed-jmap/core'); await import('@typed-jmap/mail')",
  },
]

// The child reports its own CPU time, start-up included, just before exiting.
const report =
  ';const u = process.cpuUsage(); console.log(JSON.stringify((u.user + u.system) / 1000))'
const samples = new Map(subjects.map((subject) => [subject.name, { cpu: [], wall: [] }]))
for (let round = 0; round < rounds; round++) {
  for (const subject of subjects) {
    const started = process.hrtime.bigint()
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `${subject.code}${report}`],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
    const wall = Number(process.hrtime.bigint() - started) / 1e6
    if (run.status !== 0) throw new Error(`${subject.name}: ${run.stderr}`)
    samples.get(subject.name).cpu.push(Number(run.stdout.trim().split('\n').pop()))
    samples.get(subject.name).wall.push(wall)
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const of = (name) => ({ cpu: median(samples.get(name).cpu), wall: median(samples.get(name).wall) })
const empty = of('node -e 0')
const jam = of('jmap-jam')
console.log(`import cost, medians of ${rounds} interleaved runs (Node ${process.version})`)
console.log(
  'subject | CPU ms | wall ms | CPU above node -e 0 | × jmap-jam (CPU above empty) | × node -e 0 (CPU)',
)
for (const { name } of subjects) {
  const { cpu, wall } = of(name)
  const above = cpu - empty.cpu
  console.log(
    `${name} | ${cpu.toFixed(1)} | ${wall.toFixed(1)} | ${above.toFixed(1)} | ${(above / (jam.cpu - empty.cpu)).toFixed(2)}× | ${(cpu / empty.cpu).toFixed(2)}×`,
  )
}
