// Heap growth of the in-memory server per 1,000 requests (10,000 per case, forced GC), measured
// side by side: in-process through `server.fetch`, over loopback HTTP, through the SDK's client,
// and Node's `new Request` alone. Each case prints two figures: the heap after `gc()` called
// right away, and after `gc()` with a turn of the event loop in between, which lets Node run
// the FinalizationRegistry callbacks that free a `Request` made with an AbortSignal. Run with
// `node --expose-gc --conditions=@typed-jmap/source --import tsx packages/testing/test/bench/heap-per-request.ts`.
import { createClient } from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { createTestServer } from '../../src/index.js'

const requests = 10_000
const body = JSON.stringify({
  using: ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail'],
  methodCalls: [['Mailbox/get', { accountId: 'u1', ids: null }, '0']],
})
const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body }
const withSignal = () => ({ ...init, signal: new AbortController().signal })

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function heapNowMb(): number {
  globalThis.gc?.()
  globalThis.gc?.()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

async function heapAfterTurnMb(): Promise<number> {
  globalThis.gc?.()
  await turn()
  globalThis.gc?.()
  await turn()
  globalThis.gc?.()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

async function measure(name: string, send: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await send()
  const startTurn = await heapAfterTurnMb()
  const startNow = heapNowMb()
  for (let i = 0; i < requests; i++) await send()
  const now = (heapNowMb() - startNow) / (requests / 1000)
  const afterTurn = ((await heapAfterTurnMb()) - startTurn) / (requests / 1000)
  console.log(
    `${name.padEnd(44)} ${now.toFixed(2).padStart(6)} MB ${afterTurn.toFixed(2).padStart(6)} MB`,
  )
}

if (globalThis.gc === undefined) throw new Error('run with node --expose-gc')
console.log(`${'per 1,000 requests'.padEnd(44)} gc now  gc after a turn`)

const server = createTestServer()
server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
const api = 'http://jmap.test/jmap/api'
const text = async (response: Promise<Response>) => (await response).text()
await measure('server.fetch(url, init)', () => text(server.fetch(api, init)))
await measure('server.fetch(url, init with signal)', () => text(server.fetch(api, withSignal())))
await measure('new Request(url, init with signal) only', () =>
  new Request(api, withSignal()).text(),
)
const listening = await server.listen()
const httpApi = new URL('/jmap/api', listening.sessionUrl).href
await measure('fetch over loopback HTTP, with signal', () => text(fetch(httpApi, withSignal())))
await server.close()

// The SDK's client hands fetch an AbortSignal (its deadline) on every request.
for (const transport of ['server.fetch', 'loopback HTTP'] as const) {
  const target = createTestServer()
  const inbox = target.seed.mailbox({ name: 'Inbox', role: 'inbox' })
  const emailId = target.seed.email({ mailboxIds: [inbox], subject: 'x' })
  const sessionUrl =
    transport === 'server.fetch' ? target.sessionUrl : (await target.listen()).sessionUrl
  const jmap = createClient({
    sessionUrl,
    capabilities: [mail],
    ...(transport === 'server.fetch' ? { fetch: target.fetch } : {}),
  })
  await measure(`client read via ${transport}`, () =>
    jmap.request((b) => b.call('Mailbox/get', { accountId: 'u1', ids: null })),
  )
  // A keyword flip per request: the change log grows to maxChangeLogLength entries, then stays.
  let flag = false
  await measure(`client write via ${transport}`, () => {
    flag = !flag
    return jmap.request((b) =>
      b.call('Email/set', {
        accountId: 'u1',
        update: { [emailId]: { 'keywords/$seen': flag || null } },
      }),
    )
  })
  await target.close()
}
