// `pnpm bench:size` (and `pnpm check:size` in CI): what an app pays to ship a
// request, min+gzip, next to jmap-jam doing the same, measured in one run.
// Each scenario is bundled for the browser with esbuild (minified, tree-shaken,
// code splitting on, as app bundlers do); the size is the entry chunk plus
// every chunk it imports statically: code an app loads only when it uses a
// feature (blobs and push, behind a dynamic import) is not counted.
//
// `budget` is the goal of issue #13; it is not met (see docs/design-notes.md,
// "Bundle size": what is left is the request path itself, and valibot for mail's
// schemas with the chunk it shares with the on-demand code). CI
// (--check) holds each size under `ceiling`, the size reached when the
// ceilings were last lowered, rounded up to the next 100 B, so any growth fails
// and has to be argued for. Lower them whenever a change shrinks the bundle.
//
// `--breakdown` also lists, per scenario, what each source module (or
// dependency) adds to the loaded chunks: its minified bytes, and its share of
// its chunk's gzipped size in proportion to those bytes (an estimate: gzip has
// no per-module size).
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const here = new URL('.', import.meta.url).pathname
const scenarios = [
  {
    name: 'README mail request (Email/query + Email/get + Thread/get)',
    file: 'mail-request',
    budget: 14_000,
    ceiling: 17_400,
  },
  { name: 'core + Core/echo', file: 'core-echo', budget: 11_000, ceiling: 12_300 },
]

/** Bytes (minified, and min+gzip) of what loading `entry` fetches before any dynamic import. */
async function loadedSize(entry) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: here,
    outdir: 'out',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'error',
    // The workspace's sources are what is published (bundled the same way).
    conditions: ['@typed-jmap/source'],
  })
  const contents = new Map(
    result.outputFiles.map((file) => [file.path.slice(here.length), file.contents]),
  )
  const outputs = result.metafile.outputs
  const seen = new Set()
  const visit = (path) => {
    if (seen.has(path)) return
    seen.add(path)
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement') visit(imported.path)
    }
  }
  visit(Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined))
  let minified = 0
  let gzipped = 0
  const modules = new Map()
  for (const path of seen) {
    const bytes = contents.get(path)
    // Chunks are fetched separately, so each is compressed on its own.
    const chunkGzipped = gzipSync(bytes, { level: 9 }).length
    minified += bytes.length
    gzipped += chunkGzipped
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs)) {
      const name = moduleName(input)
      const row = modules.get(name) ?? { minified: 0, gzipped: 0 }
      row.minified += bytesInOutput
      row.gzipped += (bytesInOutput / bytes.length) * chunkGzipped
      modules.set(name, row)
    }
  }
  return { minified, gzipped, modules }
}

/** `core/src/transport/http-transport.ts`, or the package name of a dependency. */
function moduleName(input) {
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(
    input,
  )
  return dependency === null ? input.replace(/^(\.\.\/)*packages\//, '') : dependency[1]
}

/** The modules of one scenario, largest first (modules under 100 B summed in one line). */
function printBreakdown(modules) {
  const rows = [...modules].sort(([, a], [, b]) => b.minified - a.minified)
  const small = rows.filter(([, row]) => row.minified < 100)
  console.log('  module | minified | est. share of min+gzip')
  for (const [name, row] of rows.filter(([, row]) => row.minified >= 100)) {
    console.log(`  ${name} | ${row.minified} B | ${Math.round(row.gzipped)} B`)
  }
  const rest = small.reduce((sum, [, row]) => sum + row.gzipped, 0)
  const restMinified = small.reduce((sum, [, row]) => sum + row.minified, 0)
  console.log(`  ${small.length} smaller modules | ${restMinified} B | ${Math.round(rest)} B`)
}

const check = process.argv.includes('--check')
const breakdown = process.argv.includes('--breakdown')
let over = 0
console.log(
  'scenario | typed-jmap min | typed-jmap min+gzip | jmap-jam min+gzip | ratio | budget (goal) | CI ceiling',
)
for (const scenario of scenarios) {
  const ours = await loadedSize(`scenarios/typed-jmap-${scenario.file}.ts`)
  const theirs = await loadedSize(`scenarios/jmap-jam-${scenario.file}.js`)
  const withinBudget = ours.gzipped <= scenario.budget
  const withinCeiling = ours.gzipped <= scenario.ceiling
  if (!withinCeiling) over++
  console.log(
    `${scenario.name} | ${ours.minified} B | ${ours.gzipped} B | ${theirs.gzipped} B | ${(ours.gzipped / theirs.gzipped).toFixed(2)}× | ${scenario.budget} B ${withinBudget ? 'met' : 'not met'} | ${scenario.ceiling} B ${withinCeiling ? 'ok' : 'EXCEEDED'}`,
  )
  if (breakdown) printBreakdown(ours.modules)
}
if (check && over > 0) {
  console.log(`${over} size ceiling(s) exceeded`)
  process.exit(1)
}
