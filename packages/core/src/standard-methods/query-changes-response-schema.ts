import * as v from 'valibot'
import { IdSchema } from '../primitives/id.js'
import { UnsignedIntSchema } from '../primitives/unsigned-int.js'
import type { ResponseSchema } from '../registry/method-runtime.js'

/**
 * Builds the response schema of a standard `Foo/queryChanges`.
 *
 * @see RFC 8620 §5.6
 * @example queryChangesResponseSchema()
 */
/* @__NO_SIDE_EFFECTS__ */
export function queryChangesResponseSchema(extraEntries: v.ObjectEntries = {}): ResponseSchema {
  return v.looseObject({
    accountId: IdSchema,
    oldQueryState: v.string(),
    newQueryState: v.string(),
    total: v.optional(UnsignedIntSchema),
    // RFC 8620's own §5.7 example sends `"added": null`; read a missing list as empty.
    removed: v.nullish(v.array(IdSchema), []),
    added: v.nullish(v.array(v.looseObject({ id: IdSchema, index: UnsignedIntSchema })), []),
    ...extraEntries,
  })
}
