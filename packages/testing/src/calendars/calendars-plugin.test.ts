import { beforeEach, describe, expect, it } from 'vitest'
import { callOne } from '../../test/support/jmap-call.js'
import { createTestServer, type TestServer } from '../server/create-test-server.js'

let server: TestServer
let calendar: string

beforeEach(() => {
  server = createTestServer()
  calendar = server.seed.calendar({ name: 'Personal' })
})

describe('Calendar and CalendarEvent (draft-ietf-jmap-calendars)', () => {
  it('stores JSCalendar events as JSON and computes utcStart/utcEnd', async () => {
    const created = await callOne(server, [
      'CalendarEvent/set',
      {
        accountId: 'u1',
        create: {
          e: {
            calendarIds: { [calendar]: true },
            title: 'Standup',
            start: '2026-03-02T09:00:00',
            duration: 'PT15M',
            'example.com:room': 'B',
          },
        },
      },
      's',
    ])
    const id = (created.created as Record<string, { id: string; uid: string }>).e?.id
    expect((created.created as Record<string, { uid: string }>).e?.uid).toMatch(/@jmap\.test$/)
    const list = (
      await callOne(server, [
        'CalendarEvent/get',
        {
          accountId: 'u1',
          ids: [id],
          properties: ['title', 'utcStart', 'utcEnd', '@type', 'example.com:room'],
        },
        'g',
      ])
    ).list
    expect(list).toEqual([
      {
        id,
        title: 'Standup',
        utcStart: '2026-03-02T09:00:00Z',
        utcEnd: '2026-03-02T09:15:00Z',
        '@type': 'Event',
        'example.com:room': 'B',
      },
    ])
  })

  it('rejects an event without an existing calendar or with a bad start', async () => {
    const result = await callOne(server, [
      'CalendarEvent/set',
      {
        accountId: 'u1',
        create: {
          a: { calendarIds: { Cnope: true }, start: '2026-03-02T09:00:00' },
          b: { calendarIds: { [calendar]: true }, start: 'tomorrow' },
        },
      },
      's',
    ])
    expect(result.notCreated).toEqual({
      a: { type: 'invalidProperties', properties: ['calendarIds'] },
      b: { type: 'invalidProperties', properties: ['start'] },
    })
  })

  it('queries by time range, text and calendar, sorted by start', async () => {
    const late = server.seed.calendarEvent({
      calendarIds: { [calendar]: true },
      title: 'Dinner',
      start: '2026-03-02T19:00:00',
      duration: 'PT2H',
    })
    const early = server.seed.calendarEvent({
      calendarIds: { [calendar]: true },
      title: 'Breakfast',
      start: '2026-03-02T07:00:00',
      duration: 'PT1H',
    })
    const q = async (filter: Record<string, unknown>): Promise<unknown> =>
      (
        await callOne(server, [
          'CalendarEvent/query',
          { accountId: 'u1', filter, sort: [{ property: 'start' }] },
          'q',
        ])
      ).ids
    expect(await q({ inCalendars: [calendar] })).toEqual([early, late])
    expect(await q({ inCalendar: calendar })).toEqual([early, late])
    const otherCalendar = server.seed.calendar({ name: 'Other' })
    expect(await q({ inCalendar: otherCalendar })).toEqual([])
    expect(await q({ after: '2026-03-02T07:30:00', before: '2026-03-02T08:00:00' })).toEqual([
      early,
    ])
    expect(await q({ after: '2026-03-02T08:00:00' })).toEqual([late])
    // LocalDateTimes only, as Cyrus 3.10 enforces: a UTC bound is invalidArguments.
    const refused = await callOne(
      server,
      ['CalendarEvent/query', { accountId: 'u1', filter: { after: '2026-03-02T08:00:00Z' } }, 'q'],
      'error',
    )
    expect(refused).toMatchObject({ type: 'invalidArguments', arguments: ['filter/after'] })
    expect(await q({ text: 'dinner' })).toEqual([late])
    const zoned = server.seed.calendarEvent({
      calendarIds: { [otherCalendar]: true },
      title: 'Call',
      start: '2026-03-02T07:00:00',
      timeZone: 'Etc/UTC',
      duration: 'PT1H',
    })
    const window = {
      inCalendar: otherCalendar,
      after: '2026-03-02T08:30:00',
      before: '2026-03-02T09:00:00',
    }
    const inZone = async (timeZone?: string): Promise<unknown> =>
      (
        await callOne(server, [
          'CalendarEvent/query',
          { accountId: 'u1', filter: window, ...(timeZone === undefined ? {} : { timeZone }) },
          'z',
        ])
      ).ids
    // 08:30–09:00 in Berlin (UTC+1 in March) is 07:30–08:00 UTC: the call overlaps it.
    expect(await inZone('Europe/Berlin')).toEqual([zoned])
    expect(await inZone()).toEqual([])
  })

  it('matches a recurring event by any instance, honouring moved and excluded ones', async () => {
    const calendar = server.seed.calendar({ name: 'Recurring' })
    const weekly = server.seed.calendarEvent({
      calendarIds: { [calendar]: true },
      title: 'Stand-up',
      start: '2026-03-02T09:00:00',
      timeZone: 'Europe/Berlin',
      duration: 'PT15M',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
      recurrenceOverrides: {
        '2026-03-16T09:00:00': { excluded: true },
        '2026-03-23T09:00:00': { start: '2026-03-25T15:00:00' },
      },
    })
    const q = async (after: string, before: string): Promise<unknown> =>
      (
        await callOne(server, [
          'CalendarEvent/query',
          { accountId: 'u1', filter: { inCalendar: calendar, after, before } },
          'q',
        ])
      ).ids
    // Bounds are LocalDateTimes in the query's time zone (UTC when none is given), as in Cyrus.
    // A year later, long after the first instance.
    expect(await q('2027-03-01T07:55:00', '2027-03-01T08:05:00')).toEqual([weekly])
    // The excluded instance leaves its week empty, the moved one shows up two days later.
    expect(await q('2026-03-16T00:00:00', '2026-03-17T00:00:00')).toEqual([])
    expect(await q('2026-03-23T00:00:00', '2026-03-24T00:00:00')).toEqual([])
    expect(await q('2026-03-25T13:00:00', '2026-03-25T15:00:00')).toEqual([weekly])
    // Before the series starts, nothing.
    expect(await q('2026-02-01T00:00:00', '2026-03-02T07:59:00')).toEqual([])
  })
})

describe('CalendarEvent times are computed in the event time zone', () => {
  const getTimes = async (ids: string[], timeZone?: string) =>
    (
      await callOne(server, [
        'CalendarEvent/get',
        {
          accountId: 'u1',
          ids,
          properties: ['utcStart', 'utcEnd'],
          ...(timeZone === undefined ? {} : { timeZone }),
        },
        'g',
      ])
    ).list

  it('converts a zoned start with its zone (10:00 Berlin in March is 09:00Z, in July 08:00Z)', async () => {
    const winter = server.seed.calendarEvent({
      calendarIds: { [calendar]: true },
      start: '2026-03-10T10:00:00',
      timeZone: 'Europe/Berlin',
      duration: 'PT1H',
    })
    const summer = server.seed.calendarEvent({
      calendarIds: { [calendar]: true },
      start: '2026-07-10T10:00:00',
      timeZone: 'Europe/Berlin',
      duration: 'PT1H',
    })
    expect(await getTimes([winter, summer])).toEqual([
      { id: winter, utcStart: '2026-03-10T09:00:00Z', utcEnd: '2026-03-10T10:00:00Z' },
      { id: summer, utcStart: '2026-07-10T08:00:00Z', utcEnd: '2026-07-10T09:00:00Z' },
    ])
  })

  it('reads a floating start in the timeZone argument of /get (Etc/UTC when absent)', async () => {
    const floating = server.seed.calendarEvent({
      calendarIds: { [calendar]: true },
      start: '2026-03-10T10:00:00',
    })
    expect(await getTimes([floating])).toEqual([
      { id: floating, utcStart: '2026-03-10T10:00:00Z', utcEnd: '2026-03-10T10:00:00Z' },
    ])
    expect(await getTimes([floating], 'America/New_York')).toEqual([
      { id: floating, utcStart: '2026-03-10T14:00:00Z', utcEnd: '2026-03-10T14:00:00Z' },
    ])
  })

  it('leaves utcStart and utcEnd out unless asked for, and refuses an unknown time zone', async () => {
    const id = server.seed.calendarEvent({
      calendarIds: { [calendar]: true },
      start: '2026-03-10T10:00:00',
    })
    const [event] = (
      await callOne(server, ['CalendarEvent/get', { accountId: 'u1', ids: [id] }, 'g'])
    ).list as Record<string, unknown>[]
    expect(event).not.toHaveProperty('utcStart')
    expect(event).toHaveProperty('isOrigin', true)
    const refused = await callOne(server, [
      'CalendarEvent/set',
      {
        accountId: 'u1',
        create: {
          a: {
            calendarIds: { [calendar]: true },
            start: '2026-03-10T10:00:00',
            timeZone: 'Mars/Olympus',
          },
        },
      },
      's',
    ])
    expect(refused.notCreated).toEqual({
      a: { type: 'invalidProperties', properties: ['timeZone'] },
    })
  })
})

describe('JSCalendar 1.0 and draft names', () => {
  it('stores recurrenceRule, organizerCalendarAddress, mainLocationId as well as recurrenceRules and replyTo', async () => {
    const rule = { '@type': 'RecurrenceRule', frequency: 'weekly', count: 3 }
    const result = await callOne(server, [
      'CalendarEvent/set',
      {
        accountId: 'u1',
        create: {
          draft: {
            calendarIds: { [calendar]: true },
            start: '2026-03-10T10:00:00',
            recurrenceRule: rule,
            organizerCalendarAddress: 'mailto:ann@example.com',
            locations: { l1: { '@type': 'Location', name: 'Room 1' } },
            mainLocationId: 'l1',
            endTimeZone: 'Europe/Berlin',
          },
          rfc8984: {
            calendarIds: { [calendar]: true },
            start: '2026-03-10T10:00:00',
            recurrenceRules: [rule],
            replyTo: { imip: 'mailto:ann@example.com' },
          },
        },
      },
      's',
    ])
    expect(result.notCreated).toBeNull()
    const created = result.created as Record<string, { id: string }>
    const list = (
      await callOne(server, [
        'CalendarEvent/get',
        {
          accountId: 'u1',
          ids: [created.draft?.id, created.rfc8984?.id],
          properties: ['recurrenceRule', 'recurrenceRules', 'organizerCalendarAddress', 'replyTo'],
        },
        'g',
      ])
    ).list
    expect(list).toEqual([
      {
        id: created.draft?.id,
        recurrenceRule: rule,
        recurrenceRules: null,
        organizerCalendarAddress: 'mailto:ann@example.com',
        replyTo: null,
      },
      {
        id: created.rfc8984?.id,
        recurrenceRule: null,
        recurrenceRules: [rule],
        organizerCalendarAddress: null,
        replyTo: { imip: 'mailto:ann@example.com' },
      },
    ])
  })
})
