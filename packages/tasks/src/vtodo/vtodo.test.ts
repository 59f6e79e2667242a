import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Id } from '@typed-jmap/core'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { worldCorpusDirectory } from '../../../calendars/test/ical-support/world-corpus.js'
import type { Task } from '../task/task.js'
import { taskToVTodo } from './task-to-vtodo.js'
import { vtodoToTasks } from './vtodo-to-tasks.js'

const calendar = (...lines: string[]): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example//Tasks//EN',
    ...lines,
    'END:VCALENDAR',
    '',
  ].join('\r\n')

const report = calendar(
  'BEGIN:VTODO',
  'UID:report-1',
  'DTSTAMP:20230310T100000Z',
  'DTSTART;TZID=Europe/Berlin:20230313T090000',
  'DUE;TZID=Europe/Berlin:20230317T170000',
  'SUMMARY:Prepare quarterly report',
  'STATUS:COMPLETED',
  'COMPLETED:20230317T150000Z',
  'PERCENT-COMPLETE:100',
  'RELATED-TO;RELTYPE=PARENT:project-7',
  'RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4',
  'ORGANIZER:mailto:jane@example.com',
  'ATTENDEE;PARTSTAT=IN-PROCESS:mailto:joe@example.com',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER;RELATED=END:-PT1H',
  'DESCRIPTION:Due soon',
  'END:VALARM',
  'END:VTODO',
)

describe('vtodoToTasks', () => {
  it('converts DUE, DTSTART, PERCENT-COMPLETE, STATUS, COMPLETED, RELATED-TO, VALARM and RRULE', () => {
    const [task] = vtodoToTasks(report)
    expect(task).toMatchObject({
      '@type': 'Task',
      uid: 'report-1',
      updated: '2023-03-10T10:00:00Z',
      start: '2023-03-13T09:00:00',
      due: '2023-03-17T17:00:00',
      timeZone: 'Europe/Berlin',
      title: 'Prepare quarterly report',
      progress: 'completed',
      progressUpdated: '2023-03-17T15:00:00Z',
      percentComplete: 100,
      relatedTo: { 'project-7': { relation: { parent: true } } },
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'monthly', interval: 3, count: 4 }],
      replyTo: { imip: 'mailto:jane@example.com' },
    })
    const alerts = Object.values(task?.alerts ?? {})
    expect(alerts).toMatchObject([{ trigger: { offset: '-PT1H', relativeTo: 'end' } }])
  })

  it('writes the RFC 8984 shape the draft is built on, not JSCalendar 2.0', () => {
    const [task] = vtodoToTasks(report)
    expect(task).not.toHaveProperty('recurrenceRule')
    expect(task).not.toHaveProperty('organizerCalendarAddress')
    expect(task).not.toHaveProperty('version')
    const participants = Object.values(task?.participants ?? {})
    expect(participants).toContainEqual(
      expect.objectContaining({
        sendTo: { imip: 'mailto:joe@example.com' },
        roles: { attendee: true },
        progress: 'in-process',
      }),
    )
    for (const participant of participants)
      expect(participant).not.toHaveProperty('calendarAddress')
  })

  it('moves COMPLETED into progressUpdated only when the task is completed', () => {
    const [open] = vtodoToTasks(
      calendar(
        'BEGIN:VTODO',
        'UID:o',
        'STATUS:IN-PROCESS',
        'COMPLETED:20230317T150000Z',
        'END:VTODO',
      ),
    )
    expect(open).not.toHaveProperty('progressUpdated')
    expect(open?.iCalendar?.properties).toContainEqual([
      'completed',
      {},
      'date-time',
      '2023-03-17T15:00:00Z',
    ])
  })

  it('skips VEVENTs and gives nothing for a calendar without VTODO', () => {
    const text = calendar('BEGIN:VEVENT', 'UID:e', 'DTSTART:20230101T100000Z', 'END:VEVENT')
    expect(vtodoToTasks(text)).toEqual([])
  })

  it('is deterministic: the same text gives the same tasks', () => {
    expect(vtodoToTasks(report)).toEqual(vtodoToTasks(report))
  })
})

describe('taskToVTodo', () => {
  it('writes a VTODO with DUE, DTSTART, STATUS, COMPLETED and PERCENT-COMPLETE', () => {
    const [task] = vtodoToTasks(report)
    const text = taskToVTodo(task ?? { '@type': 'Task' })
    expect(text).toContain('BEGIN:VTODO')
    expect(text).toContain('DUE;TZID=Europe/Berlin:20230317T170000')
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20230313T090000')
    expect(text).toContain('STATUS:COMPLETED')
    expect(text).toContain('COMPLETED:20230317T150000Z')
    expect(text).toContain('PERCENT-COMPLETE:100')
    expect(text).toContain('RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4')
    expect(text.match(/COMPLETED:/g)).toHaveLength(1)
  })

  it('round-trips VTODO → Task → VTODO → Task without loss', () => {
    const [first] = vtodoToTasks(report)
    const [second] = vtodoToTasks(taskToVTodo(first ?? { '@type': 'Task' }))
    expect(second).toEqual(first)
  })

  it('drops the JMAP properties, keeps the draft properties, and reads them back', () => {
    const task: Task = {
      id: Id('T1'),
      taskListId: Id('TL1'),
      isDraft: false,
      utcStart: null,
      utcDue: null,
      sortOrder: 0 as Task['sortOrder'],
      workflowStatus: null,
      '@type': 'Task',
      uid: 'draft-props-1',
      updated: '2023-03-10T10:00:00Z',
      title: 'Triage bug 4711',
      due: '2023-03-12T18:00:00',
      timeZone: null,
      estimatedWork: 3,
      impact: 'minor',
      checklists: {
        cl1: {
          '@type': 'Checklist',
          title: 'Steps',
          checkItems: [{ '@type': 'CheckItem', title: 'Reproduce', isComplete: true }],
        },
      },
      relatedTo: { 'bug-4700': { '@type': 'Relation', relation: { 'depends-on': true } } },
    }
    const text = taskToVTodo(task)
    expect(text).not.toMatch(/taskListId|T1\b|sortOrder/)
    const [back] = vtodoToTasks(text)
    expect(back).toMatchObject({
      uid: 'draft-props-1',
      title: 'Triage bug 4711',
      due: '2023-03-12T18:00:00',
      estimatedWork: 3,
      impact: 'minor',
      checklists: task.checklists,
      relatedTo: { 'bug-4700': { relation: { 'depends-on': true } } },
    })
    expect(back).not.toHaveProperty('timeZone')
    expect(back).not.toHaveProperty('id')
  })
})

describe('VTODO ⇄ Task keeps what real producers write', () => {
  const todo = (...lines: string[]) =>
    calendar('BEGIN:VTODO', 'UID:t', 'DTSTAMP:20230101T000000Z', ...lines, 'END:VTODO')
  const again = (text: string) => taskToVTodo(vtodoToTasks(text)[0] ?? { '@type': 'Task' })

  it('a DUE in another zone than DTSTART is written in its own zone', () => {
    const text = todo(
      'DTSTART;TZID=Europe/Berlin:20230313T090000',
      'DUE;TZID=America/New_York:20230317T170000',
    )
    const [task] = vtodoToTasks(text)
    expect(task).toMatchObject({ timeZone: 'Europe/Berlin', due: '2023-03-17T22:00:00' })
    expect(again(text)).toContain('DUE;TZID=America/New_York:20230317T170000\r\n')
  })

  it('a DUE date on a task that starts at a time stays a date', () => {
    const text = todo('DTSTART;TZID=Europe/Berlin:20230313T090000', 'DUE;VALUE=DATE:20230317')
    expect(again(text)).toContain('DUE;VALUE=DATE:20230317\r\n')
  })

  it('an override of a series anchored on DUE is written on its own date', () => {
    const text = calendar(
      'BEGIN:VTODO',
      'UID:weekly',
      'DTSTAMP:20230101T000000Z',
      'DUE;TZID=Europe/Berlin:20230301T170000',
      'RRULE:FREQ=WEEKLY;COUNT=4',
      'SUMMARY:Weekly',
      'END:VTODO',
      'BEGIN:VTODO',
      'UID:weekly',
      'DTSTAMP:20230101T000000Z',
      'RECURRENCE-ID;TZID=Europe/Berlin:20230308T170000',
      'DUE;TZID=Europe/Berlin:20230309T120000',
      'SUMMARY:Moved',
      'END:VTODO',
    )
    const [task] = vtodoToTasks(text)
    expect(task?.recurrenceOverrides).toEqual({
      '2023-03-08T17:00:00': { due: '2023-03-09T12:00:00', title: 'Moved' },
    })
    const written = again(text)
    expect(written).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20230308T170000\r\n')
    expect(written).toContain('DUE;TZID=Europe/Berlin:20230309T120000\r\n')
    expect(vtodoToTasks(written)).toEqual(vtodoToTasks(text))
  })

  it('an alarm relative to END (the due time) stays relative to END', () => {
    const text = todo(
      'DTSTART;TZID=Europe/Berlin:20230313T090000',
      'DUE;TZID=Europe/Berlin:20230313T170000',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:Due soon',
      'TRIGGER;RELATED=END:-PT30M',
      'END:VALARM',
    )
    const [task] = vtodoToTasks(text)
    expect(Object.values(task?.alerts ?? {})[0]?.trigger).toEqual({
      '@type': 'OffsetTrigger',
      offset: '-PT30M',
      relativeTo: 'end',
    })
    expect(again(text)).toContain('TRIGGER;RELATED=END:-PT30M\r\n')
  })
})

describe('a DUE in UTC on a task that starts in a zone', () => {
  // Google's Europe/Berlin VTIMEZONE, from a real file of the world corpus, so ical.js knows the
  // zone's offsets.
  const berlin = (
    readFileSync(join(worldCorpusDirectory, 'icalendar/alarm_google_future.ics'), 'utf8').match(
      /BEGIN:VTIMEZONE\r?\nTZID:Europe\/Berlin[\s\S]*?END:VTIMEZONE/,
    )?.[0] ?? ''
  ).split(/\r?\n/)
  // A weekly series across the switch to summer time (26 March 2023), with an alarm relative to
  // DUE and an override whose DUE is written another way than the series'.
  const series = (mainDue: string, overrideDue: string) =>
    calendar(
      ...berlin,
      'BEGIN:VTODO',
      'UID:utc-due',
      'DTSTAMP:20230101T000000Z',
      'DTSTART;TZID=Europe/Berlin:20230313T090000',
      mainDue,
      'RRULE:FREQ=WEEKLY;COUNT=4',
      'SUMMARY:Weekly report',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:Due soon',
      'TRIGGER;RELATED=END:-PT30M',
      'END:VALARM',
      'END:VTODO',
      'BEGIN:VTODO',
      'UID:utc-due',
      'DTSTAMP:20230101T000000Z',
      'RECURRENCE-ID;TZID=Europe/Berlin:20230327T090000',
      'DTSTART;TZID=Europe/Berlin:20230327T100000',
      overrideDue,
      'SUMMARY:Moved report',
      'END:VTODO',
    )
  const again = (text: string) => taskToVTodo(vtodoToTasks(text)[0] ?? { '@type': 'Task' })
  const dueLines = (text: string) => text.split('\r\n').filter((line) => line.startsWith('DUE'))

  /** What ical.js reads from each VTODO: its RECURRENCE-ID, and the instants and alarm. */
  const readByIcalJs = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vtodo').map((todo) => {
      const instant = (name: string) => {
        const value = todo.getFirstPropertyValue(name)
        return value instanceof ICAL.Time ? value.toUnixTime() : undefined
      }
      const trigger = todo.getFirstSubcomponent('valarm')?.getFirstProperty('trigger')
      return {
        recurrenceId: instant('recurrence-id'),
        start: instant('dtstart'),
        due: instant('due'),
        dueZone: (todo.getFirstPropertyValue('due') as InstanceType<typeof ICAL.Time>).zone?.tzid,
        trigger: trigger && {
          related: trigger.getParameter('related'),
          offset: String(trigger.getFirstValue()),
        },
      }
    })

  it('keeps the instant: the due time in the task zone on import', () => {
    const [task] = vtodoToTasks(series('DUE:20230317T170000Z', 'DUE:20230401T100000Z'))
    // 17:00Z is 18:00 in Berlin in winter time; 10:00Z is 12:00 in summer time.
    expect(task).toMatchObject({ timeZone: 'Europe/Berlin', due: '2023-03-17T18:00:00' })
    expect(task?.recurrenceOverrides?.['2023-03-27T09:00:00']).toMatchObject({
      due: '2023-04-01T12:00:00',
    })
  })

  it.each([
    ['both in UTC', 'DUE:20230317T170000Z', 'DUE:20230401T100000Z'],
    [
      'the series in its zone, the override in UTC',
      'DUE;TZID=Europe/Berlin:20230317T180000',
      'DUE:20230401T100000Z',
    ],
    [
      'the series in UTC, the override in its zone',
      'DUE:20230317T170000Z',
      'DUE;TZID=Europe/Berlin:20230401T120000',
    ],
  ])(
    'writes each DUE back in its form (%s), the same instants for ical.js',
    (_, main, override) => {
      const text = series(main, override)
      const written = again(text)
      expect(dueLines(written)).toEqual([main, override])
      expect(readByIcalJs(written)).toEqual(readByIcalJs(text))
      expect(readByIcalJs(written)[0]?.trigger).toEqual({ related: 'END', offset: '-PT30M' })
      expect(vtodoToTasks(written)).toEqual(vtodoToTasks(text))
    },
  )

  it('a UTC DUE stays the same instant in UTC when the task moves to another zone', () => {
    const [task] = vtodoToTasks(series('DUE:20230317T170000Z', 'DUE:20230401T100000Z'))
    const moved = {
      ...(task ?? { '@type': 'Task' as const }),
      start: '2023-03-13T04:00:00',
      due: '2023-03-17T13:00:00',
      timeZone: 'America/New_York',
    }
    // New York is on summer time from 12 March 2023: 13:00 there is 17:00Z.
    expect(dueLines(taskToVTodo(moved))[0]).toBe('DUE:20230317T170000Z')
  })
})
