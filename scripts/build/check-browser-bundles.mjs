// Bundles every public entry of every workspace package for the browser with
// esbuild, webpack 5 and Vite, no externals, and fails on any error or
// warning (`/node` subpaths, Node-only by convention, are left out). Runs against the built dist/ (`pnpm build` first), as an app that
// installed the packages would see them. Entries come from each package.json.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build as esbuild } from 'esbuild'
import { createLogger, build as viteBuild } from 'vite'
import webpack from 'webpack'
import { browserSpecifiers, workspacePackages } from './package-entries.mjs'

const work = mkdtempSync(join(tmpdir(), 'typed-jmap-browser-'))
const entries = {}
try {
  mkdirSync(join(work, 'node_modules', '@typed-jmap'), { recursive: true })
  for (const { dir, manifest } of workspacePackages()) {
    symlinkSync(dir, join(work, 'node_modules', manifest.name), 'dir')
    for (const specifier of browserSpecifiers(manifest)) {
      const name = specifier.replace(/^@typed-jmap\//, '').replace(/\W+/g, '-')
      const file = join(work, `${name}.js`)
      // The whole namespace is used, so nothing is shaken off: every module
      // reachable from the entry must bundle.
      writeFileSync(file, `import * as entry from '${specifier}'\nglobalThis.entry = entry\n`)
      entries[name] = { specifier, file }
    }
  }
  const files = Object.values(entries).map(({ file }) => file)
  const results = [
    ['esbuild', await bundleWithEsbuild(files)],
    ['webpack 5', await bundleWithWebpack()],
    ['Vite', await bundleWithVite(files)],
  ]
  let failed = 0
  for (const [bundler, problems] of results) {
    const ok = problems.length === 0
    if (!ok) failed++
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${bundler}: ${Object.keys(entries).length} entries (${Object.values(
        entries,
      )
        .map((e) => e.specifier)
        .join(', ')})`,
    )
    for (const problem of problems) console.log(`     ${problem}`)
  }
  process.exitCode = failed === 0 ? 0 : 1
} finally {
  rmSync(work, { recursive: true, force: true })
}

async function bundleWithEsbuild(files) {
  try {
    const result = await esbuild({
      entryPoints: files,
      absWorkingDir: work,
      outdir: join(work, 'out-esbuild'),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      write: false,
      logLevel: 'silent',
    })
    return result.warnings.map((warning) => `warning: ${warning.text}`)
  } catch (error) {
    return (error.errors ?? [error]).map(
      (e) => `error: ${e.text ?? e.message} ${e.location?.file ?? ''}`,
    )
  }
}

function bundleWithWebpack() {
  const compiler = webpack({
    mode: 'production',
    target: 'web',
    context: work,
    entry: Object.fromEntries(Object.entries(entries).map(([name, { file }]) => [name, file])),
    output: { path: join(work, 'out-webpack') },
    performance: { hints: false },
    infrastructureLogging: { level: 'none' },
  })
  return new Promise((resolve) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined)
      if (error) return resolve([`error: ${error.message}`])
      const { errors = [], warnings = [] } = stats.toJson({
        all: false,
        errors: true,
        warnings: true,
      })
      resolve([
        ...errors.map((e) => `error: ${e.message.split('\n')[0]} (${e.moduleName ?? ''})`),
        ...warnings.map((w) => `warning: ${w.message.split('\n')[0]} (${w.moduleName ?? ''})`),
      ])
    })
  })
}

async function bundleWithVite(files) {
  const problems = []
  const logger = createLogger('warn', { allowClearScreen: false })
  logger.warn = (message) => problems.push(`warning: ${message.split('\n')[0]}`)
  logger.warnOnce = logger.warn
  logger.error = (message) => problems.push(`error: ${message.split('\n')[0]}`)
  try {
    await viteBuild({
      configFile: false,
      root: work,
      logLevel: 'warn',
      customLogger: logger,
      build: {
        write: false,
        outDir: join(work, 'out-vite'),
        chunkSizeWarningLimit: 10_000,
        rollupOptions: {
          input: files,
          preserveEntrySignatures: 'strict',
          onwarn: (warning) => problems.push(`warning: ${warning.message}`),
        },
      },
    })
  } catch (error) {
    problems.push(`error: ${String(error.message).split('\n')[0]}`)
  }
  return problems
}
