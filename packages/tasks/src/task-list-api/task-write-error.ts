import { SetOperationError } from '@typed-jmap/core'

/**
 * Thrown by the task-list API when the server refuses a create, update or destroy; the
 * SetError is kept as sent. A {@link SetOperationError} under the task API's own name.
 *
 * @see RFC 8620 §5.3
 * @example new TaskWriteError('destroy', 'T1', { type: 'notFound' }) // "cannot destroy T1 (notFound)"
 */
export class TaskWriteError extends SetOperationError {
  override readonly name = 'TaskWriteError' as const
}

/**
 * Tells whether a value is a {@link TaskWriteError}.
 *
 * @example if (isTaskWriteError(error) && error.setError.type === 'notFound') forget(error.objectId)
 */
export function isTaskWriteError(value: unknown): value is TaskWriteError {
  return value instanceof Error && value.name === 'TaskWriteError'
}
