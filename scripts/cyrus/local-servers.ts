import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { envPrefixes, type ServerName, versionTags } from '../integration/server-names.js'

// Starting, reusing and stopping the local Cyrus servers, shared by the
// integration tests' global setup and by `pnpm demo`.
const cyrusScripts = fileURLToPath(new URL('./', import.meta.url))
const runBase = process.env.CYRUS_RUN_DIR ?? '/tmp/typed-jmap-cyrus'
// The first start of 3.10 on a fresh machine builds the chroot (~40 s) and 3.6
// may apt-get install; both are bounded by a generous limit.
const startTimeoutMs = 15 * 60_000

function envFilePath(name: ServerName): string {
  return `${runBase}/${versionTags[name]}/server.env`
}

function readEnvFile(path: string): Record<string, string> | undefined {
  if (!existsSync(path)) return undefined
  const entries: Record<string, string> = {}
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    if (eq > 0) entries[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return entries
}

async function answersSession(variables: Record<string, string>, prefix: string): Promise<boolean> {
  const url = variables[`${prefix}_SESSION_URL`]
  const username = variables[`${prefix}_USERNAME`]
  const password = variables[`${prefix}_PASSWORD`]
  if (url === undefined || username === undefined || password === undefined) return false
  try {
    const response = await fetch(url, {
      headers: { authorization: `Basic ${btoa(`${username}:${password}`)}` },
      signal: AbortSignal.timeout(5_000),
    })
    await response.arrayBuffer()
    return response.status === 200
  } catch {
    return false
  }
}

function runScript(args: readonly string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const collect = (chunk: Buffer): void => {
      output += chunk.toString()
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setTimeout(() => child.kill('SIGTERM'), startTimeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ ok: false, output: `${output}\n${error.message}` })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ ok: code === 0, output })
    })
  })
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join(' | ')
}

// Why this machine cannot run the server at all, before trying.
function cannotRunHere(name: ServerName): string | undefined {
  if (process.platform !== 'linux' || !existsSync('/etc/debian_version')) {
    return 'not a Debian host (scripts/cyrus needs Debian 12)'
  }
  if (name === 'cyrus-3.10' && process.getuid?.() !== 0)
    return 'not root (the 3.10 chroot needs root)'
  if (
    name === 'cyrus-3.6' &&
    process.getuid?.() !== 0 &&
    !existsSync('/usr/lib/cyrus/bin/master')
  ) {
    return 'not root and the Cyrus packages are not installed'
  }
  return undefined
}

/** Whether a local server answers, with its variables, and whether this process started it. */
export interface Availability {
  readonly variables?: Record<string, string>
  readonly startedHere: boolean
  readonly unavailable?: string
}

/** Reuses a running server (or one named by the environment), else starts it. */
export async function makeAvailable(name: ServerName): Promise<Availability> {
  const prefix = envPrefixes[name]
  // Variables given by the caller point at a server managed elsewhere.
  const given = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith(`${prefix}_`) && entry[1] !== undefined,
    ),
  )
  if (given[`${prefix}_SESSION_URL`] !== undefined) {
    if (await answersSession(given, prefix)) return { variables: given, startedHere: false }
    return { startedHere: false, unavailable: `${prefix}_SESSION_URL does not answer` }
  }
  const running = readEnvFile(envFilePath(name))
  if (running !== undefined && (await answersSession(running, prefix))) {
    return { variables: running, startedHere: false }
  }
  const reason = cannotRunHere(name)
  if (reason !== undefined) return { startedHere: false, unavailable: reason }
  const started = await runScript([`${cyrusScripts}start.sh`, versionTags[name]])
  const variables = readEnvFile(envFilePath(name))
  if (!started.ok || variables === undefined) {
    return {
      startedHere: started.ok,
      unavailable: `scripts/cyrus/start.sh ${versionTags[name]} failed: ${lastLines(started.output, 3)}`,
    }
  }
  return { variables, startedHere: true }
}

/** Stops the servers named (only call it for those this process started). */
export async function stopServers(names: readonly ServerName[]): Promise<void> {
  for (const name of names) {
    const stopped = await runScript([`${cyrusScripts}stop.sh`, versionTags[name]])
    if (!stopped.ok) console.warn(`[integration] stopping ${name} failed: ${stopped.output}`)
  }
}
