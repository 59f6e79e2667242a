import type { SetError } from '../standard-methods/set-error.js'
import {
  type SetOperation,
  SetOperationError,
  type SetOperationErrorOptions,
} from './set-operation-error.js'

/**
 * The refusals of a `/set` response: any response with these members fits.
 *
 * @see RFC 8620 §5.3
 * @example { "notCreated": null, "notUpdated": { "M1": { "type": "notFound" } }, "notDestroyed": null }
 */
export interface SetRefusals {
  readonly notCreated?: Readonly<Record<string, SetError>> | null
  readonly notUpdated?: Readonly<Record<string, SetError>> | null
  readonly notDestroyed?: Readonly<Record<string, SetError>> | null
}

/**
 * A class that builds the error thrown for a refusal: {@link SetOperationError} or a
 * subclass with the same constructor.
 */
export type SetOperationErrorClass = new (
  operation: SetOperation,
  objectId: string,
  setError: SetError,
  options?: SetOperationErrorOptions,
) => SetOperationError

const refusalMembers = [
  ['notCreated', 'create'],
  ['notUpdated', 'update'],
  ['notDestroyed', 'destroy'],
] as const

/**
 * Throws a {@link SetOperationError} (or the given subclass) for the first refusal of a
 * `/set` response, looking at `notCreated`, then `notUpdated`, then `notDestroyed`; returns
 * when the server refused nothing.
 *
 * @see RFC 8620 §5.3
 * @example
 * // ["Mailbox/set", { "notUpdated": { "M1": { "type": "notFound" } }, … }, "c0"]
 * throwFirstSetError('Mailbox/set', response) // SetOperationError: cannot update M1 (notFound)
 */
export function throwFirstSetError(
  method: string,
  response: SetRefusals,
  errorClass: SetOperationErrorClass = SetOperationError,
): void {
  for (const [member, operation] of refusalMembers) {
    for (const [objectId, setError] of Object.entries(response[member] ?? {})) {
      throw new errorClass(operation, objectId, setError, { method })
    }
  }
}
