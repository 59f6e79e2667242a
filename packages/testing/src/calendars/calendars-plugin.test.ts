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
    expect(await q({ after: '2026-03-02T07:30:00Z', before: '2026-03-02T08:00:00Z' })).toEqual([
      early,
    ])
    expect(await q({ after: '2026-03-02T08:00:00Z' })).toEqual([late])
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
    // A year later, long after the first instance.
    expect(await q('2027-03-01T07:55:00Z', '2027-03-01T08:05:00Z')).toEqual([weekly])
    // The excluded instance leaves its week empty, the moved one shows up two days later.
    expect(await q('2026-03-16T00:00:00Z', '2026-03-17T00:00:00Z')).toEqual([])
    expect(await q('2026-03-23T00:00:00Z', '2026-03-24T00:00:00Z')).toEqual([])
    expect(await q('2026-03-25T13:00:00Z', '2026-03-25T15:00:00Z')).toEqual([weekly])
    // Before the series starts, nothing.
    expect(await q('2026-02-01T00:00:00Z', '2026-03-02T07:59:00Z')).toEqual([])
  })
})
