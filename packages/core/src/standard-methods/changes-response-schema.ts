import * as v from 'valibot'
import { IdSchema } from '../primitives/id.js'
import type { ResponseSchema } from '../registry/method-runtime.js'

/**
 * Builds the response schema of a standard `Foo/changes`, with any extra
 * entries (Mailbox's `updatedProperties`).
 *
 * @see RFC 8620 §5.2
 * @example changesResponseSchema({ updatedProperties: v.nullable(v.array(v.string())) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function changesResponseSchema(extraEntries: v.ObjectEntries = {}): ResponseSchema {
  return v.looseObject({
    accountId: IdSchema,
    oldState: v.string(),
    newState: v.string(),
    hasMoreChanges: v.boolean(),
    created: v.array(IdSchema),
    updated: v.array(IdSchema),
    destroyed: v.array(IdSchema),
    ...extraEntries,
  })
}
