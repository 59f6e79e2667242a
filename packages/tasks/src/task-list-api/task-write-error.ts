import type { SetError } from '@typed-jmap/core'

/**
 * Thrown by the task-list API when the server refuses a create, update or destroy; the
 * SetError is kept as sent.
 *
 * @see RFC 8620 §5.3
 * @example new TaskWriteError('destroy', 'T1', { type: 'notFound' }) // "cannot destroy T1 (notFound)"
 */
export class TaskWriteError extends Error {
  override readonly name = 'TaskWriteError' as const
  /** What was attempted. */
  readonly operation: 'create' | 'update' | 'destroy'
  /** The id (or creation id) of the task or task list. */
  readonly objectId: string
  /** Why the server refused. */
  readonly setError: SetError

  constructor(
    operation: 'create' | 'update' | 'destroy',
    objectId: string,
    setError: SetError,
    options?: { cause?: unknown },
  ) {
    const detail = setError.description ? `: ${setError.description}` : ''
    super(`cannot ${operation} ${objectId} (${setError.type}${detail})`, options)
    this.operation = operation
    this.objectId = objectId
    this.setError = setError
  }
}

/**
 * Tells whether a value is a {@link TaskWriteError}.
 *
 * @example if (isTaskWriteError(error) && error.setError.type === 'notFound') forget(error.objectId)
 */
export function isTaskWriteError(value: unknown): value is TaskWriteError {
  return value instanceof Error && value.name === 'TaskWriteError'
}
