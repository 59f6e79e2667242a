/**
 * Why the server cannot serve JMAP Tasks: its Session has no `urn:ietf:params:jmap:tasks`, no
 * account has it, or the account asked for lacks it.
 *
 * @example "noCapability"
 */
export type TasksUnsupportedReason = 'noCapability' | 'noAccount' | 'accountLacksCapability'

const explanations: Readonly<Record<TasksUnsupportedReason, string>> = {
  noCapability: 'its Session has no urn:ietf:params:jmap:tasks capability',
  noAccount: 'no account has the urn:ietf:params:jmap:tasks capability',
  accountLacksCapability: 'the account has no urn:ietf:params:jmap:tasks capability',
}

/**
 * Thrown by the task-list API, before any JMAP request is sent, when the server's Session does
 * not offer `urn:ietf:params:jmap:tasks` (or the chosen account lacks it). No production server
 * implements the expired draft; Cyrus, for one, does not.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.1
 * @example
 * try { await api.listTaskLists() } catch (error) { if (isTasksNotSupportedError(error)) showTasksUnavailable() }
 */
export class TasksNotSupportedError extends Error {
  override readonly name = 'TasksNotSupportedError' as const
  /** The capability the server lacks. */
  readonly capability = 'urn:ietf:params:jmap:tasks' as const
  /** Why tasks are unavailable. */
  readonly reason: TasksUnsupportedReason
  /** The account asked for, when it is the account that lacks the capability. */
  readonly accountId: string | undefined

  constructor(reason: TasksUnsupportedReason, accountId?: string, options?: { cause?: unknown }) {
    const where = accountId === undefined ? '' : ` in account "${accountId}"`
    super(`this server does not support JMAP Tasks${where}: ${explanations[reason]}`, options)
    this.reason = reason
    this.accountId = accountId
  }
}

/**
 * Tells whether a value is a {@link TasksNotSupportedError}.
 *
 * @example if (isTasksNotSupportedError(error)) console.warn(error.message)
 */
export function isTasksNotSupportedError(value: unknown): value is TasksNotSupportedError {
  return value instanceof Error && value.name === 'TasksNotSupportedError'
}
