import type { SetError } from '../standard-methods/set-error.js'

/**
 * What a `/set` call asked the server to do to one record.
 *
 * @see RFC 8620 §5.3
 * @example 'update'
 */
export type SetOperation = 'create' | 'update' | 'destroy'

/**
 * Options of a {@link SetOperationError}: the usual `cause`, and the `/set` method the
 * server answered.
 *
 * @example { method: 'Mailbox/set', cause: response }
 */
export interface SetOperationErrorOptions extends ErrorOptions {
  /** The method whose response refused the operation, e.g. `Mailbox/set`. */
  readonly method?: string
}

/**
 * Thrown when the server refuses to create, update or destroy a record in a `/set` call;
 * `setError` is the server's SetError as sent (`invalidProperties`, `forbidden`, …).
 *
 * @see RFC 8620 §5.3
 * @example
 * // ["Mailbox/set", { "notDestroyed": { "M1": { "type": "mailboxHasEmail" } }, … }, "c0"]
 * new SetOperationError('destroy', 'M1', { type: 'mailboxHasEmail' }, { method: 'Mailbox/set' })
 */
export class SetOperationError extends Error {
  // Typed as a string so packages can subclass it under a name of their own.
  override readonly name: string = 'SetOperationError'
  /** What was attempted. */
  readonly operation: SetOperation
  /** The id of the record, or the creation id of a refused creation. */
  readonly objectId: string
  /** The `/set` method the server answered, when known. */
  readonly method: string | undefined
  /** Why the server refused. */
  readonly setError: SetError

  constructor(
    operation: SetOperation,
    objectId: string,
    setError: SetError,
    options: SetOperationErrorOptions = {},
  ) {
    const detail = setError.description ? `: ${setError.description}` : ''
    super(`cannot ${operation} ${objectId} (${setError.type}${detail})`, options)
    this.operation = operation
    this.objectId = objectId
    this.method = options.method
    this.setError = setError
  }
}

/**
 * Tells whether a value is a {@link SetOperationError}, or an error of a package that
 * extends it (`CalendarWriteError`, `TaskWriteError`).
 *
 * @example if (isSetOperationError(error) && error.setError.type === 'forbidden') …
 */
export function isSetOperationError(value: unknown): value is SetOperationError {
  return value instanceof SetOperationError
}
