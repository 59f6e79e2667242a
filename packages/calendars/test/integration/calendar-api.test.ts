import { expect, it } from 'vitest'
import { describeOnServer, type TestServer } from '../../../../scripts/integration/servers.js'
import { type CalendarApi, createCalendarApi } from '../../src/calendar-api/calendar-api.js'

/** The calendar API over a fetch that counts the JMAP API requests (POSTs) it makes. */
function countingApi(server: TestServer): { api: CalendarApi; posts: () => number } {
  let posts = 0
  const counting: typeof fetch = (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    if (method.toUpperCase() === 'POST') posts++
    return fetch(input, init)
  }
  const api = createCalendarApi({
    sessionUrl: server.sessionUrl,
    auth: { basic: server.user },
    fetch: counting,
  })
  return { api, posts: () => posts }
}

/** A uid no earlier run used, so tests never see each other's events. */
function freshUid(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@typed-jmap.test`
}

/**
 * A future month of its own for each run, so time-range searches are exact. Cyrus's account
 * capability says maxDateTime 2038-01-19: later bounds are not applied, so stay before it.
 */
function freshMonth(): { year: number; month: string } {
  const seed = Date.now() % 60
  return { year: 2032 + Math.floor(seed / 12), month: String((seed % 12) + 1).padStart(2, '0') }
}

const icalendarEvent = (uid: string, start: string): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//typed-jmap//integration//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20300101T000000Z',
    `DTSTART;TZID=Europe/Berlin:${start}`,
    'DURATION:PT30M',
    'SUMMARY:Imported from iCalendar',
    'DESCRIPTION:planning the roadmap',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')

describeOnServer(['cyrus-3.6', 'cyrus-3.10'], 'calendar-scoped API', (server) => {
  it('detects the dialect and lists the calendars', async () => {
    const { api } = countingApi(server)
    const dialect = await api.dialect()
    expect(dialect.name).toBe(server.name === 'cyrus-3.6' ? 'cyrus-legacy' : 'standard')
    const calendars = await api.listCalendars()
    expect(calendars.map((calendar) => calendar.id)).toContain('Default')
    const personal = calendars.find((calendar) => calendar.id === 'Default')
    expect(personal?.myRights.mayReadItems).toBe(true)
    expect(personal?.myRights.mayShare).toBe(true)
  })

  it('adds a JSCalendar event, finds it by uid, updates and deletes it', async () => {
    const { api } = countingApi(server)
    const calendar = api.calendar('Default')
    const uid = freshUid('crud')
    const added = await calendar.addEvent({
      uid,
      title: 'Weekly sync',
      start: '2031-02-04T09:00:00',
      timeZone: 'Europe/Berlin',
      duration: 'PT1H',
      recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'weekly', count: 4 },
    })
    expect(added).toMatchObject({
      '@type': 'Event',
      uid,
      title: 'Weekly sync',
      calendarIds: { Default: true },
      isDraft: false,
    })
    expect(added.recurrenceRule).toMatchObject({ frequency: 'weekly', count: 4 })
    expect(added.id).toMatch(/^[A-Za-z0-9_-]+$/)

    const found = await calendar.eventByUid(uid)
    expect(found?.id).toBe(added.id)

    await calendar.updateEvent(added.id, {
      title: 'Weekly sync (moved)',
      // The event has no overrides yet: a pointer into the missing map would be invalidPatch.
      recurrenceOverrides: { '2031-02-11T09:00:00': { excluded: true } },
    })
    const [updated] = await calendar.events([added.id])
    expect(updated?.title).toBe('Weekly sync (moved)')
    expect(updated?.recurrenceOverrides).toEqual({ '2031-02-11T09:00:00': { excluded: true } })

    await calendar.deleteEvent(added.id)
    expect(await calendar.eventByUid(uid)).toBeUndefined()
  })

  it.each([
    ['converted in the client', false],
    ['parsed by the server', true],
  ] as const)(
    'adds an event from iCalendar text %s and exports it again',
    async (_how, parseOnServer) => {
      const { api } = countingApi(server)
      const calendar = api.calendar('Default')
      const uid = freshUid('ics')
      const added = await calendar.addEvent(icalendarEvent(uid, '20310301T100000'), {
        parseOnServer,
      })
      try {
        expect(added).toMatchObject({
          uid,
          title: 'Imported from iCalendar',
          description: 'planning the roadmap',
          start: '2031-03-01T10:00:00',
          timeZone: 'Europe/Berlin',
          duration: 'PT30M',
        })
        const exported = await calendar.exportEvent(added.id)
        expect(exported).toMatch(/^BEGIN:VCALENDAR\r\n/)
        expect(exported).toContain(`UID:${uid}`)
        expect(exported).toContain('SUMMARY:Imported from iCalendar')
        expect(exported).toContain('DTSTART;TZID=Europe/Berlin:20310301T100000')
        expect(exported).not.toContain('calendarIds')
      } finally {
        await calendar.deleteEvent(added.id)
      }
    },
  )

  it('searches a time range and text in one request, and expands recurrences', async () => {
    const { api, posts } = countingApi(server)
    const calendar = api.calendar('Default')
    const { year, month } = freshMonth()
    const uid = freshUid('search')
    const added = await calendar.addEvent({
      uid,
      title: 'Quarterly roadmap review',
      start: `${year}-${month}-03T14:00:00`,
      timeZone: 'Europe/Berlin',
      duration: 'PT1H',
      recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'weekly', count: 3 },
    })
    try {
      const range = {
        after: `${year}-${month}-01T00:00:00`,
        before: `${year}-${month}-28T00:00:00`,
      }
      // Text search reads a search index Cyrus updates a moment after the write: retry until
      // the event is indexed, and count the requests of the search that found it.
      let hits: readonly { readonly uid: string }[] = []
      let requests = 0
      for (let attempt = 0; attempt < 25 && !hits.some((event) => event.uid === uid); attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200))
        const before = posts()
        hits = await calendar.search({ ...range, text: 'roadmap' })
        requests = posts() - before
      }
      expect(requests).toBe(1)
      expect(hits.map((event) => event.uid)).toContain(uid)
      expect(await calendar.search({ ...range, text: 'no-such-word-xyzzy' })).toEqual([])

      const nextMonth = await calendar.search({
        after: `${year}-${month}-28T00:00:00`,
        before: `${year}-${month}-28T23:59:59`,
      })
      expect(nextMonth.map((event) => event.uid)).not.toContain(uid)

      const instances = await calendar.search({ ...range, expandRecurrences: true })
      const ours = instances.filter((event) => event.uid === uid)
      expect(ours.map((event) => event.start)).toEqual([
        `${year}-${month}-03T14:00:00`,
        `${year}-${month}-10T14:00:00`,
        `${year}-${month}-17T14:00:00`,
      ])
      expect(new Set(ours.map((event) => event.id)).size).toBe(3)
    } finally {
      await calendar.deleteEvent(added.id)
    }
  })

  it('syncs with a token, draining hasMoreChanges one request per page', async () => {
    const { api, posts } = countingApi(server)
    const calendar = api.calendar('Default')
    const token = await api.syncToken()
    const first = await calendar.addEvent({
      uid: freshUid('sync'),
      title: 'one',
      start: '2031-05-01T09:00:00',
      duration: 'PT1H',
    })
    const second = await calendar.addEvent({
      uid: freshUid('sync'),
      title: 'two',
      start: '2031-05-02T09:00:00',
      duration: 'PT1H',
    })
    const third = await calendar.addEvent({
      uid: freshUid('sync'),
      title: 'three',
      start: '2031-05-03T09:00:00',
      duration: 'PT1H',
    })
    await calendar.updateEvent(second.id, { title: 'two (renamed)' })
    await calendar.deleteEvent(third.id)
    try {
      const before = posts()
      const changes = await api.changesSince(token, { maxChanges: 1 })
      expect(posts() - before).toBe(changes.requests)
      expect(changes.requests).toBeGreaterThan(1)
      const created = new Map(changes.created.map((event) => [event.id, event.title]))
      expect(created.get(first.id)).toBe('one')
      expect(created.get(second.id)).toBe('two (renamed)')
      expect(created.has(third.id)).toBe(false)
      // RFC 8620 §5.2: an id created and destroyed since the token MAY still be reported destroyed.
      expect(changes.destroyed.filter((id) => id !== third.id)).toEqual([])
      expect(changes.updated).toEqual([])

      const nothing = await api.changesSince(changes.token)
      expect(nothing.created).toEqual([])
      expect(nothing.updated).toEqual([])
      expect(nothing.destroyed).toEqual([])
    } finally {
      await calendar.deleteEvent(first.id)
      await calendar.deleteEvent(second.id)
    }
  })
})
