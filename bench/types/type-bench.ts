// `pnpm bench:types`: the type-checking cost of the same scenarios written
// with typed-jmap and with jmap-jam, as ratios from one run.
import {
  type ChainCosts,
  callCounts,
  chainCostsWithApi,
  chainCostsWithTsc,
} from './chain-scaling.js'
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
const tsc7 = 'tools/ts-7.0/node_modules/typescript/bin/tsc'
const chains = [
  {
    label: 'TypeScript 6.0 (API: only the request file checked)',
    call: chainCostsWithApi('typed-jmap'),
    methods: chainCostsWithApi('typed-jmap-methods'),
    theirs: chainCostsWithApi('jmap-jam'),
  },
  {
    label: 'TypeScript 7.0 (tsc --extendedDiagnostics, whole program minus the baseline)',
    call: chainCostsWithTsc(tsc7, 'typed-jmap'),
    methods: chainCostsWithTsc(tsc7, 'typed-jmap-methods'),
    theirs: chainCostsWithTsc(tsc7, 'jmap-jam'),
  },
]
/** Instantiations one more call costs between two request sizes. */
const perCall = (costs: ChainCosts, from: number, to: number): number =>
  ((costs.instantiations.get(to) ?? Number.NaN) - (costs.instantiations.get(from) ?? Number.NaN)) /
  (to - from)
console.log(
  '\nEmail/query → Email/get → Thread/get repeated: instantiations of the request by its size,',
)
console.log("b.call('Email/get', …) and t.Email.get(…) (calls by data type) against jmap-jam")
for (const { label, call, methods, theirs } of chains) {
  console.log(`\n${label}`)
  console.log(
    'calls |  b.call | t.Email.get | jmap-jam | ratios (call, t.) | per added call: call | t. | jmap-jam | ratios (call, t.)',
  )
  let previous = 0
  for (const calls of callCounts) {
    const count = (costs: ChainCosts): number => costs.instantiations.get(calls) ?? Number.NaN
    const step =
      previous === 0
        ? ''
        : ` | ${perCall(call, previous, calls).toFixed(0).padStart(20)} | ${perCall(methods, previous, calls).toFixed(0).padStart(3)} | ${perCall(theirs, previous, calls).toFixed(0).padStart(8)} | ${ratio(perCall(call, previous, calls), perCall(theirs, previous, calls))}, ${ratio(perCall(methods, previous, calls), perCall(theirs, previous, calls))}`
    console.log(
      `${String(calls).padStart(5)} | ${String(count(call)).padStart(7)} | ${String(count(methods)).padStart(11)} | ${String(count(theirs)).padStart(8)} | ${`${ratio(count(call), count(theirs))}, ${ratio(count(methods), count(theirs))}`.padStart(17)}${step}`,
    )
    previous = calls
  }
  const first = callCounts[0] ?? 1
  const last = callCounts[callCounts.length - 1] ?? 80
  const total40 = (costs: ChainCosts): string =>
    ratio(costs.instantiations.get(40) ?? Number.NaN, theirs.instantiations.get(40) ?? Number.NaN)
  console.log(
    `per added call over ${first}→${last} calls: call ${perCall(call, first, last).toFixed(0)}, t. ${perCall(methods, first, last).toFixed(0)}, jmap-jam ${perCall(theirs, first, last).toFixed(0)} (${ratio(perCall(call, first, last), perCall(theirs, first, last))}, ${ratio(perCall(methods, first, last), perCall(theirs, first, last))}); 40 calls in total: ${total40(call)}, ${total40(methods)}`,
  )
}
const errors = [
  ...[...totals.entries()].flatMap(([name, total]) =>
    total.errors.map((error) => `${name}: ${error}`),
  ),
  ...chains.flatMap(({ call, methods, theirs }) => [
    ...call.errors,
    ...methods.errors,
    ...theirs.errors,
  ]),
]
if (errors.length > 0) {
  console.log(`\n${errors.length} type errors in the scenarios:`)
  for (const error of errors) console.log(`  ${error}`)
  process.exitCode = 1
}
console.log(
  '\njmap-jam covers core and mail only: its all-packages scenario makes the core and mail calls.',
)
