// Heap growth of the in-memory server per 1,000 requests, measured side by side: in-process
// through `server.fetch` with a Request built by the caller, with a string URL and init (the
// server builds the Request), and over loopback HTTP. Run with
// `node --expose-gc --conditions=@typed-jmap/source --import tsx packages/testing/test/bench/heap-per-request.ts`.
import { createTestServer } from '../../src/index.js'

const body = JSON.stringify({
  using: ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail'],
  methodCalls: [['Mailbox/get', { accountId: 'u1', ids: null }, '0']],
})
const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body }

function heapMb(): number {
  globalThis.gc?.()
  globalThis.gc?.()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

async function measure(name: string, send: () => Promise<Response>, rounds = 3): Promise<void> {
  for (let i = 0; i < 200; i++) await (await send()).text()
  const start = heapMb()
  const perRound: number[] = []
  for (let round = 0; round < rounds; round++) {
    const before = heapMb()
    for (let i = 0; i < 1000; i++) await (await send()).text()
    perRound.push(heapMb() - before)
  }
  const growth = heapMb() - start
  console.log(
    `${name.padEnd(34)} ${(growth / rounds).toFixed(2)} MB per 1,000 requests (rounds: ${perRound.map((mb) => mb.toFixed(2)).join(', ')})`,
  )
}

const server = createTestServer()
server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
const api = 'http://jmap.test/jmap/api'
await measure('server.fetch(url, init)', () => server.fetch(api, init))
await measure('server.fetch(new Request(url, init))', () => server.fetch(new Request(api, init)))
const listening = await server.listen()
const httpApi = new URL('/jmap/api', listening.sessionUrl).href
await measure('fetch over loopback HTTP', () => fetch(httpApi, init))
await measure('new Request only (no server)', async () => {
  const request = new Request(api, init)
  await request.text()
  return new Response('{}')
})
await server.close()

// The same through the SDK's client, read-only and writing (a keyword flip per request: the
// change log grows until maxChangeLogLength entries, then stays flat).
const { createClient } = await import('@typed-jmap/core')
const { mail } = await import('@typed-jmap/mail')
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
  let flag = false
  await measure(`client read via ${transport}`, async () => {
    await jmap.request((b) => b.call('Mailbox/get', { accountId: 'u1', ids: null }))
    return new Response('')
  })
  await measure(`client write via ${transport}`, async () => {
    flag = !flag
    await jmap.request((b) =>
      b.call('Email/set', {
        accountId: 'u1',
        update: { [emailId]: { 'keywords/$seen': flag || null } },
      }),
    )
    return new Response('')
  })
  await target.close()
}
