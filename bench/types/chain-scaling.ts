// The cost of each added call: requests of 1 to 80 calls, the Email/query →
// Email/get → Thread/get chain repeated (each get reads the previous call's
// result by reference), written with typed-jmap and with jmap-jam. The files
// are generated next to each SDK's scenario client and removed afterwards.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('../..', import.meta.url))
const scenarioConfig = join(root, 'bench/types/tsconfig.scenario.json')

/** The request sizes measured, in calls. */
export const callCounts: readonly number[] = [1, 5, 10, 20, 40, 80]

/**
 * The SDKs compared: typed-jmap's `b.call('Email/get', …)`, its calls by data
 * type (`t.Email.get(…)`), and jmap-jam.
 */
export type Sdk = 'typed-jmap' | 'typed-jmap-methods' | 'jmap-jam'

/** One call of the chain, by its position in the request. */
function typedJmapCall(index: number): string {
  const step = index % 3
  if (step === 0) {
    return `const c${index} = b.call('Email/query', { accountId, filter: { inMailbox: inbox }, limit: 20 })`
  }
  if (step === 1) {
    return `const c${index} = b.call('Email/get', { accountId, ids: c${index - 1}.ref('/ids'), properties: ['subject', 'from', 'threadId'] })`
  }
  return `const c${index} = b.call('Thread/get', { accountId, ids: c${index - 1}.ref('/list/*/threadId') })`
}

/** The same call by data type. */
function typedJmapMethodCall(index: number): string {
  const step = index % 3
  if (step === 0) {
    return `const c${index} = t.Email.query({ accountId, filter: { inMailbox: inbox }, limit: 20 })`
  }
  if (step === 1) {
    return `const c${index} = t.Email.get({ accountId, ids: c${index - 1}.ref('/ids'), properties: ['subject', 'from', 'threadId'] })`
  }
  return `const c${index} = t.Thread.get({ accountId, ids: c${index - 1}.ref('/list/*/threadId') })`
}

function jmapJamCall(index: number): string {
  const step = index % 3
  if (step === 0) {
    return `const c${index} = t.Email.query({ accountId, filter: { inMailbox: inbox }, limit: 20 })`
  }
  if (step === 1) {
    return `const c${index} = t.Email.get({ accountId, ids: c${index - 1}.$ref('/ids'), properties: ['subject', 'from', 'threadId'] })`
  }
  return `const c${index} = t.Thread.get({ accountId, ids: c${index - 1}.$ref('/list/*/threadId') })`
}

/** The source of a request of `calls` calls (0: the client alone, the baseline). */
export function chainSource(sdk: Sdk, calls: number): string {
  const indexes = Array.from({ length: calls }, (_, index) => index)
  const handles = indexes.map((index) => `c${index}`).join(', ')
  if (calls === 0)
    return `import { ${sdk === 'jmap-jam' ? 'jam' : 'jmap'} as client } from '../client.js'\nexport const baseline: unknown = client\n`
  if (sdk !== 'jmap-jam') {
    const call = sdk === 'typed-jmap' ? typedJmapCall : typedJmapMethodCall
    return [
      `import type { Id } from '@typed-jmap/core'`,
      `import { jmap } from '../client.js'`,
      'declare const accountId: string',
      'declare const inbox: Id',
      'export async function run(): Promise<unknown> {',
      `  return jmap.request(${sdk === 'typed-jmap' ? '(b)' : '(_b, t)'} => {`,
      ...indexes.map((index) => `    ${call(index)}`),
      `    return { ${handles} }`,
      '  })',
      '}',
      '',
    ].join('\n')
  }
  return [
    `import { jam } from '../client.js'`,
    'declare const accountId: string',
    'declare const inbox: string',
    'export async function run(): Promise<unknown> {',
    '  return jam.requestMany((t) => {',
    ...indexes.map((index) => `    ${jmapJamCall(index)}`),
    `    return { ${handles} }`,
    '  })',
    '}',
    '',
  ].join('\n')
}

/** Writes the baseline and one file per size into a temporary folder beside the SDK's client. */
function writeScenarios(
  sdk: Sdk,
  sizes: readonly number[],
): { directory: string; files: Map<number, string> } {
  const folder = sdk === 'jmap-jam' ? sdk : 'typed-jmap'
  const directory = mkdtempSync(join(root, 'bench/types/scenarios', folder, '.chain-'))
  const files = new Map<number, string>()
  for (const calls of [0, ...sizes]) {
    const file = join(directory, `chain-${calls}.ts`)
    writeFileSync(file, chainSource(sdk, calls))
    files.set(calls, file)
  }
  return { directory, files }
}

/** Instantiations of each size, minus the baseline's, and the type errors found. */
export interface ChainCosts {
  readonly instantiations: ReadonlyMap<number, number>
  readonly errors: readonly string[]
}

/**
 * TypeScript 6 through its API: one program per size (sharing the parsed
 * files), only the scenario file checked, so the count is what the calls
 * cost and no library file's own check.
 */
export function chainCostsWithApi(sdk: Sdk, sizes: readonly number[] = callCounts): ChainCosts {
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
  const { directory, files } = writeScenarios(sdk, sizes)
  try {
    const host = ts.createCompilerHost(parsed.options)
    let previous: ts.Program | undefined
    const counts = new Map<number, number>()
    const errors: string[] = []
    for (const [calls, file] of files) {
      const program = ts.createProgram([file], parsed.options, host, previous)
      previous = program
      const source = program.getSourceFile(file)
      if (source === undefined) throw new Error(`${file} is not in its program`)
      const diagnostics = program.getSemanticDiagnostics(source)
      counts.set(calls, program.getInstantiationCount())
      for (const diagnostic of diagnostics) {
        errors.push(
          `${sdk} ${calls} calls: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
        )
      }
    }
    const baseline = counts.get(0) ?? 0
    return {
      instantiations: new Map(
        sizes.map((calls) => [calls, (counts.get(calls) ?? Number.NaN) - baseline]),
      ),
      errors,
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

/**
 * Any `tsc` (TypeScript 7 has no API yet) with `--extendedDiagnostics`: the
 * whole program's instantiations of each size minus the baseline program's.
 */
export function chainCostsWithTsc(
  tsc: string,
  sdk: Sdk,
  sizes: readonly number[] = callCounts,
): ChainCosts {
  const { directory, files } = writeScenarios(sdk, sizes)
  try {
    const counts = new Map<number, number>()
    const errors: string[] = []
    for (const [calls, file] of files) {
      const config = join(directory, `tsconfig-${calls}.json`)
      writeFileSync(config, JSON.stringify({ extends: scenarioConfig, files: [file] }))
      const run = spawnSync(
        process.execPath,
        [join(root, tsc), '-p', config, '--extendedDiagnostics'],
        {
          cwd: root,
          encoding: 'utf8',
        },
      )
      const output = `${run.stdout}${run.stderr}`
      counts.set(calls, Number(/^Instantiations:\s+(\d+)/m.exec(output)?.[1] ?? Number.NaN))
      errors.push(...output.split('\n').filter((line) => /error TS\d+/.test(line)))
    }
    const baseline = counts.get(0) ?? 0
    return {
      instantiations: new Map(
        sizes.map((calls) => [calls, (counts.get(calls) ?? Number.NaN) - baseline]),
      ),
      errors,
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
