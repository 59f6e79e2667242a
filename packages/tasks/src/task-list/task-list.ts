import { type Alert, AlertSchema } from '@typed-jmap/calendars'
import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema, type UnsignedInt, UnsignedIntSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The rights the current user has on a TaskList (also the value type of `shareWith`).
 *
 * @see draft-ietf-jmap-tasks-06 §3
 * @example { "mayReadItems": true, "mayWriteAll": true, "mayWriteOwn": true, "mayUpdatePrivate": true, "mayRSVP": true, "mayAdmin": true, "mayDelete": true }
 */
export interface TaskRights {
  readonly mayReadItems: boolean
  /** If true, `mayWriteOwn`, `mayUpdatePrivate` and `mayRSVP` are true as well. */
  readonly mayWriteAll: boolean
  readonly mayWriteOwn: boolean
  readonly mayUpdatePrivate: boolean
  readonly mayRSVP: boolean
  readonly mayAdmin: boolean
  /** Server-set; false when the account is read-only. */
  readonly mayDelete: boolean
}

/**
 * The special purpose of a TaskList: the principal's default list or its trash. The draft allows
 * only these two; another value a server sends is kept rather than failing the whole response.
 *
 * @see draft-ietf-jmap-tasks-06 §3
 * @example "inbox"
 */
export type TaskListRole = 'inbox' | 'trash' | (string & {})

/**
 * The default value of `workflowStatuses` (RFC 8984 §5.2.5 progress values plus `pending`).
 *
 * @see draft-ietf-jmap-tasks-06 §3
 * @example ["completed", "failed", "in-process", "needs-action", "cancelled", "pending"]
 */
export const defaultWorkflowStatuses: readonly string[] = Object.freeze([
  'completed',
  'failed',
  'in-process',
  'needs-action',
  'cancelled',
  'pending',
])

/**
 * A named collection of Tasks; every Task belongs to exactly one TaskList.
 *
 * @see draft-ietf-jmap-tasks-06 §3
 * @example { "id": "TL1", "role": "inbox", "name": "Personal", "description": null, "color": "#3a87ad", "keywordColors": null, "categoryColors": null, "sortOrder": 0, "isSubscribed": true, "timeZone": "Europe/Berlin", "workflowStatuses": ["completed", "failed", "in-process", "needs-action", "cancelled", "pending"], "shareWith": null, "myRights": { "mayReadItems": true, … } }
 */
export interface TaskList {
  readonly id: Id
  readonly role: TaskListRole | null
  /** 1 character to 255 octets. */
  readonly name: string
  readonly description: string | null
  /** A CSS color name or `#rrggbb`. */
  readonly color: string | null
  /** Colors for tasks by keyword. */
  readonly keywordColors: Readonly<Record<string, string>> | null
  /** Colors for tasks by category. */
  readonly categoryColors: Readonly<Record<string, string>> | null
  /** 0 ≤ sortOrder < 2^31; lower first, then by name. */
  readonly sortOrder: UnsignedInt
  readonly isSubscribed: boolean
  /** IANA time zone for floating tasks; `null` means the principal's time zone. */
  readonly timeZone: string | null
  /** The values `workflowStatus` of a task in this list may take. */
  readonly workflowStatuses: readonly string[]
  /** Rights by principal id; `null` when not shared. */
  readonly shareWith: Readonly<Record<Id, TaskRights>> | null
  readonly myRights: TaskRights
  /** Alerts extension: default alerts for tasks with a time. */
  readonly defaultAlertsWithTime?: Readonly<Record<Id, Alert>> | null
  /** Alerts extension: default alerts for tasks shown without a time. */
  readonly defaultAlertsWithoutTime?: Readonly<Record<Id, Alert>> | null
}

/**
 * Validates {@link TaskRights}; rights a server adds are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §3
 */
export const TaskRightsSchema: v.GenericSchema<unknown, TaskRights> = v.looseObject({
  mayReadItems: v.boolean(),
  mayWriteAll: v.boolean(),
  mayWriteOwn: v.boolean(),
  mayUpdatePrivate: v.boolean(),
  mayRSVP: v.boolean(),
  mayAdmin: v.boolean(),
  mayDelete: v.boolean(),
})

const colorMapSchema = v.optional(v.nullable(v.record(v.string(), v.string())), null)
const alertMapSchema = v.exactOptional(v.nullable(v.record(v.string(), AlertSchema)))

/**
 * The schema of each TaskList property. Properties the draft gives a default for read as that
 * default when a server leaves them out.
 *
 * @see draft-ietf-jmap-tasks-06 §3
 */
export const taskListPropertySchemas: PropertySchemas<TaskList> = {
  id: IdSchema,
  role: v.optional(v.nullable(v.string()), null),
  name: v.string(),
  description: v.optional(v.nullable(v.string()), null),
  color: v.optional(v.nullable(v.string()), null),
  keywordColors: colorMapSchema,
  categoryColors: colorMapSchema,
  sortOrder: v.optional(UnsignedIntSchema, 0 as UnsignedInt),
  isSubscribed: v.boolean(),
  timeZone: v.optional(v.nullable(v.string()), null),
  workflowStatuses: v.optional(v.array(v.string()), () => [...defaultWorkflowStatuses]),
  shareWith: v.optional(v.nullable(v.record(v.string(), TaskRightsSchema)), null),
  myRights: TaskRightsSchema,
  defaultAlertsWithTime: alertMapSchema,
  defaultAlertsWithoutTime: alertMapSchema,
}

/**
 * Validates a whole TaskList as a server sends it; unknown properties are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §3
 */
export const TaskListSchema: v.GenericSchema<unknown, TaskList> =
  v.looseObject(taskListPropertySchemas)
