import * as v from 'valibot'
import { EchoedIdSchema } from '../creation-id/echoed-id.js'
import { IdSchema } from '../primitives/id.js'
import type { ResponseSchema } from '../registry/method-runtime.js'
import { partialObjectSchema } from './object-entries.js'
import { SetErrorSchema } from './set-error.js'

/**
 * Builds the response schema of a standard `Foo/set`; `created` and `updated`
 * entries are checked against the object schema with every property optional.
 *
 * @see RFC 8620 §5.3
 * @example defineCapability({ urn, methods: { 'Mailbox/set': { response: setResponseSchema(MailboxSchema) } } })
 */
/* @__NO_SIDE_EFFECTS__ */
export function setResponseSchema(
  objectSchema?: ResponseSchema,
  extraEntries: v.ObjectEntries = {},
): ResponseSchema {
  const created = partialObjectSchema(objectSchema, true)
  const updated = partialObjectSchema(objectSchema, false)
  const errors = v.nullish(v.record(v.string(), SetErrorSchema), null)
  // Keyed by the ids the request wrote: a `#k1` whose creation failed comes back as written.
  const errorsById = v.nullish(v.record(EchoedIdSchema, SetErrorSchema), null)
  return v.looseObject({
    accountId: IdSchema,
    oldState: v.nullish(v.string(), null),
    newState: v.string(),
    created: v.nullish(v.record(v.string(), created), null),
    updated: v.nullish(v.record(v.string(), v.nullable(updated)), null),
    destroyed: v.nullish(v.array(IdSchema), null),
    notCreated: errors,
    notUpdated: errorsById,
    notDestroyed: errorsById,
    ...extraEntries,
  })
}
