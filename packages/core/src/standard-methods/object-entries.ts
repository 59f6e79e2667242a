import * as v from 'valibot'
import type { ResponseSchema } from '../registry/method-runtime.js'

/**
 * The entries of an object schema built with `v.object`/`v.looseObject`, even
 * when its declared type is a plain `GenericSchema` (as `isolatedDeclarations`
 * requires); `undefined` for any other schema.
 */
function entriesOf(schema: ResponseSchema): v.ObjectEntries | undefined {
  const entries = (schema as { readonly entries?: unknown }).entries
  return typeof entries === 'object' && entries !== null ? (entries as v.ObjectEntries) : undefined
}

/**
 * The schema of a record narrowed to `properties` (plus `id`): other members
 * are kept unchecked, so a server sending more than asked is not an error.
 * Without entries to pick from, the full object schema is used. The
 * `required` properties lose an optional wrapper: asked for, they must be there.
 *
 * @see RFC 8620 §5.1
 */
/* @__NO_SIDE_EFFECTS__ */
export function pickedObjectSchema(
  objectSchema: ResponseSchema,
  properties: readonly unknown[],
  required: readonly string[] = [],
): ResponseSchema {
  const entries = entriesOf(objectSchema)
  if (entries === undefined) return objectSchema
  const picked: Record<string, v.GenericSchema> = {}
  for (const property of ['id', ...properties]) {
    if (typeof property !== 'string') continue
    const entry = entries[property]
    picked[property] =
      entry === undefined
        ? v.unknown()
        : required.includes(property)
          ? withoutOptional(entry)
          : entry
  }
  return v.looseObject(picked)
}

/** The schema an `optional`/`exactOptional` wrapper wraps, so a missing member is an issue. */
function withoutOptional(schema: v.GenericSchema): v.GenericSchema {
  return schema.type === 'optional' || schema.type === 'exact_optional'
    ? (schema as unknown as { readonly wrapped: v.GenericSchema }).wrapped
    : schema
}

/**
 * The schema of a record whose properties are all optional, except `id` when
 * `requireId` is set (a `/set` `created` entry, or a `/get` whose `properties`
 * came from a reference; an `updated` entry has no `id`).
 *
 * @see RFC 8620 §5.3
 */
/* @__NO_SIDE_EFFECTS__ */
export function partialObjectSchema(
  objectSchema: ResponseSchema | undefined,
  requireId: boolean,
): ResponseSchema {
  const entries = objectSchema === undefined ? undefined : entriesOf(objectSchema)
  const optional: Record<string, v.GenericSchema> = {}
  for (const [name, schema] of Object.entries(entries ?? {})) {
    optional[name] = name === 'id' && requireId ? schema : v.optional(schema)
  }
  return v.looseObject(optional)
}
