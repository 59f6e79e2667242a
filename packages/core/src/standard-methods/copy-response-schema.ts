import * as v from 'valibot'
import { IdSchema } from '../primitives/id.js'
import type { ResponseSchema } from '../registry/method-runtime.js'
import { partialObjectSchema } from './object-entries.js'
import { SetErrorSchema } from './set-error.js'

/**
 * Builds the response schema of a standard `Foo/copy`.
 *
 * @see RFC 8620 §5.4
 * @example copyResponseSchema(EmailSchema)
 */
/* @__NO_SIDE_EFFECTS__ */
export function copyResponseSchema(objectSchema?: ResponseSchema): ResponseSchema {
  return v.looseObject({
    fromAccountId: IdSchema,
    accountId: IdSchema,
    oldState: v.nullish(v.string(), null),
    // Required by RFC 8620, missing from Cyrus's responses: read as null (see CopyResponse).
    newState: v.nullish(v.string(), null),
    created: v.nullish(v.record(v.string(), partialObjectSchema(objectSchema, true)), null),
    notCreated: v.nullish(v.record(v.string(), SetErrorSchema), null),
  })
}
