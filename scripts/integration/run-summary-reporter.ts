import type { Reporter, TestModule } from 'vitest/node'
import { type ServerName, serverNames, suiteTag, unavailableVariable } from './server-names.js'

/** Outcome counts of a set of tests. */
interface OutcomeCounts {
  passed: number
  failed: number
  skipped: number
}

function count(entry: OutcomeCounts, state: string): void {
  if (state === 'passed') entry.passed += 1
  else if (state === 'failed') entry.failed += 1
  else entry.skipped += 1
}

function format(entry: OutcomeCounts): string {
  return `${entry.passed} passed, ${entry.failed} failed, ${entry.skipped} skipped`
}

/**
 * Vitest reporter that ends a run with one line per test server (how many
 * integration tests passed, failed and were skipped against it, and why a
 * server was unavailable) and then one plain `total: N passed, N failed,
 * N skipped` line for every test of the run, which CI reads as the run's
 * closing line. Tests are attributed to a server by the `[<server>]` title
 * that `describeOnServer` gives their suite.
 */
export default class RunSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<ServerName, OutcomeCounts>()
    const total: OutcomeCounts = { passed: 0, failed: 0, skipped: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        count(total, state)
        const name = serverNames.find((server) => test.fullName.includes(`${suiteTag(server)} `))
        if (name === undefined) continue
        const entry = counts.get(name) ?? { passed: 0, failed: 0, skipped: 0 }
        count(entry, state)
        counts.set(name, entry)
      }
    }
    const lines = ['']
    // Unit and type runs have no server-bound tests: only the total is printed.
    if (counts.size > 0) {
      lines.push(' Integration tests per server')
      for (const name of serverNames) {
        const entry = counts.get(name) ?? { passed: 0, failed: 0, skipped: 0 }
        const reason = process.env[unavailableVariable(name)]
        const why = reason === undefined ? '' : `  (unavailable: ${reason})`
        lines.push(`   ${name.padEnd(11)} ${format(entry)}${why}`)
      }
      lines.push('')
    }
    lines.push(`total: ${format(total)}`)
    console.log(`${lines.join('\n')}\n`)
  }
}
