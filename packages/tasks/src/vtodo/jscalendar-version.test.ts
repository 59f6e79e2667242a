import { Id } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { taskFromJSCalendar, taskToJSCalendar } from './jscalendar-version.js'

describe('taskFromJSCalendar (2.0 → RFC 8984)', () => {
  it('renames what 2.0 renamed, inside recurrence overrides too', () => {
    const task = taskFromJSCalendar({
      '@type': 'Task',
      uid: 't',
      version: '2.0',
      recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'daily' },
      organizerCalendarAddress: 'https://example.com/itip/jane',
      participants: {
        p: {
          '@type': 'Participant',
          calendarAddress: 'mailto:joe@example.com',
          roles: { owner: true },
        },
      },
      recurrenceOverrides: {
        '2030-01-02T00:00:00': {
          recurrenceRule: null,
          'participants/p/calendarAddress': 'mailto:joseph@example.com',
          title: 'Moved',
        },
      },
    })
    expect(task).toEqual({
      '@type': 'Task',
      uid: 't',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily' }],
      replyTo: { other: 'https://example.com/itip/jane' },
      participants: {
        p: {
          '@type': 'Participant',
          sendTo: { imip: 'mailto:joe@example.com' },
          roles: { owner: true },
        },
      },
      recurrenceOverrides: {
        '2030-01-02T00:00:00': {
          recurrenceRules: null,
          'participants/p/sendTo': { imip: 'mailto:joseph@example.com' },
          title: 'Moved',
        },
      },
    })
  })
})

describe('taskToJSCalendar (JMAP Task → 2.0)', () => {
  it('drops JMAP properties and nulls, then normalises RFC 8984 to 2.0', () => {
    const task = taskToJSCalendar({
      '@type': 'Task',
      uid: 't',
      taskListId: Id('TL1'),
      sortOrder: 3 as never,
      workflowStatus: null,
      timeZone: null,
      title: 'x',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
      replyTo: { imip: 'mailto:jane@example.com' },
      participants: {
        p: {
          '@type': 'Participant',
          sendTo: { imip: 'mailto:joe@example.com' },
          roles: { attendee: true },
        },
      },
    })
    expect(task).toEqual({
      '@type': 'Task',
      uid: 't',
      title: 'x',
      recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'weekly' },
      organizerCalendarAddress: 'mailto:jane@example.com',
      participants: { p: { '@type': 'Participant', calendarAddress: 'mailto:joe@example.com' } },
    })
  })

  it('refuses something that is not a Task', () => {
    expect(() => taskToJSCalendar({ '@type': 'Event', uid: 'e' } as never)).toThrow(
      /expected a Task/,
    )
  })
})
