import * as v from 'valibot'
import { IdSchema } from '../primitives/id.js'
import { UnsignedIntSchema } from '../primitives/unsigned-int.js'
import type { ResponseSchema } from '../registry/method-runtime.js'

/**
 * Builds the response schema of a standard `Foo/query`, with any extra
 * entries (Email's `collapseThreads`).
 *
 * @see RFC 8620 §5.5
 * @example queryResponseSchema({ collapseThreads: v.boolean() })
 */
/* @__NO_SIDE_EFFECTS__ */
export function queryResponseSchema(extraEntries: v.ObjectEntries = {}): ResponseSchema {
  return v.looseObject({
    accountId: IdSchema,
    queryState: v.string(),
    canCalculateChanges: v.boolean(),
    // Erratum 6605: `position` is undefined when `ids` is empty, and some servers omit it.
    position: v.optional(UnsignedIntSchema, 0),
    ids: v.array(IdSchema),
    total: v.optional(UnsignedIntSchema),
    limit: v.optional(UnsignedIntSchema),
    ...extraEntries,
  })
}
