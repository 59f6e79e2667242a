// Runtime overhead of the typed client against raw fetch + JSON.parse and
// jmap-jam, on the same local node:http server answering Email/query +
// Email/get (7 properties) for N = 50, 500 and 5,000 emails, plus the gzipped
// size of minimal browser bundles. Prints ratios only: absolute times on a
// shared machine mean little, side-by-side ratios in one run do.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { createClient } from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { build } from 'esbuild'
import {
  type EmailFixture,
  emailFixture,
  emailProperties,
  fixtureResponse,
} from './email-fixture.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const sizes = [50, 500, 5_000] as const

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

// The mail capability, valid both in the session and for the account.
const mailCapability = {
  maxMailboxesPerEmail: null,
  maxMailboxDepth: null,
  maxSizeMailboxName: 490,
  maxSizeAttachmentsPerEmail: 50_000_000,
  emailQuerySortOptions: ['receivedAt'],
  mayCreateTopLevelMailbox: true,
}

function sessionFor(origin: string): string {
  // Absolute URLs: jmap-jam does not resolve relative ones (Cyrus sends relative).
  return JSON.stringify({
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
        maxObjectsInGet: 10_000,
        maxObjectsInSet: 4096,
        collationAlgorithms: [],
      },
      'urn:ietf:params:jmap:mail': mailCapability,
    },
    accounts: {
      test: {
        name: 'test',
        isPersonal: true,
        isReadOnly: false,
        accountCapabilities: {
          'urn:ietf:params:jmap:mail': mailCapability,
        },
      },
    },
    primaryAccounts: { 'urn:ietf:params:jmap:mail': 'test' },
  })
}

// The answer depends on the query's `limit` (N) and carries the request's call
// ids, so every contender gets the same bytes for the same N.
async function startServer(): Promise<{ origin: string; close: () => void }> {
  const fixtures = new Map<number, EmailFixture>(sizes.map((size) => [size, emailFixture(size)]))
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (request.method === 'GET') {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(sessionFor(`http://${request.headers.host}`))
        return
      }
      const { methodCalls } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        methodCalls: [string, { limit?: number }, string][]
      }
      const [query, get] = methodCalls
      const fixture = fixtures.get(query?.[1].limit ?? 0)
      if (fixture === undefined || query === undefined || get === undefined) {
        response.writeHead(400).end()
        return
      }
      const body = Buffer.from(fixtureResponse(fixture, query[2], get[2]))
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
      response.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() }
}

type Contender = { name: string; run: (fixture: EmailFixture) => Promise<unknown> }

async function measure(
  contenders: Contender[],
  fixture: EmailFixture,
  rounds: number,
  perRound: number,
): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]))
  for (const contender of contenders) for (let i = 0; i < 10; i++) await contender.run(fixture)
  // Interleave contenders so drift in machine load hits all of them alike.
  for (let round = 0; round < rounds; round++) {
    for (const contender of contenders) {
      const started = performance.now()
      for (let i = 0; i < perRound; i++) await contender.run(fixture)
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
const validating = createClient({ sessionUrl, auth: { bearer: 'x' }, capabilities: [mail] })
const trusting = createClient({
  sessionUrl,
  auth: { bearer: 'x' },
  capabilities: [mail],
  validate: false,
})
const jam = await loadJam({ sessionUrl, bearerToken: 'x' })
await Promise.all([validating.session(), trusting.session(), jam.session])

function typedRun(jmap: typeof validating) {
  return (fixture: EmailFixture) =>
    jmap.request((b) => {
      const query = b.call('Email/query', fixture.queryArguments as { accountId: string })
      return b.call('Email/get', {
        accountId: 'test',
        ids: query.ref('/ids'),
        properties: [...emailProperties],
      })
    })
}

const contenders: Contender[] = [
  {
    name: 'raw fetch + JSON.parse',
    run: async (fixture) => {
      const response = await fetch(`${server.origin}/jmap/`, {
        method: 'POST',
        headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
        body: JSON.stringify({
          using: ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail'],
          methodCalls: [
            ['Email/query', fixture.queryArguments, 'q'],
            [
              'Email/get',
              {
                ...fixture.getArguments,
                '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
              },
              'g',
            ],
          ],
        }),
      })
      return JSON.parse(await response.text())
    },
  },
  { name: 'typed-jmap request, validate on', run: typedRun(validating) },
  { name: 'typed-jmap request, validate off', run: typedRun(trusting) },
  {
    name: 'jmap-jam requestMany',
    run: (fixture) =>
      jam.requestMany((b) => {
        const email = b.Email as JamDrafts[string]
        const q = (email.query as JamDrafts[string][string])(fixture.queryArguments)
        return {
          q,
          g: (email.get as JamDrafts[string][string])({
            ...fixture.getArguments,
            ids: q.$ref('/ids'),
          }),
        }
      }),
  },
]
const plan = new Map<number, [rounds: number, perRound: number]>([
  [50, [15, 20]],
  [500, [15, 4]],
  [5_000, [9, 1]],
])
const table = new Map<string, string[]>(contenders.map((contender) => [contender.name, []]))
for (const size of sizes) {
  const [rounds, perRound] = plan.get(size) ?? [5, 1]
  const medians = await measure(contenders, emailFixture(size), rounds, perRound)
  const baseline = medians.get('raw fetch + JSON.parse') ?? Number.NaN
  for (const [name, value] of medians) table.get(name)?.push(`${(value / baseline).toFixed(2)}×`)
}
server.close()
console.log(
  'Email/query + Email/get (7 properties), end to end, median per request as a ratio to raw fetch:',
)
console.log(`  ${''.padEnd(34)} ${sizes.map((size) => `N=${size}`.padStart(8)).join(' ')}`)
for (const [name, cells] of table) {
  console.log(`  ${name.padEnd(34)} ${cells.map((cell) => cell.padStart(8)).join(' ')}`)
}
console.log('  goals: validate on ≤ 1.20× at N=50 and ≤ 1.30× at N=5000; validate off ≤ 1.05×')

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
