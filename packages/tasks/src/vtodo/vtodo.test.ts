import { Id } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
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
