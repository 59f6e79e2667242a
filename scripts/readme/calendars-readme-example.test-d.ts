// The typed-call example of packages/calendars/README.md, kept compiling by the type tests.
import { calendars, createCalendarApi, principals } from '@typed-jmap/calendars'
import { type AuthOptions, createClient, type UTCDate } from '@typed-jmap/core'
import { expectTypeOf, test } from 'vitest'

declare const sessionUrl: string
declare const auth: AuthOptions
declare const accountId: string

test('the calendars README examples compile and their types hold', async () => {
  const jmap = createClient({ sessionUrl, auth, capabilities: [calendars, principals] })
  const { events } = await jmap.request((b) => {
    const found = b.call('CalendarEvent/query', {
      accountId,
      filter: { after: '2030-03-01T00:00:00', before: '2030-04-01T00:00:00' },
    })
    const events = b.call('CalendarEvent/get', {
      accountId,
      ids: found.ref('/ids'),
      properties: ['title', 'start', 'duration', 'utcStart'],
    })
    return { events }
  })
  expectTypeOf(events.list[0]?.utcStart).toEqualTypeOf<UTCDate | undefined>()
  // Asked for by name, a listed event always has it (undefined above is only the missing item).
  for (const event of events.list) expectTypeOf(event.utcStart).toEqualTypeOf<UTCDate>()
  // @ts-expect-error: `properties` did not ask for participants
  events.list[0]?.participants

  const api = createCalendarApi({ sessionUrl, auth })
  const calendar = await api.defaultCalendar()
  const march = await calendar.search({
    after: '2030-03-01T00:00:00',
    before: '2030-04-01T00:00:00',
    text: 'standup',
  })
  expectTypeOf(march[0]?.title).toEqualTypeOf<string | undefined>()
})
