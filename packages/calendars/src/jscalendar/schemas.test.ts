import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { AlertSchema } from './alert.js'
import { EventSchema, TaskSchema } from './event-task-schemas.js'
import { GroupSchema, JSCalendarObjectSchema } from './group.js'
import {
  DurationSchema,
  LocalDateTimeSchema,
  SignedDurationSchema,
  UTCDateTimeSchema,
} from './primitives.js'
import { RecurrenceRuleSchema } from './recurrence-rule.js'

const event = {
  '@type': 'Event',
  uid: 'a8df6573-0474-496d-8496-033ad45d7fea',
  updated: '2020-01-02T18:23:04Z',
  title: 'Some event',
  start: '2020-01-15T13:00:00',
  timeZone: 'America/New_York',
  duration: 'PT1H',
  participants: {
    dG9tQGZvb2Jhci5xlLmNvbQ: {
      '@type': 'Participant',
      name: 'Tom Tool',
      calendarAddress: 'mailto:tom@foobar.example.com',
      roles: { attendee: true },
      participationStatus: 'accepted',
    },
  },
  alerts: { a1: { trigger: { offset: '-PT15M' }, action: 'display' } },
  recurrenceRule: { frequency: 'weekly', byDay: [{ day: 'mo' }], count: 10 },
  recurrenceOverrides: { '2020-01-22T13:00:00': { excluded: true } },
  'example.com:vendor': { kept: true },
}

describe('JSCalendar schemas', () => {
  test('accept a JSCalendar 2.0 event and keep vendor properties', () => {
    const parsed = v.parse(EventSchema, event)
    expect(parsed['example.com:vendor']).toEqual({ kept: true })
    expect(v.parse(JSCalendarObjectSchema, event)['@type']).toBe('Event')
  })

  test('accept a task and a group of both', () => {
    const task = {
      '@type': 'Task',
      uid: 't1',
      due: '2024-01-05T17:00:00',
      progress: 'in-process',
      percentComplete: 40,
    }
    expect(v.safeParse(TaskSchema, task).success).toBe(true)
    expect(
      v.safeParse(GroupSchema, { '@type': 'Group', version: '2.0', entries: [event, task] })
        .success,
    ).toBe(true)
  })

  test.each([
    ['a start with an offset', { ...event, start: '2020-01-15T13:00:00Z' }, 'start'],
    ['a priority above 9', { ...event, priority: 10 }, 'priority'],
    [
      'a recurrence rule without frequency',
      { ...event, recurrenceRule: { interval: 2 } },
      'recurrenceRule',
    ],
    ['a missing uid', { ...event, uid: undefined }, 'uid'],
    [
      'a weekday that is not one',
      { ...event, recurrenceRule: { frequency: 'weekly', byDay: [{ day: 'xx' }] } },
      'recurrenceRule',
    ],
  ])('reject %s, saying where', (_what, input, key) => {
    const result = v.safeParse(EventSchema, input)
    expect(result.success).toBe(false)
    expect(result.issues?.[0]?.path?.[0]?.key).toBe(key)
  })

  test('alert triggers: offset (default type), absolute, and unknown kinds', () => {
    expect(
      v.safeParse(AlertSchema, { trigger: { offset: '-PT5M', relativeTo: 'end' } }).success,
    ).toBe(true)
    expect(
      v.safeParse(AlertSchema, {
        trigger: { '@type': 'AbsoluteTrigger', when: '2025-03-02T01:02:03Z' },
      }).success,
    ).toBe(true)
    expect(
      v.safeParse(AlertSchema, { trigger: { '@type': 'example.com:Geo', radius: 5 } }).success,
    ).toBe(true)
    expect(v.safeParse(AlertSchema, { trigger: { offset: 'soon' } }).success).toBe(false)
  })

  test('date, time and duration formats', () => {
    expect(v.is(UTCDateTimeSchema, '2024-03-29T13:30:00Z')).toBe(true)
    expect(v.is(UTCDateTimeSchema, '2024-03-29T13:30:00')).toBe(false)
    expect(v.is(LocalDateTimeSchema, '2024-03-29T13:30:00')).toBe(true)
    expect(v.is(LocalDateTimeSchema, '2024-03-29')).toBe(false)
    for (const ok of ['P1W', 'PT1H30M', 'P1DT2H', 'PT0S', 'P2D'])
      expect(v.is(DurationSchema, ok)).toBe(true)
    for (const bad of ['P', 'PT', '1H', 'P1H', '-PT1H'])
      expect(v.is(DurationSchema, bad)).toBe(false)
    expect(v.is(SignedDurationSchema, '-PT15M')).toBe(true)
    expect(v.is(RecurrenceRuleSchema, { frequency: 'daily', interval: 0 })).toBe(false)
  })
})
