import type { SetError, SetErrorFields } from '@typed-jmap/core'

/**
 * The SetError of a TaskList/set destroy refused because the list still has tasks and
 * `onDestroyRemoveTasks` was false. The draft writes the type both `taskListHasTask` and
 * `TaskListHasTask`; both are this error.
 *
 * @see draft-ietf-jmap-tasks-06 §3.5
 * @example { "type": "taskListHasTask", "description": "The list has 3 tasks" }
 */
export interface TaskListHasTaskSetError
  extends SetErrorFields<'taskListHasTask' | 'TaskListHasTask'> {
  /** Fields a server adds, kept as sent. */
  readonly [field: string]: unknown
}

/**
 * Tells whether a SetError is a {@link TaskListHasTaskSetError}, in either of the draft's
 * spellings.
 *
 * @see draft-ietf-jmap-tasks-06 §3.5
 * @example if (isTaskListHasTaskSetError(response.notDestroyed?.[id])) askToDeleteTasksToo()
 */
export function isTaskListHasTaskSetError(
  error: SetError | null | undefined,
): error is TaskListHasTaskSetError {
  return error?.type === 'taskListHasTask' || error?.type === 'TaskListHasTask'
}
