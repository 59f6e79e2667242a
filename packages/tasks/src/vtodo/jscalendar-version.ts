import {
  type Task as JSCalendarTask,
  normalizeJSCalendar,
  type Participant,
  type PatchObject,
} from '@typed-jmap/calendars'
import { JSCalendarConversionError } from '@typed-jmap/calendars/ical'
import type { Task, TaskWithDefaultProperties } from '../task/task.js'
import type { TaskCreate } from '../task/task-create.js'
import type { TaskParticipant } from '../task/task-participant.js'
import type { JSTask, TaskJmapProperty } from '../task-notification/task-notification.js'

/**
 * A task as the calendars converter and a JMAP Tasks server exchange it: an RFC 8984 JSTask
 * without the JMAP properties a server sets or a list gives (`id`, `taskListId`, …).
 *
 * @see draft-ietf-jmap-tasks-06 §4
 * @example { "@type": "Task", "uid": "2a358cee", "title": "Buy milk", "due": "2023-03-12T18:00:00", "recurrenceRules": [{ "@type": "RecurrenceRule", "frequency": "weekly" }] }
 */
export interface TaskInput extends Omit<TaskCreate, 'taskListId'> {}

const jmapProperties: readonly TaskJmapProperty[] = [
  'id',
  'taskListId',
  'isDraft',
  'utcStart',
  'utcDue',
  'sortOrder',
  'workflowStatus',
  'baseTaskId',
  'isOrigin',
]

/**
 * Turns a JSCalendar 2.0 Task (what `@typed-jmap/calendars/ical` produces) into the RFC 8984
 * shape the draft is built on: `recurrenceRule` becomes `recurrenceRules`,
 * `organizerCalendarAddress` becomes `replyTo`, a participant's `calendarAddress` becomes
 * `sendTo`, and a participant without roles gets RFC 8984's `attendee` role. Everything else is
 * kept as it is.
 *
 * @see RFC 8984 §4.3.3, §4.4.4, §4.4.6; draft-ietf-calext-jscalendarbis Appendix A
 * @example taskFromJSCalendar({ '@type': 'Task', uid: 'x', recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'daily' } })
 * // → { '@type': 'Task', uid: 'x', recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily' }] }
 */
export function taskFromJSCalendar(task: JSCalendarTask): TaskInput {
  const {
    recurrenceRule,
    organizerCalendarAddress,
    participants,
    recurrenceOverrides,
    version: _version,
    ...rest
  } = structuredClone(task)
  const output: Record<string, unknown> = { ...rest }
  const extraRules = output.recurrenceRules
  if (recurrenceRule !== undefined) {
    output.recurrenceRules = [recurrenceRule, ...(Array.isArray(extraRules) ? extraRules : [])]
  }
  if (organizerCalendarAddress !== undefined) output.replyTo = sendToOf(organizerCalendarAddress)
  if (participants !== undefined) {
    output.participants = Object.fromEntries(
      Object.entries(participants).map(([id, participant]) => [
        id,
        participantToRfc8984(participant),
      ]),
    )
  }
  if (recurrenceOverrides !== undefined) {
    output.recurrenceOverrides = Object.fromEntries(
      Object.entries(recurrenceOverrides).map(([id, patch]) => [id, patchToRfc8984(patch)]),
    )
  }
  return output as TaskInput
}

/**
 * Turns a JMAP Task (or a bare RFC 8984 JSTask) into a JSCalendar 2.0 Task for the calendars
 * converter: drops the JMAP properties and the `null`s JMAP uses for "absent", then applies
 * the calendars package's RFC 8984 → 2.0 normalisation.
 *
 * @throws JSCalendarConversionError when the input is not a Task (its `@type` says otherwise).
 * @throws ValiError (valibot) when the input is not JSCalendar, saying where.
 * @see draft-ietf-calext-jscalendarbis Appendix A
 * @example taskToJSCalendar({ id: 'T1', taskListId: 'TL1', '@type': 'Task', uid: 'x', timeZone: null, … })
 * // → { '@type': 'Task', uid: 'x' }
 */
export function taskToJSCalendar(
  task: Task | TaskWithDefaultProperties | JSTask | TaskInput,
): JSCalendarTask {
  const plain: Record<string, unknown> = {}
  for (const [property, value] of Object.entries(task)) {
    if (value === null || (jmapProperties as readonly string[]).includes(property)) continue
    plain[property] = value
  }
  plain['@type'] ??= 'Task'
  const normalized = normalizeJSCalendar(plain)
  if (normalized['@type'] !== 'Task') {
    throw new JSCalendarConversionError({
      path: '/@type',
      reason: `expected a Task, got ${normalized['@type']}`,
    })
  }
  return normalized
}

function sendToOf(address: string): Record<string, string> {
  return address.toLowerCase().startsWith('mailto:') ? { imip: address } : { other: address }
}

function participantToRfc8984(participant: Participant): TaskParticipant {
  const { calendarAddress, ...rest } = participant
  const output: TaskParticipant = { ...rest }
  if (calendarAddress !== undefined) output.sendTo = sendToOf(calendarAddress)
  // RFC 8984 §4.4.6 requires roles; 2.0 dropped `attendee`, the role of everyone who is
  // neither owner nor otherwise marked.
  if (output.roles === undefined || Object.keys(output.roles).length === 0) {
    output.roles = { attendee: true }
  }
  return output
}

function patchToRfc8984(patch: PatchObject): PatchObject {
  const output: PatchObject = {}
  for (const [pointer, value] of Object.entries(patch)) {
    if (pointer === 'recurrenceRule') output.recurrenceRules = value === null ? null : [value]
    else if (pointer === 'organizerCalendarAddress' && typeof value === 'string')
      output.replyTo = sendToOf(value)
    else if (/^participants\/[^/]+\/calendarAddress$/.test(pointer) && typeof value === 'string')
      output[pointer.replace(/calendarAddress$/, 'sendTo')] = sendToOf(value)
    else output[pointer] = value
  }
  return output
}
