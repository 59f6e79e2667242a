import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { icalendarMismatches } from '../../test/ical-support/semantic-comparison.js'
import type { Alert } from '../jscalendar/alert.js'
import type { Event } from '../jscalendar/event.js'
import type { Group } from '../jscalendar/group.js'
import type { Participant } from '../jscalendar/participant.js'
import type { RecurrenceRule } from '../jscalendar/recurrence-rule.js'
import type { Task } from '../jscalendar/task.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'

// Generated Events and Tasks in the shape the reader produces ("@type" on nested objects, the
// organizer as an owner participant), with text full of iCalendar's special characters.

const text = fc
  .string({
    unit: fc.constantFrom('a', 'Z', '7', ' ', ',', ';', ':', '\\', '"', '\n', 'ü', '😀', '=', '/'),
    minLength: 1,
    maxLength: 20,
  })
  .filter((value) => value.trim() === value)
// ical.js reads a backslash in a parameter value as an escape (RFC 5545 has none there), so
// parameter values (names, titles, labels) are generated without one.
const parameterText = text.filter((value) => !value.includes('\\'))
const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
const pad = (value: number) => String(value).padStart(2, '0')
// Hours away from 02:00–03:59 keep local times out of daylight-saving gaps, where a wall time
// has no instant and cannot survive a trip through UTC.
const localDateTime = fc
  .tuple(
    fc.integer({ min: 1995, max: 2035 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 4, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
  )
  .map(([y, mo, d, h, mi, s]) => `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`)
const utcDateTime = localDateTime.map((local) => `${local}Z`)
const duration = fc.oneof(
  fc.integer({ min: 1, max: 4 }).map((weeks) => `P${weeks}W`),
  fc
    .tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .filter(([d, h, m]) => d + h + m > 0)
    .map(
      ([d, h, m]) =>
        `P${d > 0 ? `${d}D` : ''}${h + m > 0 ? `T${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}` : ''}`,
    ),
)
const timeZone = fc.constantFrom(
  undefined,
  'Etc/UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
)
const address = fc.stringMatching(/^[a-z]{1,8}$/).map((user) => `mailto:${user}@example.com`)
const set = (values: fc.Arbitrary<string>) =>
  fc
    .uniqueArray(values, { minLength: 1, maxLength: 3 })
    .map((items) => Object.fromEntries(items.map((item) => [item, true as const])))

const participant: fc.Arbitrary<Participant> = fc.record(
  {
    '@type': fc.constant('Participant' as const),
    calendarAddress: address,
    name: parameterText,
    email: fc.constant('someone@example.com'),
    kind: fc.constantFrom('individual', 'group', 'location', 'resource'),
    roles: set(fc.constantFrom('chair', 'required', 'optional', 'informational')),
    participationStatus: fc.constantFrom(
      'needs-action',
      'accepted',
      'declined',
      'tentative',
      'delegated',
    ),
    expectReply: fc.boolean(),
    delegatedTo: set(address),
    description: text,
    'example.com:vip': fc.boolean(),
  },
  { requiredKeys: ['@type', 'calendarAddress'] },
)

const alert: fc.Arbitrary<Alert> = fc.record(
  {
    '@type': fc.constant('Alert' as const),
    trigger: fc.oneof(
      fc.record(
        {
          '@type': fc.constant('OffsetTrigger' as const),
          offset: fc
            .tuple(fc.constantFrom('', '-'), duration)
            .map(([sign, value]) => `${sign}${value}`),
          relativeTo: fc.constantFrom('start' as const, 'end' as const),
        },
        { requiredKeys: ['@type', 'offset'] },
      ),
      fc.record({ '@type': fc.constant('AbsoluteTrigger' as const), when: utcDateTime }),
    ),
    action: fc.constantFrom('display', 'email'),
    acknowledged: utcDateTime,
  },
  { requiredKeys: ['@type', 'trigger'] },
)

const rule: fc.Arbitrary<RecurrenceRule> = fc.record(
  {
    '@type': fc.constant('RecurrenceRule' as const),
    frequency: fc.constantFrom(
      'daily' as const,
      'weekly' as const,
      'monthly' as const,
      'yearly' as const,
    ),
    interval: fc.integer({ min: 1, max: 5 }),
    byDay: fc.uniqueArray(
      fc.record({
        '@type': fc.constant('NDay' as const),
        day: fc.constantFrom('mo' as const, 'tu' as const, 'fr' as const),
      }),
      { minLength: 1, maxLength: 3, selector: (nday) => nday.day },
    ),
    byMonth: fc.uniqueArray(fc.integer({ min: 1, max: 12 }).map(String), {
      minLength: 1,
      maxLength: 2,
    }),
    count: fc.integer({ min: 1, max: 30 }),
    firstDayOfWeek: fc.constantFrom('mo' as const, 'su' as const),
  },
  { requiredKeys: ['@type', 'frequency'] },
)

const common = {
  uid: fc.uuid(),
  title: text,
  description: text,
  updated: utcDateTime,
  created: utcDateTime,
  sequence: fc.integer({ min: 0, max: 20 }),
  priority: fc.integer({ min: 0, max: 9 }),
  privacy: fc.constantFrom('public', 'private', 'secret'),
  freeBusyStatus: fc.constantFrom('busy', 'free'),
  color: fc.constantFrom('maroon', '#ffa07a'),
  keywords: set(text),
  categories: set(token.map((name) => `https://example.com/${name}`)),
  locale: fc.constantFrom('de', 'fr-CA'),
  locations: fc.dictionary(
    id,
    fc.record({ '@type': fc.constant('Location' as const), name: text, locationTypes: set(token) }),
    { maxKeys: 2 },
  ),
  virtualLocations: fc.dictionary(
    id,
    fc.record({
      '@type': fc.constant('VirtualLocation' as const),
      uri: token.map((room) => `https://meet.example.com/${room}`),
      name: parameterText,
    }),
    { maxKeys: 2 },
  ),
  links: fc.dictionary(
    id,
    fc.record(
      {
        '@type': fc.constant('Link' as const),
        href: token.map((file) => `https://example.com/${file}.pdf`),
        contentType: fc.constant('application/pdf'),
        title: parameterText,
        rel: fc.constantFrom('icon', 'describedby', 'alternate'),
      },
      { requiredKeys: ['@type', 'href'] },
    ),
    { maxKeys: 2 },
  ),
  alerts: fc.dictionary(id, alert, { maxKeys: 3 }),
  relatedTo: fc.dictionary(
    token,
    fc.record({
      '@type': fc.constant('Relation' as const),
      relation: set(fc.constantFrom('parent', 'child', 'next')),
    }),
    { maxKeys: 2 },
  ),
  // JSON itself cannot hold -0, so values go through JSON once.
  'example.com:custom': fc
    .jsonValue()
    .filter((value) => value !== null)
    .map((value) => JSON.parse(JSON.stringify(value)) as unknown),
}

function withOrganizer<T extends Event | Task>(
  object: T,
  organizer: string | undefined,
  others: Participant[],
): T {
  const participants: { [id: string]: Participant } = {}
  // One participant per calendar address: iCalendar identifies participants by address.
  const seen = new Set([organizer])
  others.forEach((participant, index) => {
    if (seen.has(participant.calendarAddress)) return
    seen.add(participant.calendarAddress)
    participants[`p${index}`] = participant
  })
  if (organizer !== undefined) {
    object.organizerCalendarAddress = organizer
    participants.organizer = {
      '@type': 'Participant',
      calendarAddress: organizer,
      roles: { owner: true },
    }
  }
  if (Object.keys(participants).length > 0) object.participants = participants
  return object
}

const event: fc.Arbitrary<Event> = fc
  .tuple(
    fc.record(
      {
        ...common,
        '@type': fc.constant('Event' as const),
        start: localDateTime,
        timeZone,
        duration,
        status: fc.constantFrom('confirmed', 'cancelled', 'tentative'),
        recurrenceRule: rule,
      },
      { requiredKeys: ['@type', 'uid', 'start'] },
    ),
    fc.option(address, { nil: undefined }),
    fc.array(participant, { maxLength: 3 }),
    fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('excluded', 'added', 'moved', 'rezoned'),
      ),
      { maxLength: 3 },
    ),
    fc.boolean(),
  )
  .map(([base, organizer, others, overrides, allDay]) => {
    const object = withOrganizer({ ...base } as Event, organizer, others)
    if (object.timeZone === undefined) delete object.timeZone
    if (allDay) {
      // An all-day event: DATE values in iCalendar.
      object.start = `${(object.start ?? '2024-01-01').slice(0, 10)}T00:00:00`
      object.showWithoutTime = true
      object.duration = 'P1D'
      delete object.timeZone
      if (object.recurrenceRule !== undefined)
        object.recurrenceRule = { ...object.recurrenceRule, until: '2036-01-01T00:00:00' }
    }
    if (object.recurrenceRule !== undefined && overrides.length > 0) {
      const recurrenceOverrides: NonNullable<Event['recurrenceOverrides']> = {}
      for (const [days, kind] of overrides) {
        const at = new Date(Date.parse(`${object.start}Z`) + days * 86400000)
          .toISOString()
          .slice(0, 19)
        recurrenceOverrides[at] =
          kind === 'excluded'
            ? { excluded: true }
            : kind === 'added'
              ? {}
              : kind === 'moved'
                ? { title: `moved ${days}`, 'example.com:custom': days }
                : {
                    timeZone: 'Asia/Tokyo',
                    start: `${at.slice(0, 11)}21:15:00`,
                    showWithoutTime: false,
                  }
      }
      object.recurrenceOverrides = recurrenceOverrides
    }
    return object
  })

const task: fc.Arbitrary<Task> = fc
  .tuple(
    fc.record(
      {
        ...common,
        '@type': fc.constant('Task' as const),
        start: localDateTime,
        due: localDateTime,
        timeZone,
        estimatedDuration: duration,
        percentComplete: fc.integer({ min: 0, max: 100 }),
        progress: fc.constantFrom('needs-action', 'in-process', 'completed', 'failed', 'cancelled'),
      },
      { requiredKeys: ['@type', 'uid'] },
    ),
    fc.option(address, { nil: undefined }),
  )
  .map(([base, organizer]) => {
    const object = withOrganizer({ ...base } as Task, organizer, [])
    if (object.timeZone === undefined) delete object.timeZone
    return object
  })

const group: fc.Arbitrary<Group> = fc
  .uniqueArray(fc.oneof(event, task), {
    minLength: 1,
    maxLength: 3,
    selector: (entry) => entry.uid,
  })
  .map((entries) => ({
    '@type': 'Group',
    version: '2.0',
    prodId: '-//typed-jmap//generated//EN',
    entries,
  }))

describe('round trips over generated events and tasks', () => {
  test('JSCalendar → iCalendar → JSCalendar is equal', () => {
    fc.assert(
      fc.property(group, (input) => {
        expect(icalendarToJSCalendar(jscalendarToICalendar(input))).toEqual(input)
      }),
      { numRuns: 300 },
    )
  }, 60_000)

  test('iCalendar → JSCalendar → iCalendar is equal as iCalendar', () => {
    fc.assert(
      fc.property(group, (input) => {
        const first = jscalendarToICalendar(input)
        const second = jscalendarToICalendar(icalendarToJSCalendar(first))
        expect(icalendarMismatches(second, first)).toEqual([])
      }),
      { numRuns: 200 },
    )
  }, 60_000)

  test('converting the same input twice gives the same output', () => {
    fc.assert(
      fc.property(group, (input) => {
        const text = jscalendarToICalendar(input)
        expect(jscalendarToICalendar(structuredClone(input))).toBe(text)
        expect(JSON.stringify(icalendarToJSCalendar(text))).toBe(
          JSON.stringify(icalendarToJSCalendar(text)),
        )
      }),
      { numRuns: 100 },
    )
  }, 60_000)
})
