// `pnpm bench:types`: the type-checking cost of the same scenarios written
// with typed-jmap and with jmap-jam, as ratios from one run.
import { isolatedCosts, scenarios, sdks, type TscTotals, tscTotals } from './measure-scenarios.js'

const ratio = (ours: number, theirs: number): string =>
  theirs > 0 ? `${(ours / theirs).toFixed(2)}x` : 'n/a'

const totals = new Map<string, TscTotals>()
for (const sdk of sdks) {
  for (const scenario of ['baseline', ...scenarios]) {
    totals.set(`${sdk}/${scenario}`, tscTotals(sdk, scenario))
  }
}
const isolated = new Map(sdks.map((sdk) => [sdk, isolatedCosts(sdk)]))

console.log('tsc --extendedDiagnostics (TypeScript 6): instantiations minus the baseline file;')
console.log('check time of the whole program (library sources included), for reference')
console.log(
  'scenario      | typed-jmap inst. | jmap-jam inst. | ratio | typed-jmap tsc check | jmap-jam tsc check',
)
for (const scenario of scenarios) {
  const delta = (sdk: string): number =>
    (totals.get(`${sdk}/${scenario}`)?.instantiations ?? Number.NaN) -
    (totals.get(`${sdk}/baseline`)?.instantiations ?? Number.NaN)
  const seconds = (sdk: string): string =>
    `${(totals.get(`${sdk}/${scenario}`)?.checkSeconds ?? Number.NaN).toFixed(2)}s`
  console.log(
    `${scenario.padEnd(13)} | ${String(delta('typed-jmap')).padStart(16)} | ${String(delta('jmap-jam')).padStart(14)} | ${ratio(delta('typed-jmap'), delta('jmap-jam')).padStart(5)} | ${seconds('typed-jmap').padStart(20)} | ${seconds('jmap-jam').padStart(18)}`,
  )
}
console.log('\nTypeScript 6 API, each scenario file checked alone after the rest of its program')
console.log(
  'scenario      | typed-jmap inst. | jmap-jam inst. | ratio | typed-jmap ms | jmap-jam ms | ratio',
)
for (const scenario of scenarios) {
  const ours = isolated.get('typed-jmap')?.get(scenario)
  const theirs = isolated.get('jmap-jam')?.get(scenario)
  if (ours === undefined || theirs === undefined) continue
  console.log(
    `${scenario.padEnd(13)} | ${String(ours.instantiations).padStart(16)} | ${String(theirs.instantiations).padStart(14)} | ${ratio(ours.instantiations, theirs.instantiations).padStart(5)} | ${ours.checkMilliseconds.toFixed(0).padStart(13)} | ${theirs.checkMilliseconds.toFixed(0).padStart(11)} | ${ratio(ours.checkMilliseconds, theirs.checkMilliseconds)}`,
  )
}
const errors = [...totals.entries()].flatMap(([name, total]) =>
  total.errors.map((error) => `${name}: ${error}`),
)
if (errors.length > 0) {
  console.log(`\n${errors.length} type errors in the scenarios:`)
  for (const error of errors) console.log(`  ${error}`)
  process.exitCode = 1
}
console.log(
  '\njmap-jam covers core and mail only: its all-packages scenario makes the core and mail calls.',
)
