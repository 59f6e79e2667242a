// The smoke test every runtime runs against the built packages (dist/, as an app installs them):
// session discovery, one typed request with a result reference, and one push event (RFC 8620
// §7.3 EventSource, which core loads lazily), against the test server listening on 127.0.0.1.
// The modules come in as arguments, so smoke.mjs can bring them with `import` and smoke.cjs with
// `require`, and both run these same steps.

const deadlineMs = 20_000
const bearer = 'runtime-smoke'
const subject = 'Runtime smoke'

/**
 * Runs the steps; resolves with one line saying what passed, rejects with the step that failed.
 * The runtime under test also runs the test server (`listen()`: node:http and `ws`, which Deno 2
 * and Bun 1 provide), so the whole HTTP and push path runs in it on both ends.
 */
export async function runSmoke({ core, mail, testing }) {
  const deadline = AbortSignal.timeout(deadlineMs)
  const server = testing.createTestServer({ auth: { bearer } })
  const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
  server.seed.email({ mailboxIds: [inbox], from: 'ann@example.com', subject, text: 'Hello' })
  const { sessionUrl } = await server.listen()
  const jmap = core.createClient({ sessionUrl, auth: { bearer }, capabilities: [mail.mail] })
  try {
    const session = await jmap.session()
    const accountId = session.primaryAccounts['urn:ietf:params:jmap:mail']
    check(typeof accountId === 'string', 'session: no primary mail account')

    const found = await jmap.request((b) => {
      const emails = b.call('Email/query', { accountId, sort: [{ property: 'receivedAt' }] })
      return b.call('Email/get', { accountId, ids: emails.ref('/ids'), properties: ['subject'] })
    })
    const subjects = found.list.map((email) => email.subject)
    check(subjects.includes(subject), `typed request: subjects ${JSON.stringify(subjects)}`)

    const events = jmap.connection.events({ types: ['Mailbox'] })
    let pushedState
    const pushed = (async () => {
      for await (const change of events) {
        pushedState = change.changed[accountId]?.Mailbox
        if (pushedState !== undefined) return
      }
    })()
    pushed.catch(() => {}) // raced below; this only keeps an early failure from going unhandled
    // Nothing says when the stream is open, so a change is made every 250 ms until one is
    // pushed; the event must carry the state one of those changes produced.
    const states = new Set()
    while (pushedState === undefined) {
      check(!deadline.aborted, `push: no event within ${deadlineMs} ms`)
      const created = await jmap.request((b) =>
        b.call('Mailbox/set', { accountId, create: { m: { name: `Smoke ${states.size}` } } }),
      )
      check(created.created?.m !== undefined, 'Mailbox/set: not created')
      states.add(created.newState)
      await Promise.race([pushed, new Promise((resolve) => setTimeout(resolve, 250))])
    }
    events.close()
    check(states.has(pushedState), `push: state ${pushedState} is none of ${[...states]}`)
    return `session (${session.username}), typed request (${subjects.length} email), push event`
  } finally {
    await server.close()
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message)
}
