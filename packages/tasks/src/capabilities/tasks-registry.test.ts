import { validateWithSchema } from '@typed-jmap/core/internal'
import {
  type FixtureEntry,
  listFixtures,
  loadFixture,
  requestBody,
  responseBody,
  responseJson,
} from '@typed-jmap/fixtures'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { isTaskListHasTaskSetError } from '../task-list/task-list-has-task-set-error.js'
import { taskIdOfNotification } from '../task-notification/task-notification.js'
import {
  EmptyTasksCapabilitySchema,
  TasksAccountCapabilitySchema,
  TasksAssigneesAccountCapabilitySchema,
  TasksRecurrencesAccountCapabilitySchema,
} from './account-capabilities.js'
import { tasks } from './tasks-registry.js'

/** Validates every response of a fixture with the runtime table, as the client does. */
function validatedResponses(entry: FixtureEntry): Record<string, unknown>[] {
  const calls = requestBody(entry).methodCalls
  return responseBody(entry).methodResponses.map(([name, args, callId]) => {
    const call = calls.find((candidate) => candidate[2] === callId)
    const runtime = tasks.methods[name as keyof typeof tasks.methods]
    const schema =
      typeof runtime.response === 'function' ? runtime.response(call?.[1] ?? {}) : runtime.response
    const result = validateWithSchema(schema, args)
    if (!result.ok) throw new Error(`${entry.id} ${name} at ${result.path}: ${result.message}`)
    return result.value as Record<string, unknown>
  })
}

function only(entry: FixtureEntry): Record<string, unknown> {
  const [first] = validatedResponses(entry)
  if (first === undefined) throw new Error(`${entry.id} has no response`)
  return first
}

const list = (response: Record<string, unknown>): Record<string, unknown>[] =>
  response.list as Record<string, unknown>[]

describe('tasks runtime table against the draft-based fixtures', () => {
  it.each(
    listFixtures({ area: 'tasks', source: 'edge' })
      .filter((entry) => entry.fixture.request?.method === 'POST')
      .map((entry) => [entry.id, entry] as const),
  )('%s validates', (_id, entry) => {
    expect(validatedResponses(entry).length).toBeGreaterThan(0)
  })

  it('reads a TaskList with defaults filled and the alerts extension', () => {
    const [inbox, shared] = list(only(loadFixture('tasks', 'edge', 'task-list-get')))
    expect(inbox).toMatchObject({ role: 'inbox', shareWith: { P2: { mayWriteAll: false } } })
    expect(Object.keys(inbox?.defaultAlertsWithTime as object)).toHaveLength(1)
    expect(shared).toMatchObject({
      role: null,
      workflowStatuses: ['needs-action', 'in-process', 'completed'],
    })
  })

  it('reads a full Task with the draft properties and keeps the vendor property', () => {
    const [task] = list(only(loadFixture('tasks', 'edge', 'task-get')))
    expect(task).toMatchObject({
      taskListId: 'TL1',
      estimatedWork: 8,
      impact: 'major',
      relatedTo: { '9b3a1c3e-0c1d-4f6e-9a77-4f0f7d2f6f10': { relation: { 'depends-on': true } } },
      participants: {
        joe: { roles: { assignee: true }, sendTo: { imip: 'mailto:joe@example.com' } },
      },
      'example.com:board-column': 'doing',
    })
    const checklists = task?.checklists as Record<string, { checkItems: { assigneee?: unknown }[] }>
    const items = checklists.cl1
    expect(items?.checkItems[0]?.assigneee).toEqual({
      '@type': 'Person',
      name: 'Joe',
      principalId: 'P2',
    })
  })

  it('checks Task/get against the properties asked for, utcStart null included', () => {
    const [floating, undated] = list(only(loadFixture('tasks', 'edge', 'task-get-utc-properties')))
    expect(floating?.utcDue).toBe('2023-03-17T16:00:00Z')
    expect(undated?.utcStart).toBeNull()
  })

  it('rejects a Task whose taskListId is a set, as calendarIds would be', () => {
    const runtime = tasks.methods['Task/get'].response
    const schema = typeof runtime === 'function' ? runtime({ properties: ['taskListId'] }) : runtime
    const result = validateWithSchema(schema, {
      accountId: 'A1',
      state: 's',
      list: [{ id: 'T1', taskListId: { TL1: true } }],
      notFound: [],
    })
    expect(result.ok).toBe(false)
  })

  it('rejects a percentComplete over 100', () => {
    const runtime = tasks.methods['Task/get'].response
    const schema =
      typeof runtime === 'function' ? runtime({ properties: ['percentComplete'] }) : runtime
    const response = { accountId: 'A1', state: 's', notFound: [] }
    expect(
      validateWithSchema(schema, { ...response, list: [{ id: 'T1', percentComplete: 101 }] }).ok,
    ).toBe(false)
    expect(
      validateWithSchema(schema, { ...response, list: [{ id: 'T1', percentComplete: 100 }] }).ok,
    ).toBe(true)
  })

  it('recognises both spellings of the taskListHasTask SetError', () => {
    const response = only(loadFixture('tasks', 'edge', 'task-list-set-destroy-has-task'))
    const notDestroyed = response.notDestroyed as Record<string, { type: string }>
    expect(isTaskListHasTaskSetError(notDestroyed.TL2)).toBe(true)
    expect(isTaskListHasTaskSetError(notDestroyed.TL3)).toBe(true)
    expect(isTaskListHasTaskSetError({ type: 'forbidden' })).toBe(false)
    expect(isTaskListHasTaskSetError(undefined)).toBe(false)
  })

  it('finds the task id of a notification under TaskId or taskId', () => {
    const [updated, created] = list(only(loadFixture('tasks', 'edge', 'task-notification-get')))
    expect(taskIdOfNotification(updated as { TaskId?: never })).toBe('T1')
    expect(taskIdOfNotification(created as { taskId?: never })).toBe('T5')
    expect(updated?.taskPatch).toEqual({ progress: 'in-process', percentComplete: 40 })
  })

  it('reads every tasks account capability of the session', () => {
    const session = responseJson(loadFixture('tasks', 'edge', 'session-tasks-capabilities')) as {
      accounts: { A1: { accountCapabilities: Record<string, unknown> } }
    }
    const account = session.accounts.A1.accountCapabilities
    expect(v.parse(TasksAccountCapabilitySchema, account['urn:ietf:params:jmap:tasks'])).toEqual({
      minDateTime: '1900-01-01T00:00:00',
      maxDateTime: '2100-12-31T23:59:59',
      mayCreateTaskList: true,
    })
    expect(
      v.parse(
        TasksRecurrencesAccountCapabilitySchema,
        account['urn:ietf:params:jmap:tasks:recurrences'],
      ),
    ).toEqual({ maxExpandedQueryDuration: 'P52W' })
    expect(
      v.parse(
        TasksAssigneesAccountCapabilitySchema,
        account['urn:ietf:params:jmap:tasks:assignees'],
      ),
    ).toEqual({ maxParticipantsPerTask: null })
    expect(
      v.parse(EmptyTasksCapabilitySchema, account['urn:ietf:params:jmap:tasks:alerts']),
    ).toEqual({})
    expect(
      v.safeParse(TasksAccountCapabilitySchema, {
        minDateTime: '1900-01-01',
        mayCreateTaskList: true,
      }).success,
    ).toBe(false)
  })

  it('has a runtime entry for every method of the draft, and no TaskList/query', () => {
    expect(Object.keys(tasks.methods).sort()).toEqual(
      [
        'Task/changes',
        'Task/copy',
        'Task/get',
        'Task/query',
        'Task/queryChanges',
        'Task/set',
        'TaskList/changes',
        'TaskList/get',
        'TaskList/set',
        'TaskNotification/changes',
        'TaskNotification/get',
        'TaskNotification/query',
        'TaskNotification/queryChanges',
        'TaskNotification/set',
      ].sort(),
    )
  })
})
