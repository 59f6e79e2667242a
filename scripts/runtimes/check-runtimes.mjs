// `pnpm check:runtimes`: the runtimes the README claims, each running the smoke test
// (smoke-steps.mjs) against the built packages, after `pnpm build`:
// - Node importing the ES modules, and `require()`-ing them from CommonJS: the Node running this
//   script, and every other one given as `--node <path of a node binary>`;
// - Deno 2 and Bun 1, from the npm registry's `deno` and `bun` packages (which carry the
//   binaries), importing the ES modules.
// They run side by side, each with a deadline; prints one line per runtime, then the count.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const deadlineMs = 90_000
const npmExec = (pkg, ...args) => ['npm', ['exec', '--yes', `--package=${pkg}`, '--', ...args]]

const nodes = [
  process.execPath,
  ...process.argv
    .slice(2)
    .flatMap((arg, index, args) => (args[index - 1] === '--node' ? [arg] : [])),
]
const runs = [
  ...nodes.flatMap((node) => [
    [`${node}, ESM`, [node, ['scripts/runtimes/smoke.mjs']]],
    [`${node}, require(esm)`, [node, ['scripts/runtimes/smoke.cjs']]],
  ]),
  [
    'Deno 2',
    // Loopback only, and reading the repository (node_modules and the built packages).
    npmExec(
      'deno@2',
      'deno',
      'run',
      '--allow-net=127.0.0.1',
      '--allow-read',
      '--allow-env',
      'scripts/runtimes/smoke.mjs',
    ),
  ],
  ['Bun 1', npmExec('bun@1', 'bun', 'scripts/runtimes/smoke.mjs')],
]

function run(label, [command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    const timer = setTimeout(() => {
      output += `\n${label}: no answer within ${deadlineMs / 1000} s`
      child.kill('SIGKILL')
    }, deadlineMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ label, ok: code === 0, output: output.trim() })
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ label, ok: false, output: `${label}: cannot start ${command}: ${error.message}` })
    })
  })
}

const results = await Promise.all(runs.map(([label, command]) => run(label, command)))
for (const result of results) {
  console.log(
    result.ok ? result.output.split('\n').at(-1) : `FAIL ${result.label}\n${result.output}`,
  )
}
const failed = results.filter((result) => !result.ok).length
console.log(`runtimes: ${results.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
