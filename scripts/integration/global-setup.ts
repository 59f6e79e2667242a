import { makeAvailable, stopServers } from '../cyrus/local-servers.js'
import {
  envPrefixes,
  isServerName,
  type ServerName,
  serverNames,
  unavailableVariable,
} from './server-names.js'

/*
 * Global setup of the vitest `integration` project: makes the Cyrus test
 * servers the run needs available and describes them to the tests through
 * `JMAP_CYRUS36_*` / `JMAP_CYRUS310_*` environment variables.
 *
 * - `JMAP_SERVERS=cyrus-3.10` (comma separated) limits the servers; default all.
 * - A server that already answers is reused and left running; one this setup
 *   starts is stopped at the end, unless `JMAP_KEEP_SERVERS=1`.
 * - A server that cannot be started gets `<prefix>_UNAVAILABLE=<reason>`: its
 *   tests are skipped with that reason. Under `CI=true` that fails the run.
 */

function wantedServers(): ServerName[] {
  const list = process.env.JMAP_SERVERS
  if (list === undefined || list.trim() === '') return [...serverNames]
  const names = list.split(',').map((entry) => entry.trim())
  const unknown = names.filter((entry) => !isServerName(entry))
  if (unknown.length > 0) {
    throw new Error(`JMAP_SERVERS names unknown servers: ${unknown.join(', ')}`)
  }
  return serverNames.filter((name) => names.includes(name))
}

/** Starts or reuses the servers; returns the teardown that stops those it started. */
export default async function setup(): Promise<() => Promise<void>> {
  const wanted = wantedServers()
  const startedHere: ServerName[] = []
  const problems: string[] = []
  // One after the other: on a fresh machine both may need apt/dpkg.
  for (const name of serverNames) {
    const prefix = envPrefixes[name]
    if (!wanted.includes(name)) {
      process.env[unavailableVariable(name)] = 'not selected by JMAP_SERVERS'
      delete process.env[`${prefix}_SESSION_URL`]
      continue
    }
    const availability = await makeAvailable(name)
    if (availability.startedHere) startedHere.push(name)
    if (availability.unavailable !== undefined || availability.variables === undefined) {
      const reason = availability.unavailable ?? 'no variables'
      process.env[unavailableVariable(name)] = reason
      delete process.env[`${prefix}_SESSION_URL`]
      problems.push(`${name}: ${reason}`)
      continue
    }
    Object.assign(process.env, availability.variables)
    delete process.env[unavailableVariable(name)]
  }
  const teardown = async (): Promise<void> => {
    if (process.env.JMAP_KEEP_SERVERS === '1') return
    await stopServers(startedHere)
  }
  if (problems.length > 0 && process.env.CI === 'true') {
    await teardown()
    throw new Error(`integration servers unavailable under CI=true:\n  ${problems.join('\n  ')}`)
  }
  for (const problem of problems) console.warn(`[integration] skipping tests on ${problem}`)
  return teardown
}
