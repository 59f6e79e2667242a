// The Node build of a package (dist/for-node/, reached through the `node` export condition):
// as few files as `import()` of a public entry can load, minified, with source maps.
//
// Node's start-up cost per module file (resolve, read, compile, link) is about what jmap-jam's
// whole import costs, and compiling grows with the bytes parsed (`pnpm bench:import`,
// docs/design-notes.md "Bundle size and start-up"). esbuild's code splitting would give each
// combination of entries sharing code its own chunk: five files for `import('@typed-jmap/core')`.
// Instead:
// - The public entries that need no `node:` builtin form the main group. Their code is one file,
//   `chunks/main.js`, and each of them a one-line file re-exporting its names from it (a package
//   with one such entry and nothing else to split gets that entry as the one file).
// - Entries that import `node:` builtins (`@typed-jmap/core/node`) and modules the code loads
//   with `import()` (blob and push code) are satellites: each is one file of its own code that
//   takes what it shares with the main group from `chunks/main.js`, which exports those
//   bindings under suffixed names for them. So nothing is evaluated twice, classes stay one
//   class, and a satellite is only read when it is imported.
// Dependencies named in `bundled` are bundled in; other bare imports stay imports.
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'

/** esbuild options shared by every step. */
const common = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
  metafile: true,
}

/**
 * esbuild's `build`, failing on a warning: here one (an import that will always be undefined,
 * say) means the Node build is broken.
 */
async function buildClean(options) {
  const result = await build(options)
  if (result.warnings.length > 0) {
    throw new Error(`the Node build warns: ${result.warnings[0].text}`)
  }
  return result
}

/** A `./`-relative import specifier from the file `from` to the file `to`. */
function specifier(from, to) {
  const path = relative(dirname(from), to).replaceAll('\\', '/')
  return path.startsWith('.') ? path : `./${path}`
}

/**
 * Resolves bare imports (external unless in `bundled`), and relative ones through
 * `redirect(absolutePath, args)`, which may return an esbuild resolve result to use instead.
 */
function resolving(bundled, redirect) {
  return {
    name: 'node-build-resolve',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
        args.namespace === 'file' && !bundled.includes(args.path)
          ? { path: args.path, external: true }
          : undefined,
      )
      esbuild.onResolve({ filter: /^\./ }, async (args) => {
        if (args.namespace !== 'file' || args.pluginData?.resolving) return undefined
        const resolved = await esbuild.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          importer: args.importer,
          pluginData: { resolving: true },
        })
        if (resolved.errors.length > 0) return undefined
        return redirect(resolved.path, args) ?? { path: resolved.path }
      })
    },
  }
}

/** One virtual module, `contents`, resolved from `dir`, whose own imports stay external. */
function virtualModule(name, contents, dir) {
  return {
    name: `node-build-${name}`,
    setup(esbuild) {
      esbuild.onResolve({ filter: new RegExp(`^${name}:`) }, (args) => ({
        path: args.path,
        namespace: name,
      }))
      esbuild.onLoad({ filter: /.*/, namespace: name }, (args) => ({
        contents: contents(args.path.slice(name.length + 1)),
        resolveDir: dir,
        loader: 'js',
      }))
    },
  }
}

/** Names each output of a metafile exports, by the absolute path of its entry. */
function exportsByEntry(metafile, dir) {
  return new Map(
    Object.values(metafile.outputs)
      .filter((output) => output.entryPoint !== undefined)
      .map((output) => [resolve(dir, output.entryPoint), output.exports]),
  )
}

/**
 * Builds `entries` ({ name: 'internal/index', source: './src/internal/index.ts' }) into
 * `outdir` as described above; returns the esbuild metafiles and the files written.
 */
export async function buildForNode({ dir, entries, outdir, bundled, minify }) {
  const out = (name) => join(dir, outdir, `${name}.js`)
  // Short lines: Node prints the source line of an uncaught error's throw site.
  const options = {
    ...common,
    absWorkingDir: dir,
    sourcemap: true,
    sourcesContent: true,
    minify,
    lineLimit: minify ? 160 : undefined,
  }

  // 1. Each entry on its own, with every `import()` left external: what it exports, whether
  //    it needs `node:` builtins, which modules it holds and which it loads on demand.
  const lazyTargets = new Set()
  const noteLazy = (path, args) => {
    if (args.kind !== 'dynamic-import') return undefined
    lazyTargets.add(path)
    return { path, external: true }
  }
  const probe = await buildClean({
    ...common,
    absWorkingDir: dir,
    entryPoints: entries.map((entry) => entry.source),
    outdir: join(dir, outdir, '.probe'),
    write: false,
    plugins: [resolving(bundled, noteLazy)],
  })
  const probed = new Map(
    Object.values(probe.metafile.outputs)
      .filter((output) => output.entryPoint !== undefined)
      .map((output) => [resolve(dir, output.entryPoint), output]),
  )
  const probeOf = (entry) => probed.get(resolve(dir, entry.source))
  const usesBuiltins = (entry) =>
    probeOf(entry).imports.some((imported) => imported.path.startsWith('node:'))
  const mainGroup = entries.filter((entry) => !usesBuiltins(entry))
  const satellites = [
    ...entries
      .filter(usesBuiltins)
      .map((entry) => ({ file: out(entry.name), source: entry.source })),
    ...[...lazyTargets].map((path) => ({
      file: out(`chunks/${basename(path).replace(/\.[cm]?[jt]s$/, '')}`),
      source: path,
    })),
  ]
  if (new Set(satellites.map((satellite) => satellite.file)).size !== satellites.length) {
    throw new Error(`${dir}: two on-demand modules would share one file name`)
  }
  const satelliteFile = new Map(satellites.map((satellite) => [satellite.source, satellite.file]))

  // A package with one entry and nothing loaded apart needs no main chunk.
  if (mainGroup.length === 1 && satellites.length === 0) {
    const single = await buildClean({
      ...options,
      entryPoints: { [mainGroup[0].name]: mainGroup[0].source },
      outdir: join(dir, outdir),
      plugins: [resolving(bundled, () => undefined)],
    })
    return { metafiles: [single.metafile], files: [out(mainGroup[0].name)] }
  }

  // 2. Which modules of the main group each satellite imports (its boundary), and their names.
  const mainChunk = out('chunks/main')
  const mainModules = new Set(
    mainGroup.flatMap((entry) =>
      Object.keys(probeOf(entry).inputs).map((input) => resolve(dir, input)),
    ),
  )
  const boundary = new Set()
  const lazyImport = (from) => (path, args) => {
    if (args.kind === 'dynamic-import') {
      if (!satelliteFile.has(path)) throw new Error(`${path}: loaded on demand from a satellite`)
      return { path: specifier(from, satelliteFile.get(path)), external: true }
    }
    return undefined
  }
  const satelliteRedirect = (from) => (path, args) => {
    const lazy = lazyImport(from)(path, args)
    if (lazy !== undefined) return lazy
    if (!mainModules.has(path)) return undefined
    boundary.add(path)
    return { path: `main-binding:${path}`, namespace: 'main-binding' }
  }
  await buildClean({
    ...common,
    absWorkingDir: dir,
    entryPoints: satellites.map((satellite) => satellite.source),
    outdir: join(dir, outdir, '.probe'),
    write: false,
    plugins: [
      resolving(bundled, (path, args) => {
        const redirected = satelliteRedirect(out('probe'))(path, args)
        return redirected?.namespace === undefined ? redirected : { path, external: true }
      }),
    ],
  })
  const exported = [
    ...new Set([...mainGroup.map((entry) => resolve(dir, entry.source)), ...boundary]),
  ]
  const names =
    exported.length === 0
      ? new Map()
      : exportsByEntry(
          (
            await buildClean({
              ...common,
              absWorkingDir: dir,
              entryPoints: exported,
              outdir: join(dir, outdir, '.probe'),
              entryNames: '[dir]/[name]-[hash]',
              write: false,
              plugins: [resolving(bundled, noteLazy)],
            })
          ).metafile,
          dir,
        )
  // Each module's names leave the main chunk as `name$<module number>`.
  const suffix = new Map(exported.map((path, index) => [path, `$${index}`]))
  const reexport = (path, from) =>
    `export { ${names
      .get(path)
      .map((name) => `${name}${suffix.get(path)} as ${name}`)
      .join(', ')} } from ${JSON.stringify(specifier(from, mainChunk))}\n`

  // 3. The main chunk, the satellites, and one re-exporting file per main-group entry.
  const main = await buildClean({
    ...options,
    entryPoints: { 'chunks/main': 'main-chunk:' },
    outdir: join(dir, outdir),
    plugins: [
      resolving(bundled, lazyImport(mainChunk)),
      virtualModule(
        'main-chunk',
        () =>
          exported
            .map(
              (path) =>
                `export { ${names
                  .get(path)
                  .map((name) => `${name} as ${name}${suffix.get(path)}`)
                  .join(', ')} } from ${JSON.stringify(path)}\n`,
            )
            .join(''),
        dir,
      ),
    ],
  })
  const satelliteBuilds = await Promise.all(
    satellites.map((satellite) =>
      buildClean({
        ...options,
        entryPoints: [satellite.source],
        outfile: satellite.file,
        plugins: [
          resolving(bundled, satelliteRedirect(satellite.file)),
          virtualModule('main-binding', (path) => reexport(path, satellite.file), dir),
          {
            name: 'main-chunk-external',
            setup(esbuild) {
              esbuild.onResolve({ filter: /.*/, namespace: 'main-binding' }, (args) => ({
                path: args.path,
                external: true,
              }))
            },
          },
        ],
      }),
    ),
  )
  for (const entry of mainGroup) {
    mkdirSync(dirname(out(entry.name)), { recursive: true })
    writeFileSync(out(entry.name), reexport(resolve(dir, entry.source), out(entry.name)))
  }
  return {
    metafiles: [main.metafile, ...satelliteBuilds.map((built) => built.metafile)],
    files: [
      mainChunk,
      ...satellites.map((satellite) => satellite.file),
      ...mainGroup.map((entry) => out(entry.name)),
    ],
  }
}
