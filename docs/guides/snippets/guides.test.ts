// The guides quote their snippets: every ```ts block of docs/guides/*.md must appear verbatim in
// a file that guide names, so the code a reader copies is the code tsc checks and this file runs.
// The one home of that check: READMEs' marked quotes are checked here too.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createClient, Id } from '@typed-jmap/core'
import { type MailChanges, mail, submission } from '@typed-jmap/mail'
import { createTestServer } from '@typed-jmap/testing'
import { describe, expect, it } from 'vitest'
import { followMail, renamedMailboxes } from './push-sync.js'
import { sendByHand, sendGreeting, sendReport } from './sending-mail.js'

const repository = new URL('../../../', import.meta.url).pathname
const guides = new URL('../', import.meta.url).pathname

function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((found) => found[1] ?? '')
}

// A guide names its sources in backticks or in `<!-- quoted: path -->` markers, from the root.
function namedFiles(markdown: string): string[] {
  const named = /`((?:docs|packages|examples)\/[^`\s]+\.ts)`|<!-- quoted: (\S+\.ts) -->/g
  return [...new Set([...markdown.matchAll(named)].map((found) => found[1] ?? found[2] ?? ''))]
}

describe('every guide quotes files that the type check covers', async () => {
  const names = (await readdir(guides)).filter((name) => name.endsWith('.md'))
  it('finds the guides', () => {
    expect(names).toEqual(expect.arrayContaining(['handling-errors.md', 'sending-mail.md']))
  })
  for (const name of names) {
    it(`${name}: each ts block is in a file it names`, async () => {
      const markdown = await readFile(join(guides, name), 'utf8')
      const sources = await Promise.all(
        namedFiles(markdown).map((path) => readFile(join(repository, path), 'utf8')),
      )
      for (const block of codeBlocks(markdown)) {
        expect(
          sources.some((source) => source.includes(block)),
          `${name}: a ts block is not in any of ${namedFiles(markdown).join(', ') || 'no named file'}:\n${block}`,
        ).toBe(true)
      }
    })
  }
})

// Other documents quote code only where a `<!-- quoted: path -->` marker says so (their other
// blocks are sketches): each marked block must be verbatim in the file it names.
const documentsWithQuotes = ['packages/testing/README.md']
const markedQuote = /<!-- quoted: (\S+) -->\n```ts\n([\s\S]*?)```/g

describe.each(documentsWithQuotes)('the marked quotes in %s', async (document) => {
  const markdown = await readFile(join(repository, document), 'utf8')
  const quotes = [...markdown.matchAll(markedQuote)].map(([, path, code]) => ({
    path: path ?? '',
    code: code ?? '',
  }))

  it('exist', () => {
    expect(quotes.length).toBeGreaterThan(2)
  })

  it.each(quotes)('are verbatim in $path', async ({ path, code }) => {
    expect(await readFile(join(repository, path), 'utf8')).toContain(code)
  })
})

async function mailServer() {
  const server = createTestServer({ preset: 'personal' })
  const connection = { sessionUrl: server.sessionUrl, fetch: server.fetch }
  const jmap = createClient({ ...connection, capabilities: [mail, submission] })
  const mailOnly = createClient({ ...connection, capabilities: [mail] })
  const accountId = await jmap.connection.accountFor('urn:ietf:params:jmap:mail')
  return { server, jmap, mailOnly, accountId }
}

describe('the sending-mail guide', () => {
  it('sends with sendEmail alone, with an uploaded attachment, and by hand', async () => {
    const { server, jmap, accountId } = await mailServer()
    const pdf = new TextEncoder().encode('%PDF-1.4 a tiny report')

    await sendGreeting(jmap, accountId, 'ann@example.com')
    await sendReport(jmap, accountId, 'ann@example.com', pdf)
    const byHand = await sendByHand(
      jmap,
      accountId,
      Id(server.preset.identityId),
      'test@example.com',
      'ann@example.com',
    )

    expect(byHand).toBeDefined()
    expect(server.outbox.map((sent) => sent.envelope.rcptTo)).toEqual([
      ['ann@example.com'],
      ['ann@example.com'],
      ['ann@example.com'],
    ])
    const report = server.outbox[1]?.raw ?? ''
    expect(report).toMatch(/Content-Type: multipart\/mixed/i)
    expect(report).toMatch(/filename="?report\.pdf/i)
    const moved = await jmap.request((b) =>
      b.call('Email/get', { accountId, ids: [Id(byHand ?? '')], properties: ['mailboxIds'] }),
    )
    expect(Object.keys(moved.list[0]?.mailboxIds ?? {})).toEqual([server.preset.mailboxes.sent])
  })

  it('narrows a refused submission to its SetError type', async () => {
    const { jmap, accountId } = await mailServer()
    await expect(
      sendByHand(jmap, accountId, Id('no-such-identity'), 'test@example.com', 'ann@example.com'),
    ).rejects.toThrow(/submission refused: /)
  })
})

describe('the push-sync guide', () => {
  it('turns StateChanges into synced Emails', async () => {
    const { server, mailOnly: jmap, accountId } = await mailServer()
    const controller = new AbortController()
    const rounds: MailChanges[] = []
    const arrived = new Promise<void>((resolve) => {
      const following = followMail(
        jmap,
        accountId,
        {
          onChanges: (changes) => {
            rounds.push(changes)
            if (changes.createdEmails.length > 0) resolve()
          },
          onResync: () => Promise.reject(new Error('no resync expected')),
        },
        controller.signal,
      )
      following.catch(() => undefined)
    })
    // The stream connects on its first read: deliver until a delivery is seen, so one made
    // before the connection is caught by the next StateChange (the sync starts at our states).
    const delivering = setInterval(() => {
      server.seed.email({
        mailboxIds: [server.preset.mailboxes.inbox],
        subject: 'Pushed',
        text: 'Hello',
      })
    }, 50)
    try {
      await arrived
    } finally {
      clearInterval(delivering)
      controller.abort()
    }
    expect(rounds.flatMap((round) => round.createdEmails.map((email) => email.subject))).toContain(
      'Pushed',
    )
  })

  it('asks for a reload when the server can no longer calculate changes from our states', async () => {
    const { server, mailOnly: jmap, accountId } = await mailServer()
    const controller = new AbortController()
    let synced = false
    const reloaded = new Promise<void>((resolve) => {
      followMail(
        jmap,
        accountId,
        {
          onChanges: () => {
            // Once the loop runs: one more change, then the server forgets every change log, so
            // the next round cannot be calculated from the states the loop holds.
            if (!synced) {
              server.seed.email({ mailboxIds: [server.preset.mailboxes.inbox], subject: 'Later' })
              server.trimChangeLogs()
            }
            synced = true
          },
          onResync: async () => {
            resolve()
            return { mailboxState: '0', emailState: '0' }
          },
        },
        controller.signal,
      ).catch(() => undefined)
    })
    const delivering = setInterval(() => {
      server.seed.email({ mailboxIds: [server.preset.mailboxes.inbox], subject: 'Again' })
    }, 50)
    try {
      await reloaded
    } finally {
      clearInterval(delivering)
      controller.abort()
    }
    expect(synced).toBe(true)
  })

  it('reads renamed mailboxes with changesWithObjects, and asks for a resync when the log is gone', async () => {
    const { server, mailOnly: jmap, accountId } = await mailServer()
    const before = await jmap.request((b) => b.call('Mailbox/get', { accountId, ids: [] }))
    await jmap.request((b) =>
      b.call('Mailbox/set', {
        accountId,
        update: { [server.preset.mailboxes.archive]: { name: 'Old mail' } },
      }),
    )
    expect(await renamedMailboxes(jmap, accountId, before.state)).toMatchObject({
      names: ['Old mail'],
    })
    server.trimChangeLogs()
    expect(await renamedMailboxes(jmap, accountId, before.state)).toBe('resync')
  })
})
