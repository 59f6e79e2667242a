import type { CallResult } from '../builder/call-result.js'
import { methodCallFailure } from '../client/method-call-failure.js'
import type { Id } from '../primitives/id.js'
import {
  type SetOperationErrorClass,
  type SetRefusals,
  throwFirstSetError,
} from './throw-first-set-error.js'

/**
 * What {@link readBackCreated} reads of a `/set` response.
 *
 * @see RFC 8620 §5.3
 * @example { "created": { "event": { "id": "E7" } }, "notCreated": null }
 */
export interface CreatingSetResponse extends SetRefusals {
  readonly created?: Readonly<Record<string, { readonly id: Id }>> | null
}

/**
 * How {@link readBackCreated} reports what went wrong: the `SetOperationError` subclass for a
 * refused creation, and the error for a creation the `/get` did not return.
 *
 * @example { refused: CalendarWriteError, notReadBack: (message) => new CalendarApiError(message) }
 */
export interface ReadBackErrors {
  readonly refused: SetOperationErrorClass
  readonly notReadBack: (message: string) => Error
}

/**
 * The record a `/set` create and a `/get` in the same request (read settled) created, found
 * by the id the server gave creation `creationId`. A method error of either call throws the
 * `MethodCallError` `client.request` would; a refused creation throws `errors.refused` (checked
 * before the `/get`, whose failure it usually explains); a record the `/get` did not return
 * throws `errors.notReadBack`.
 *
 * The calendar, task and contact APIs find the new record by a `/query` on its uid, not by
 * `ids: ['#creationId']`, which RFC 8620 does not define for `/get`.
 *
 * @see RFC 8620 §5.3, §5.1
 * @example const event = readBackCreated(results.set, results.get, 'event', { refused: CalendarWriteError, notReadBack: (m) => new CalendarApiError(m) })
 */
export function readBackCreated<TRecord extends { readonly id: Id }>(
  set: CallResult<CreatingSetResponse>,
  get: CallResult<{ readonly list: readonly TRecord[] }>,
  creationId: string,
  errors: ReadBackErrors,
): TRecord {
  if (!set.ok) throw methodCallFailure(set, { set, get })
  throwFirstSetError(set.method, set.response, errors.refused)
  if (!get.ok) throw methodCallFailure(get, { set, get })
  const id = set.response.created?.[creationId]?.id
  const stored = get.response.list.find((record) => record.id === id)
  if (stored === undefined) {
    throw errors.notReadBack(`the created ${creationId} could not be read back`)
  }
  return stored
}
