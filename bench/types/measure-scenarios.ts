// Measures the type-checking cost of the bench scenarios, two ways:
// - `tsc --extendedDiagnostics` on each scenario file (whole-program totals;
//   the baseline file's totals are subtracted to leave the calls' cost);
// - the TypeScript 6 API on one program per SDK: every other file is checked
//   first, then each scenario alone, so its instantiations and check time are
//   its own (the numbers the budget test holds).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('../..', import.meta.url))
const scenarioConfig = join(root, 'bench/types/tsconfig.scenario.json')

/** The SDKs compared, by scenario folder. */
export const sdks: readonly string[] = ['typed-jmap', 'jmap-jam']

/** The scenarios, by file name (without `.ts`). */
export const scenarios: readonly string[] = ['chain', 'twenty-calls', 'all-packages']

/** Totals `tsc --extendedDiagnostics` prints for one file. */
export interface TscTotals {
  readonly instantiations: number
  readonly checkSeconds: number
  readonly errors: readonly string[]
}

/** The cost of one scenario file checked on its own. */
export interface IsolatedCost {
  readonly instantiations: number
  readonly checkMilliseconds: number
  readonly errors: readonly string[]
}

function scenarioFile(sdk: string, scenario: string): string {
  return join(root, 'bench/types/scenarios', sdk, `${scenario}.ts`)
}

/** Runs `tsc --extendedDiagnostics` (TypeScript 6) on one scenario file. */
export function tscTotals(sdk: string, scenario: string): TscTotals {
  const directory = mkdtempSync(join(tmpdir(), 'type-bench-'))
  try {
    const config = join(directory, 'tsconfig.json')
    writeFileSync(
      config,
      JSON.stringify({ extends: scenarioConfig, files: [scenarioFile(sdk, scenario)] }),
    )
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', config, '--extendedDiagnostics'],
      { cwd: root, encoding: 'utf8' },
    )
    const output = `${run.stdout}${run.stderr}`
    const number = (label: string): number =>
      Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)?.[1] ?? Number.NaN)
    return {
      instantiations: number('Instantiations'),
      checkSeconds: number('Check time'),
      errors: output.split('\n').filter((line) => /error TS\d+/.test(line)),
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

/** Checks every scenario of one SDK in one program, each scenario alone after everything else. */
export function isolatedCosts(sdk: string): ReadonlyMap<string, IsolatedCost> {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    scenarioConfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )
  if (parsed === undefined) throw new Error(`cannot read ${scenarioConfig}`)
  const files = [...scenarios, 'baseline'].map((scenario) => scenarioFile(sdk, scenario))
  const program = ts.createProgram(files, parsed.options)
  const scenarioPaths = new Set(files.slice(0, scenarios.length))
  for (const source of program.getSourceFiles()) {
    if (!scenarioPaths.has(source.fileName)) program.getSemanticDiagnostics(source)
  }
  const costs = new Map<string, IsolatedCost>()
  for (const scenario of scenarios) {
    const source = program.getSourceFile(scenarioFile(sdk, scenario))
    if (source === undefined) throw new Error(`${sdk}/${scenario}.ts is not in the program`)
    const before = program.getInstantiationCount()
    const started = performance.now()
    const diagnostics = program.getSemanticDiagnostics(source)
    costs.set(scenario, {
      instantiations: program.getInstantiationCount() - before,
      checkMilliseconds: performance.now() - started,
      errors: diagnostics.map(
        (diagnostic) =>
          `${scenario}.ts: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
      ),
    })
  }
  return costs
}
