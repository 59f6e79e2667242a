import { beforeEach, describe, expect, it } from 'vitest'
import { callOne, request } from '../../test/support/jmap-call.js'
import { createTestServer, type TestServer } from '../server/create-test-server.js'

// What Cyrus 3.10 answers for the same event (checked on 127.0.0.1:18180): four weekly instances
// from 2 March 2026 10:00 Europe/Berlin, the second moved to 12:00 and retitled, the third
// excluded; an expanded query returns one id per remaining instance, and /get of such an id
// returns the instance with baseEventId, recurrenceId and its own start.
let server: TestServer
let baseId: string

const range = { after: '2026-03-01T00:00:00', before: '2026-04-01T00:00:00' }
const instanceProperties = [
  'baseEventId',
  'title',
  'start',
  'timeZone',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'recurrenceRules',
  'recurrenceOverrides',
  'utcStart',
]

beforeEach(() => {
  server = createTestServer()
  const calendar = server.seed.calendar({ name: 'Personal' })
  baseId = server.seed.calendarEvent({
    calendarIds: { [calendar]: true },
    title: 'Weekly',
    start: '2026-03-02T10:00:00',
    timeZone: 'Europe/Berlin',
    duration: 'PT1H',
    recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 4 }],
    recurrenceOverrides: {
      '2026-03-09T10:00:00': { title: 'Moved', start: '2026-03-09T12:00:00' },
      '2026-03-16T10:00:00': { excluded: true },
    },
  })
})

const query = async (args: Record<string, unknown>) =>
  callOne(server, ['CalendarEvent/query', { accountId: 'u1', ...args }, 'q'])

describe('CalendarEvent/query with expandRecurrences', () => {
  it('returns one id per instance in the range, excluded instances left out', async () => {
    const expanded = await query({ filter: range, expandRecurrences: true })
    const ids = expanded.ids as string[]
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
    expect(ids).not.toContain(baseId)
    const unexpanded = await query({ filter: range })
    expect(unexpanded.ids).toEqual([baseId])
  })

  it('matches every condition against the same instance', async () => {
    const moved = await query({ filter: { ...range, title: 'Moved' }, expandRecurrences: true })
    expect(moved.ids).toHaveLength(1)
    const late = await query({
      filter: { after: '2026-03-20T00:00:00', before: '2026-04-01T00:00:00' },
      expandRecurrences: true,
    })
    expect(late.ids).toHaveLength(1)
  })

  it('leaves a single event as its own id', async () => {
    const calendar = server.seed.calendar({ name: 'Other' })
    const single = server.seed.calendarEvent({
      calendarIds: { [calendar]: true },
      title: 'Once',
      start: '2026-03-05T10:00:00',
    })
    const result = await query({
      filter: { ...range, inCalendar: calendar },
      expandRecurrences: true,
    })
    expect(result.ids).toEqual([single])
  })

  it('needs one FilterCondition with after and before, within maxExpandedQueryDuration', async () => {
    const refused = async (args: Record<string, unknown>) =>
      (await request(server, [['CalendarEvent/query', { accountId: 'u1', ...args }, 'q']]))
        .methodResponses[0]
    expect(await refused({ filter: { after: range.after }, expandRecurrences: true })).toEqual([
      'error',
      expect.objectContaining({ type: 'invalidArguments' }),
      'q',
    ])
    expect(
      await refused({ filter: { operator: 'AND', conditions: [range] }, expandRecurrences: true }),
    ).toEqual(['error', expect.objectContaining({ type: 'invalidArguments' }), 'q'])
    expect(
      await refused({
        filter: { after: '2026-01-01T00:00:00', before: '2027-02-01T00:00:00' },
        expandRecurrences: true,
      }),
    ).toEqual(['error', expect.objectContaining({ type: 'expandDurationTooLarge' }), 'q'])
  })
})

describe('CalendarEvent/get of an instance id', () => {
  it('returns the instance: its start, recurrenceId and baseEventId, recurrence properties null', async () => {
    const { ids } = await query({
      filter: range,
      expandRecurrences: true,
      sort: [{ property: 'start', isAscending: true }],
    })
    const got = await callOne(server, [
      'CalendarEvent/get',
      { accountId: 'u1', ids, properties: instanceProperties },
      'g',
    ])
    expect(got.notFound).toEqual([])
    expect(got.list).toEqual([
      {
        id: (ids as string[])[0],
        baseEventId: baseId,
        title: 'Weekly',
        start: '2026-03-02T10:00:00',
        timeZone: 'Europe/Berlin',
        recurrenceId: '2026-03-02T10:00:00',
        recurrenceIdTimeZone: 'Europe/Berlin',
        recurrenceRules: null,
        recurrenceOverrides: null,
        utcStart: '2026-03-02T09:00:00Z',
      },
      {
        id: (ids as string[])[1],
        baseEventId: baseId,
        title: 'Moved',
        start: '2026-03-09T12:00:00',
        timeZone: 'Europe/Berlin',
        recurrenceId: '2026-03-09T10:00:00',
        recurrenceIdTimeZone: 'Europe/Berlin',
        recurrenceRules: null,
        recurrenceOverrides: null,
        utcStart: '2026-03-09T11:00:00Z',
      },
      {
        id: (ids as string[])[2],
        baseEventId: baseId,
        title: 'Weekly',
        start: '2026-03-23T10:00:00',
        timeZone: 'Europe/Berlin',
        recurrenceId: '2026-03-23T10:00:00',
        recurrenceIdTimeZone: 'Europe/Berlin',
        recurrenceRules: null,
        recurrenceOverrides: null,
        utcStart: '2026-03-23T09:00:00Z',
      },
    ])
  })

  it('answers notFound for an excluded instance, one past the count, or no instance at all', async () => {
    const { ids } = await query({ filter: range, expandRecurrences: true })
    const first = (ids as string[])[0] ?? ''
    const excluded = first.replace('20260302T100000', '20260316T100000')
    const pastCount = first.replace('20260302T100000', '20260330T100000')
    const offRule = first.replace('20260302T100000', '20260303T100000')
    const got = await callOne(server, [
      'CalendarEvent/get',
      { accountId: 'u1', ids: [excluded, pastCount, offRule], properties: ['title'] },
      'g',
    ])
    expect(got.list).toEqual([])
    expect(got.notFound).toEqual([excluded, pastCount, offRule])
  })

  it('keeps instance ids out of CalendarEvent/changes', async () => {
    const changes = await callOne(server, [
      'CalendarEvent/changes',
      { accountId: 'u1', sinceState: '0' },
      'c',
    ])
    expect(changes.created).toEqual([baseId])
  })
})

describe('CalendarEvent/set of an instance id', () => {
  const instances = async () =>
    (
      await query({
        filter: range,
        expandRecurrences: true,
        sort: [{ property: 'start', isAscending: true }],
      })
    ).ids as string[]
  const set = (args: Record<string, unknown>) =>
    callOne(server, ['CalendarEvent/set', { accountId: 'u1', ...args }, 's'])
  const get = (ids: string[], properties: string[]) =>
    callOne(server, ['CalendarEvent/get', { accountId: 'u1', ids, properties }, 'g'])

  it('updates the instance through its override on the base event, others unchanged', async () => {
    const [first = '', moved = '', last = ''] = await instances()
    const answer = await set({
      update: { [first]: { title: 'Just once' }, [moved]: { title: 'Later' } },
    })
    expect(answer.updated).toEqual({ [first]: null, [moved]: null })
    const got = await get([first, moved, last], ['title', 'start'])
    expect(got.list).toEqual([
      { id: first, title: 'Just once', start: '2026-03-02T10:00:00' },
      // The moved instance keeps its override's start; the new title joins it.
      { id: moved, title: 'Later', start: '2026-03-09T12:00:00' },
      { id: last, title: 'Weekly', start: '2026-03-23T10:00:00' },
    ])
    const base = await get([baseId], ['recurrenceOverrides'])
    expect(base.list).toEqual([
      {
        id: baseId,
        recurrenceOverrides: {
          '2026-03-02T10:00:00': { title: 'Just once' },
          '2026-03-09T10:00:00': { title: 'Later', start: '2026-03-09T12:00:00' },
          '2026-03-16T10:00:00': { excluded: true },
        },
      },
    ])
  })

  it('destroys just that instance: the override excludes it', async () => {
    const [first = '', moved = ''] = await instances()
    const answer = await set({ destroy: [moved] })
    expect(answer.destroyed).toEqual([moved])
    expect(await instances()).toHaveLength(2)
    expect((await get([moved, first], ['title'])).notFound).toEqual([moved])
    const changes = await callOne(server, [
      'CalendarEvent/changes',
      { accountId: 'u1', sinceState: '1' },
      'c',
    ])
    expect(changes.updated).toEqual([baseId])
  })

  it('refuses a property every instance shares, and an id with no instance', async () => {
    const [first = ''] = await instances()
    const noInstance = first.replace('20260302T100000', '20260303T100000')
    const answer = await set({
      update: { [first]: { uid: 'other@example.com' }, [noInstance]: { title: 'x' } },
      destroy: [noInstance],
    })
    expect(answer.notUpdated).toEqual({
      [first]: expect.objectContaining({ type: 'invalidProperties', properties: ['uid'] }),
      [noInstance]: expect.objectContaining({ type: 'notFound' }),
    })
    expect(answer.notDestroyed).toEqual({
      [noInstance]: expect.objectContaining({ type: 'notFound' }),
    })
  })
})
