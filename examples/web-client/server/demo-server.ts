// Serves the web client (a Vite production build, previewed on one port) and
// the in-memory JMAP server (another port, so every call is cross-origin and
// goes through CORS), with a mailbox, some mail and this week's events.
import { fileURLToPath } from 'node:url'
import { createTestServer, type TestServer } from '@typed-jmap/testing'
import { build, preview } from 'vite'

const appDir = fileURLToPath(new URL('..', import.meta.url))

/** The running demo. */
export interface WebClientDemo {
  /** The page's address, with the session URL and credentials in its query. */
  readonly url: string
  /** The JMAP server, to seed more data while the page is open. */
  readonly server: TestServer
  /** The Inbox's id. */
  readonly inbox: string
  close(): Promise<void>
}

/** `YYYY-MM-DDThh:mm:ss` for a local day of this week (0 = Monday) at an hour. */
function thisWeekAt(day: number, hour: number): string {
  const now = new Date()
  const date = new Date(
    now.getFullYear(),
    now.getMonth(),
    now.getDate() - ((now.getDay() + 6) % 7) + day,
  )
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00:00`
}

function seed(server: TestServer): string {
  const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox', sortOrder: 1 })
  server.seed.mailbox({ name: 'Archive', role: 'archive', sortOrder: 2 })
  server.seed.mailbox({ name: 'Sent', role: 'sent', sortOrder: 3 })
  server.seed.email({
    mailboxIds: [inbox],
    from: 'Bob <bob@example.com>',
    subject: 'Lunch on Thursday?',
    text: 'Shall we try the new place on the corner?',
    keywords: ['$seen'],
    receivedAt: '2026-01-05T09:00:00Z',
  })
  server.seed.email({
    mailboxIds: [inbox],
    from: 'Carol <carol@example.com>',
    subject: 'Quarterly report draft',
    text: 'The draft is attached to the shared folder. Comments by Friday, please.',
    receivedAt: '2026-01-06T10:30:00Z',
  })
  const calendar = server.seed.calendar({ name: 'Work' })
  server.seed.calendarEvent({
    calendarIds: { [calendar]: true },
    title: 'Team stand-up',
    start: thisWeekAt(0, 9),
    duration: 'PT30M',
  })
  server.seed.calendarEvent({
    calendarIds: { [calendar]: true },
    title: 'Design review',
    start: thisWeekAt(2, 14),
    duration: 'PT1H',
  })
  return inbox
}

/**
 * Builds the page, starts both servers on 127.0.0.1 and returns the address to open.
 *
 * @example const demo = await startWebClientDemo(); console.log(demo.url)
 */
export async function startWebClientDemo(options: { port?: number } = {}): Promise<WebClientDemo> {
  const server = createTestServer({
    username: 'alice@example.com',
    auth: { basic: { username: 'alice', password: 'secret' } },
  })
  const inbox = seed(server)
  const listening = await server.listen()
  const config = {
    configFile: false as const,
    root: appDir,
    logLevel: 'warn' as const,
    // The workspace packages' TypeScript sources, bundled as an app would bundle dist/.
    resolve: { conditions: ['@typed-jmap/source', 'module', 'browser', 'production'] },
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  }
  await build(config)
  const previewServer = await preview({
    ...config,
    preview: { host: '127.0.0.1', port: options.port ?? 0, strictPort: options.port !== undefined },
  })
  const base = previewServer.resolvedUrls?.local[0]
  if (base === undefined) throw new Error('the Vite preview server did not say where it listens')
  const query = new URLSearchParams({
    session: listening.sessionUrl,
    user: 'alice',
    password: 'secret',
  })
  return {
    url: `${base}?${query}`,
    server,
    inbox,
    async close() {
      await new Promise<void>((resolve) => previewServer.httpServer.close(() => resolve()))
      await server.close()
    },
  }
}
