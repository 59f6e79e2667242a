/**
 * Thrown by the task-list API for what the account or the input cannot provide: no task list,
 * an unknown task, or text that holds no VTODO.
 *
 * @example new TaskApiError('the iCalendar text holds no VTODO')
 */
export class TaskApiError extends Error {
  override readonly name = 'TaskApiError' as const

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/**
 * Tells whether a value is a {@link TaskApiError}.
 *
 * @example if (isTaskApiError(error)) console.error(error.message)
 */
export function isTaskApiError(value: unknown): value is TaskApiError {
  return value instanceof Error && value.name === 'TaskApiError'
}
