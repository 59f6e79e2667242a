import { type Id, IdSchema, type UnsignedInt, UnsignedIntSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * A date-time without offset (`LocalDate` in the draft), read in the task's time zone.
 *
 * @see draft-ietf-jmap-tasks-06 §1.2
 * @example "2014-10-30T14:12:00"
 */
export type LocalDate = string

const localDatePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?$/

/**
 * Validates a {@link LocalDate}.
 *
 * @see draft-ietf-jmap-tasks-06 §1.2
 */
export const LocalDateSchema: v.GenericSchema<unknown, LocalDate> = v.pipe(
  v.string(),
  v.regex(localDatePattern, 'a LocalDate is a date-time without offset, like 2014-10-30T14:12:00'),
)

/**
 * A capability whose value is an empty object (`{}`); members a server adds are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6
 * @example {}
 */
export interface EmptyTasksCapability {
  readonly [member: string]: unknown
}

/**
 * The tasks capability of an account: the date range the server stores and whether the user
 * may create task lists.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.1
 * @example { "minDateTime": "1900-01-01T00:00:00", "maxDateTime": "2100-12-31T23:59:59", "mayCreateTaskList": true }
 */
export interface TasksAccountCapability {
  readonly minDateTime: LocalDate
  readonly maxDateTime: LocalDate
  readonly mayCreateTaskList: boolean
}

/**
 * The recurrences capability of an account: the longest range a query may expand.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.2
 * @example { "maxExpandedQueryDuration": "P52W" }
 */
export interface TasksRecurrencesAccountCapability {
  readonly maxExpandedQueryDuration: string
}

/**
 * The assignees capability of an account: the most participants one task may have.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.3
 * @example { "maxParticipantsPerTask": 50 }
 */
export interface TasksAssigneesAccountCapability {
  readonly maxParticipantsPerTask: UnsignedInt | null
}

/**
 * The tasks capability of a Principal (JMAP Sharing): where its task data lives and how to
 * share with or assign to it.
 *
 * @see draft-ietf-jmap-tasks-06 §2.1
 * @example { "accountId": "A13", "mayShareWith": true, "sendTo": { "imip": "mailto:jane@example.com" } }
 */
export interface TasksPrincipalCapability {
  readonly accountId: Id | null
  readonly mayShareWith: boolean
  readonly sendTo: Readonly<Record<string, string>> | null
}

/**
 * Validates an empty capability object, keeping any members.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6
 */
export const EmptyTasksCapabilitySchema: v.GenericSchema<unknown, EmptyTasksCapability> =
  v.looseObject({})

/**
 * Validates {@link TasksAccountCapability}.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.1
 */
export const TasksAccountCapabilitySchema: v.GenericSchema<unknown, TasksAccountCapability> =
  v.looseObject({
    minDateTime: LocalDateSchema,
    maxDateTime: LocalDateSchema,
    mayCreateTaskList: v.boolean(),
  })

/**
 * Validates {@link TasksRecurrencesAccountCapability}.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.2
 */
export const TasksRecurrencesAccountCapabilitySchema: v.GenericSchema<
  unknown,
  TasksRecurrencesAccountCapability
> = v.looseObject({ maxExpandedQueryDuration: v.string() })

/**
 * Validates {@link TasksAssigneesAccountCapability}.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.3
 */
export const TasksAssigneesAccountCapabilitySchema: v.GenericSchema<
  unknown,
  TasksAssigneesAccountCapability
> = v.looseObject({ maxParticipantsPerTask: v.nullable(UnsignedIntSchema) })

/**
 * Validates {@link TasksPrincipalCapability}.
 *
 * @see draft-ietf-jmap-tasks-06 §2.1
 */
export const TasksPrincipalCapabilitySchema: v.GenericSchema<unknown, TasksPrincipalCapability> =
  v.looseObject({
    accountId: v.nullable(IdSchema),
    mayShareWith: v.boolean(),
    sendTo: v.nullable(v.record(v.string(), v.string())),
  })
