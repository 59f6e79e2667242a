// Runtime overhead of the connection against raw fetch + JSON.parse and
// jmap-jam, on the same local node:http server replaying one fixture, plus the
// gzipped size of minimal browser bundles. Prints ratios only: absolute times
// on a shared machine mean little, side-by-side ratios in one run do.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
// The connection module directly: the bench needs no build and no workspace link.
import { createConnection } from '../../packages/core/src/connection/connection.js'
import { fixtureRequest, fixtureResponse } from './email-fixture.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The part of jmap-jam's client the bench drives. */
interface JamDraft {
  $ref(path: string): unknown
}
type JamDrafts = Record<string, Record<string, (args: Record<string, unknown>) => JamDraft>>
interface JamClientLike {
  readonly session: Promise<unknown>
  requestMany(draft: (b: JamDrafts) => Record<string, JamDraft>): Promise<unknown>
}

// jmap-jam's types re-export jmap-rfc-types, which ships raw .ts files with
// .ts import paths that the project's strict tsconfig rejects; a specifier the
// compiler cannot see keeps those files out of the type check.
async function loadJam(config: {
  sessionUrl: string
  bearerToken: string
}): Promise<JamClientLike> {
  const specifier = 'jmap-jam'
  const { JamClient } = (await import(specifier)) as {
    JamClient: new (options: typeof config) => JamClientLike
  }
  return new JamClient(config)
}

async function startServer(): Promise<{ origin: string; close: () => void }> {
  const body = Buffer.from(fixtureResponse)
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      if (request.method === 'GET') {
        // Absolute URLs: jmap-jam does not resolve relative ones (Cyrus sends relative).
        const origin = `http://${request.headers.host}`
        const session = JSON.stringify({
          username: 'test',
          apiUrl: `${origin}/jmap/`,
          downloadUrl: `${origin}/jmap/download/{accountId}/{blobId}/{name}?accept={type}`,
          uploadUrl: `${origin}/jmap/upload/{accountId}/`,
          eventSourceUrl: `${origin}/jmap/eventsource/?types={types}&closeafter={closeafter}&ping={ping}`,
          state: '0',
          capabilities: {
            'urn:ietf:params:jmap:core': {
              maxSizeUpload: 1e9,
              maxConcurrentUpload: 5,
              maxSizeRequest: 1e7,
              maxConcurrentRequests: 5,
              maxCallsInRequest: 50,
              maxObjectsInGet: 4096,
              maxObjectsInSet: 4096,
              collationAlgorithms: [],
            },
            'urn:ietf:params:jmap:mail': {},
          },
          accounts: {
            test: { name: 'test', isPersonal: true, isReadOnly: false, accountCapabilities: {} },
          },
          primaryAccounts: { 'urn:ietf:params:jmap:mail': 'test' },
        })
        response.writeHead(200, { 'content-type': 'application/json' }).end(session)
        return
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
      response.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() }
}

type Contender = { name: string; run: () => Promise<unknown> }

async function measure(
  contenders: Contender[],
  rounds: number,
  perRound: number,
): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]))
  for (const contender of contenders) for (let i = 0; i < 20; i++) await contender.run()
  // Interleave contenders so drift in machine load hits all of them alike.
  for (let round = 0; round < rounds; round++) {
    for (const contender of contenders) {
      const started = performance.now()
      for (let i = 0; i < perRound; i++) await contender.run()
      samples.get(contender.name)?.push((performance.now() - started) / perRound)
    }
  }
  const medians = new Map<string, number>()
  for (const [name, values] of samples) {
    values.sort((a, b) => a - b)
    medians.set(name, values[Math.floor(values.length / 2)] ?? Number.NaN)
  }
  return medians
}

async function gzippedBundle(name: string, contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: `${name}.ts` },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@typed-jmap/source'],
    external: ['node:*'],
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return gzipSync(code, { level: 9 }).byteLength
}

const server = await startServer()
const sessionUrl = `${server.origin}/jmap/`
const body = JSON.stringify(fixtureRequest)
const validating = createConnection({ sessionUrl, auth: { bearer: 'x' } })
const trusting = createConnection({ sessionUrl, auth: { bearer: 'x' }, validate: false })
const jam = await loadJam({ sessionUrl, bearerToken: 'x' })
await Promise.all([validating.session(), trusting.session(), jam.session])

const contenders: Contender[] = [
  {
    name: 'raw fetch + JSON.parse',
    run: async () => {
      const response = await fetch(`${server.origin}/jmap/`, {
        method: 'POST',
        headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
        body,
      })
      return JSON.parse(await response.text())
    },
  },
  { name: 'typed-jmap send, validate on', run: () => validating.send(fixtureRequest) },
  { name: 'typed-jmap send, validate off', run: () => trusting.send(fixtureRequest) },
  {
    name: 'jmap-jam requestMany',
    run: () =>
      jam.requestMany((b) => {
        const email = b.Email as JamDrafts[string]
        const q = (email.query as JamDrafts[string][string])({ accountId: 'test', limit: 500 })
        return {
          q,
          g: (email.get as JamDrafts[string][string])({ accountId: 'test', ids: q.$ref('/ids') }),
        }
      }),
  },
]
const medians = await measure(contenders, 25, 20)
server.close()
const baseline = medians.get('raw fetch + JSON.parse') ?? Number.NaN
console.log(
  'Email/query + Email/get of 500 emails, end to end (median per request, ratio to raw fetch):',
)
for (const [name, value] of medians)
  console.log(`  ${name.padEnd(32)} ${(value / baseline).toFixed(2)}×`)
console.log('  targets: validate off ≤ 1.10×, validate on ≤ 1.50×')

const coreEntry = `import { createConnection } from '${root}packages/core/src/index.ts'
const connection = createConnection({ sessionUrl: location.href, auth: { bearer: 'x' } })
connection.send({ using: ['urn:ietf:params:jmap:core'], methodCalls: [['Core/echo', {}, 'c0']] }).then(console.log)`
const jamEntry = `import { JamClient } from 'jmap-jam'
const jam = new JamClient({ sessionUrl: location.href, bearerToken: 'x' })
jam.api.Core.echo({}).then(console.log)`
// Everything mail exports, so tree shaking cannot drop it: an upper bound.
const coreMailEntry = `import * as mail from '${root}packages/mail/src/index.ts'
console.log(mail)
${coreEntry}`
const [coreSize, jamSize] = await Promise.all([
  gzippedBundle('core', coreEntry),
  gzippedBundle('jam', jamEntry),
])
// The mail package is built by another part of the project; report it when it bundles.
const coreMailSize = await gzippedBundle('core-mail', coreMailEntry).catch(() => undefined)
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
console.log('Minimal browser bundle, esbuild --minify, gzip -9 (ratio to jmap-jam):')
console.log(
  `  typed-jmap core (connection)     ${(coreSize / jamSize).toFixed(2)}× (${kib(coreSize)} vs ${kib(jamSize)})`,
)
console.log(
  coreMailSize === undefined
    ? '  typed-jmap core + all of mail    n/a (mail does not bundle yet)'
    : `  typed-jmap core + all of mail    ${(coreMailSize / jamSize).toFixed(2)}× (${kib(coreMailSize)} vs ${kib(jamSize)})`,
)
