// `pnpm build` of one package (run in its folder): one bundled ESM file per
// public entry (shared code and lazily imported modules such as push go in
// chunks), with source maps that embed their sources, so `files` ships dist/
// alone; then the .d.ts files from tsc. Dependencies, peers, `node:` builtins
// and `#imports` stay imports, resolved where the package is installed.
//
// A package whose exports give a `node` condition into dist/for-node/ also gets
// a second build there for Node (node-build.mjs: few files, minified), with
// valibot's functions bundled in: Node otherwise parses all of valibot's 200 kB
// dist on import, which costs more start-up than the whole of jmap-jam
// (`pnpm bench:import`). Browsers and app bundlers keep the default build, where
// valibot stays one shared import that the app's bundler tree-shakes and dedupes
// across our packages.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { buildForNode } from './node-build.mjs'
import { buildSources, root } from './package-entries.mjs'

const dir = process.cwd()
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
const sources = buildSources(manifest)
if (sources.length === 0)
  throw new Error(`${manifest.name}: no "@typed-jmap/source" entries in exports`)

/** `./src/internal/index.ts` → `internal/index`: where an entry's build goes under dist/. */
const entryName = (source) => source.replace(/^\.\/src\//, '').replace(/\.ts$/, '')

/** Bare imports stay imports, except those of the packages in `bundled`, which are bundled in. */
function externalExcept(bundled) {
  return {
    name: 'external-except',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        bundled.includes(args.path) ? undefined : { path: args.path, external: true },
      )
    },
  }
}

/** Builds every public entry into `outdir`, bundling the packages named in `bundled`. */
async function buildEntries(outdir, bundled) {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: Object.fromEntries(sources.map((source) => [entryName(source), source])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    plugins: [externalExcept(bundled)],
    sourcemap: true,
    sourcesContent: true,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    metafile: true,
  })
  if (result.warnings.length > 0) process.exit(1)
  return result
}

rmSync(join(dir, 'dist'), { recursive: true, force: true })
const result = await buildEntries('dist', [])
const nodeBuild = JSON.stringify(manifest.exports).includes('./dist/for-node/')
  ? await buildForNode({
      dir,
      entries: sources.map((source) => ({ name: entryName(source), source })),
      outdir: 'dist/for-node',
      bundled: ['valibot'],
      minify: true,
    })
  : undefined
const leftExternal = (nodeBuild?.metafiles ?? []).flatMap((metafile) =>
  Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((imported) => imported.external && imported.path.startsWith('valibot')),
  ),
)
if (leftExternal.length > 0) {
  throw new Error(`${manifest.name}: the Node build still imports ${leftExternal[0].path}`)
}
// Code splitting keeps a bare `import "./chunk.js"` where a module needs none of a chunk's
// bindings, only its evaluation order. Our packages are `sideEffects: false` and chunks hold
// declarations only, so an app's bundler drops those imports anyway, and esbuild warns while it
// does ("Ignoring this import … marked as having no side effects"). Blank them here, keeping the
// line so the source maps stay aligned.
const bareChunkImport = /^import ?"\.{1,2}\/(?:chunks\/)?chunk-[A-Z0-9]+\.js";?$/gm
const outputs = Object.keys(result.metafile.outputs)
for (const file of outputs.filter((out) => out.endsWith('.js'))) {
  const path = join(dir, file)
  const code = readFileSync(path, 'utf8')
  const cleaned = code.replace(bareChunkImport, '')
  if (cleaned !== code) writeFileSync(path, cleaned)
}
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
  cwd: dir,
  stdio: 'inherit',
})
const files = outputs.filter((file) => file.endsWith('.js'))
console.log(
  `${manifest.name}: ${files.length} JavaScript files${nodeBuild ? ` (and ${nodeBuild.files.length} for Node)` : ''}, .d.ts from tsc`,
)
