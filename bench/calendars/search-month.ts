// Searches one month of a 1,000-event calendar on Cyrus 3.10 two ways and prints requests and
// time side by side: the calendar API's one-request search (CalendarEvent/query + /get by
// reference) against doing it call by call (a query, then one /get per event). Needs the
// integration server (`pnpm test:integration` starts it); skips when it is not running.
import { existsSync, readFileSync } from 'node:fs'
import { createCalendarApi } from '../../packages/calendars/src/calendar-api/calendar-api.js'
import type { CalendarEventCreate } from '../../packages/calendars/src/calendar-event/calendar-event.js'

const eventCount = 1000
const runs = 5

interface ServerEnvironment {
  readonly sessionUrl: string
  readonly username: string
  readonly password: string
}

function serverEnvironment(): ServerEnvironment | undefined {
  const file = `${process.env.CYRUS_RUN_DIR ?? '/tmp/typed-jmap-cyrus'}/3.10/server.env`
  const fromFile: Record<string, string> = {}
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const eq = line.indexOf('=')
      if (eq > 0) fromFile[line.slice(0, eq)] = line.slice(eq + 1)
    }
  }
  const read = (key: string): string | undefined => process.env[key] ?? fromFile[key]
  const sessionUrl = read('JMAP_CYRUS310_SESSION_URL')
  const username = read('JMAP_CYRUS310_USERNAME')
  const password = read('JMAP_CYRUS310_PASSWORD')
  if (sessionUrl === undefined || username === undefined || password === undefined) return undefined
  return { sessionUrl, username, password }
}

const environment = serverEnvironment()
if (environment === undefined) {
  console.log('skipped: Cyrus 3.10 is not running (JMAP_CYRUS310_SESSION_URL unknown)')
  process.exit(0)
}

let posts = 0
const counting: typeof fetch = (input, init) => {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
  if (method.toUpperCase() === 'POST') posts++
  return fetch(input, init)
}
const api = createCalendarApi({
  sessionUrl: environment.sessionUrl,
  auth: { basic: { username: environment.username, password: environment.password } },
  fetch: counting,
})
const accountId = await api.accountId()
const created = await api.client.request((b) =>
  b.call('Calendar/set', { accountId, create: { bench: { name: `bench ${Date.now()}` } } }),
)
const calendarId = created.created?.bench?.id
if (calendarId === undefined) throw new Error('could not create the bench calendar')

try {
  // 1,000 events over 2033, about 83 a month, 250 creates per request. (Cyrus's maxDateTime is
  // 2038-01-19: query bounds beyond it are not applied.)
  const seedStarted = performance.now()
  for (let batch = 0; batch < eventCount / 250; batch++) {
    const create: Record<string, CalendarEventCreate> = {}
    for (let index = 0; index < 250; index++) {
      const n = batch * 250 + index
      const day = new Date(Date.UTC(2033, 0, 1) + Math.floor((n * 365) / eventCount) * 86_400_000)
      create[`e${n}`] = {
        calendarIds: { [calendarId]: true },
        title: `Bench event ${n}`,
        start: `${day.toISOString().slice(0, 10)}T${String(8 + (n % 9)).padStart(2, '0')}:00:00`,
        timeZone: 'Europe/Berlin',
        duration: 'PT45M',
      }
    }
    await api.client.request((b) => b.call('CalendarEvent/set', { accountId, create }))
  }
  console.log(
    `seeded ${eventCount} events in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  )

  const month = { after: '2033-03-01T00:00:00', before: '2033-04-01T00:00:00' }
  const calendar = api.calendar(calendarId)

  async function measure(label: string, search: () => Promise<number>): Promise<number> {
    const times: number[] = []
    let requests = 0
    let found = 0
    for (let run = 0; run < runs; run++) {
      const before = posts
      const started = performance.now()
      found = await search()
      times.push(performance.now() - started)
      requests = posts - before
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)] ?? 0
    console.log(`${label}: ${found} events, ${requests} requests, median ${median.toFixed(1)} ms`)
    return median
  }

  const oneRequest = await measure('calendar API search (query + get by reference)', async () => {
    const events = await calendar.search(month)
    return events.length
  })
  const callByCall = await measure('call by call (query, then one get per event)', async () => {
    const query = await api.client.request((b) =>
      b.call('CalendarEvent/query', { accountId, filter: { inCalendar: calendarId, ...month } }),
    )
    for (const id of query.ids) {
      await api.client.request((b) => b.call('CalendarEvent/get', { accountId, ids: [id] }))
    }
    return query.ids.length
  })
  console.log(`ratio: call by call takes ${(callByCall / oneRequest).toFixed(1)}x the time`)
} finally {
  await api.client.request((b) =>
    b.call('Calendar/set', { accountId, destroy: [calendarId], onDestroyRemoveEvents: true }),
  )
}
