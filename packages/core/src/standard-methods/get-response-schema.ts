import * as v from 'valibot'
import { IdSchema } from '../primitives/id.js'
import type { ResponseSchema, ResponseSchemaFactory } from '../registry/method-runtime.js'
import { partialObjectSchema, pickedObjectSchema } from './object-entries.js'

/** Options of {@link getResponseSchema}. */
export interface GetResponseSchemaOptions {
  /** The properties the server returns when `properties` is `null` (all when absent). */
  readonly defaultProperties?: readonly string[]
  /**
   * Properties the server computes and returns only when asked for in
   * `properties` (CalendarEvent's `utcStart`/`utcEnd`): optional in the
   * object schema, required in the response of a call that asked for them,
   * as the witness types them there.
   */
  readonly computedWhenAsked?: readonly string[]
}

/** Bounds the per-method cache of narrowed schemas; distinct `properties` lists are few in practice. */
const cacheLimit = 64

/**
 * Builds the response schema factory of a standard `Foo/get`: each call's
 * `list` is checked against the `properties` it asked for.
 *
 * @see RFC 8620 §5.1
 * @example defineCapability({ urn, methods: { 'Mailbox/get': { response: getResponseSchema(MailboxSchema) } } })
 */
/* @__NO_SIDE_EFFECTS__ */
export function getResponseSchema(
  objectSchema: ResponseSchema,
  options: GetResponseSchemaOptions = {},
): ResponseSchemaFactory {
  const cache = new Map<string, ResponseSchema>()
  const envelope = (item: ResponseSchema): ResponseSchema =>
    v.looseObject({
      accountId: IdSchema,
      state: v.string(),
      list: v.array(item),
      notFound: v.nullish(v.array(IdSchema), []),
    })
  // Built on first use, like every schema of a call: a table has a /get per type.
  let full: ResponseSchema | undefined
  let byReference: ResponseSchema | undefined
  return (args) => {
    if ('#properties' in args) {
      byReference ??= envelope(partialObjectSchema(objectSchema, true))
      return byReference
    }
    const properties = args.properties
    if (!Array.isArray(properties)) {
      full ??= envelope(
        options.defaultProperties
          ? pickedObjectSchema(objectSchema, options.defaultProperties)
          : objectSchema,
      )
      return full
    }
    const key = properties.join('\u0000')
    const cached = cache.get(key)
    if (cached) return cached
    const schema = envelope(
      pickedObjectSchema(objectSchema, properties, options.computedWhenAsked ?? []),
    )
    if (cache.size >= cacheLimit) cache.clear()
    cache.set(key, schema)
    return schema
  }
}
