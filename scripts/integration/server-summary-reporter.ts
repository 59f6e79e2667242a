import type { Reporter, TestModule } from 'vitest/node'
import { type ServerName, serverNames, suiteTag, unavailableVariable } from './server-names.js'

/** Outcome counts of the tests bound to one server. */
interface ServerCounts {
  passed: number
  failed: number
  skipped: number
}

/**
 * Vitest reporter that ends a run with one line per test server: how many
 * integration tests passed, failed and were skipped against it, and why a
 * server was unavailable. Tests are attributed by the `[<server>]` title that
 * `describeOnServer` gives their suite. Prints nothing when the run had no
 * such tests (unit and type runs).
 */
export default class ServerSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<ServerName, ServerCounts>()
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const name = serverNames.find((server) => test.fullName.includes(`${suiteTag(server)} `))
        if (name === undefined) continue
        const entry = counts.get(name) ?? { passed: 0, failed: 0, skipped: 0 }
        const state = test.result().state
        if (state === 'passed') entry.passed += 1
        else if (state === 'failed') entry.failed += 1
        else entry.skipped += 1
        counts.set(name, entry)
      }
    }
    if (counts.size === 0) return
    const lines = ['', ' Integration tests per server']
    for (const name of serverNames) {
      const entry = counts.get(name) ?? { passed: 0, failed: 0, skipped: 0 }
      const reason = process.env[unavailableVariable(name)]
      const why = reason === undefined ? '' : `  (unavailable: ${reason})`
      lines.push(
        `   ${name.padEnd(11)} ${entry.passed} passed, ${entry.failed} failed, ${entry.skipped} skipped${why}`,
      )
    }
    console.log(`${lines.join('\n')}\n`)
  }
}
