// Opens a 100-email mailbox page on Cyrus 3.10 two ways and prints requests and time side by
// side: openMailboxPage (Email/query + Email/get + Thread/get chained by result references, one
// request) against the same work call by call (a query, one Email/get per email, one Thread/get
// per thread). Needs the integration server (`pnpm test:integration` starts it); skips when it
// is not running.
import { existsSync, readFileSync } from 'node:fs'
import { createClient, type Id } from '@typed-jmap/core'
import { type EmailCreate, mail, openMailboxPage } from '../../src/index.js'

const emailCount = 100
const runs = 5

function serverVariable(key: string): string | undefined {
  const file = `${process.env.CYRUS_RUN_DIR ?? '/tmp/typed-jmap-cyrus'}/3.10/server.env`
  if (process.env[key] !== undefined) return process.env[key]
  if (!existsSync(file)) return undefined
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${key}=`))
  return line?.slice(key.length + 1)
}

const sessionUrl = serverVariable('JMAP_CYRUS310_SESSION_URL')
const username = serverVariable('JMAP_CYRUS310_USERNAME')
const password = serverVariable('JMAP_CYRUS310_PASSWORD')
if (sessionUrl === undefined || username === undefined || password === undefined) {
  console.log('skipped: Cyrus 3.10 is not running (JMAP_CYRUS310_SESSION_URL unknown)')
  process.exit(0)
}

let posts = 0
const counting: typeof fetch = (input, init) => {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
  if (method.toUpperCase() === 'POST') posts++
  return fetch(input, init)
}
const jmap = createClient({
  sessionUrl,
  auth: { basic: { username, password } },
  fetch: counting,
  capabilities: [mail],
})
const accountId = await jmap.connection.accountFor('urn:ietf:params:jmap:mail')
const created = await jmap.request((b) =>
  b.call('Mailbox/set', { accountId, create: { bench: { name: `bench ${Date.now()}` } } }),
)
const mailboxId = created.created?.bench?.id
if (mailboxId === undefined) throw new Error('could not create the bench mailbox')

async function callByCall(): Promise<number> {
  const query = await jmap.request((b) =>
    b.call('Email/query', {
      accountId,
      filter: { inMailbox: mailboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: emailCount,
    }),
  )
  const threadIds = new Set<Id>()
  for (const id of query.ids) {
    const got = await jmap.request((b) =>
      b.call('Email/get', {
        accountId,
        ids: [id],
        properties: [
          'threadId',
          'mailboxIds',
          'keywords',
          'from',
          'subject',
          'receivedAt',
          'preview',
        ],
      }),
    )
    for (const email of got.list) threadIds.add(email.threadId)
  }
  for (const id of threadIds) {
    await jmap.request((b) => b.call('Thread/get', { accountId, ids: [id] }))
  }
  return query.ids.length
}

async function measure(work: () => Promise<number>): Promise<{ ms: number; requests: number }> {
  const times: number[] = []
  let requests = 0
  for (let run = 0; run < runs; run++) {
    const before = posts
    const started = performance.now()
    const count = await work()
    times.push(performance.now() - started)
    requests = posts - before
    if (count !== emailCount) throw new Error(`expected ${emailCount} emails, got ${count}`)
  }
  times.sort((left, right) => left - right)
  return { ms: times[Math.floor(times.length / 2)] ?? 0, requests }
}

try {
  const messages = Object.fromEntries(
    Array.from({ length: emailCount }, (_, index): [string, EmailCreate] => [
      `e${index}`,
      {
        mailboxIds: { [mailboxId]: true },
        from: [{ name: 'Bench', email: 'bench@example.test' }],
        subject: `Bench message ${index}`,
        bodyValues: { body: { value: `Body ${index}` } },
        textBody: [{ partId: 'body', type: 'text/plain' }],
      },
    ]),
  )
  await jmap.request((b) => b.call('Email/set', { accountId, create: messages }))
  const helper = await measure(async () => {
    const page = await openMailboxPage(jmap, {
      accountId,
      mailboxId,
      limit: emailCount,
      collapseThreads: false,
    })
    return page.emails.length
  })
  const byCall = await measure(callByCall)
  console.log(`mailbox page of ${emailCount} emails on Cyrus 3.10 (median of ${runs})`)
  console.log(`  openMailboxPage : ${helper.requests} request(s), ${helper.ms.toFixed(1)} ms`)
  console.log(`  call by call    : ${byCall.requests} request(s), ${byCall.ms.toFixed(1)} ms`)
  console.log(
    `  ratio           : ${(byCall.requests / helper.requests).toFixed(0)}x fewer requests, ${(byCall.ms / helper.ms).toFixed(1)}x faster`,
  )
} finally {
  await jmap.request((b) =>
    b.call('Mailbox/set', { accountId, destroy: [mailboxId], onDestroyRemoveEmails: true }),
  )
}
