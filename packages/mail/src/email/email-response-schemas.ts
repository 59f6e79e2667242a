import {
  IdSchema,
  type ResponseSchema,
  type ResponseSchemaFactory,
  SetErrorSchema,
  UnsignedIntSchema,
} from '@typed-jmap/core'
import { boundedNesting } from '@typed-jmap/core/internal'
import * as v from 'valibot'
import { emailPropertySchemas } from './email.js'
import { defaultEmailBodyProperties, emailBodyPartPropertySchemas } from './email-body-part.js'
import { emailHeaderPropertySchema } from './email-header.js'
import { defaultEmailGetProperties, defaultEmailParseProperties } from './email-selection.js'

type AnySchema = v.GenericSchema<unknown, unknown>

const bodyPartProperties = new Set(['bodyStructure', 'textBody', 'htmlBody', 'attachments'])

function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : fallback
}

function bodyPartSchema(bodyProperties: readonly string[]): AnySchema {
  const entries: Record<string, AnySchema> = {}
  const known: Readonly<Record<string, AnySchema | undefined>> = emailBodyPartPropertySchemas
  const part: AnySchema = v.looseObject(entries)
  for (const property of bodyProperties) {
    entries[property] =
      property === 'subParts'
        ? v.nullable(v.array(part))
        : (emailHeaderPropertySchema(property) ?? known[property] ?? v.unknown())
  }
  // Checked for depth once at the top, so a hostile nesting cannot overflow the stack.
  return boundedNesting(part, 'subParts')
}

/**
 * The schema of one Email holding the given properties, body parts narrowed to
 * `bodyProperties` and `header:…` properties checked against their form.
 */
function selectedEmailEntries(
  properties: readonly string[],
  bodyProperties: readonly string[],
): Record<string, AnySchema> {
  const known: Readonly<Record<string, AnySchema | undefined>> = emailPropertySchemas
  const part = bodyPartSchema(bodyProperties)
  const entries: Record<string, AnySchema> = {}
  for (const property of properties) {
    if (bodyPartProperties.has(property)) {
      entries[property] = property === 'bodyStructure' ? part : v.array(part)
    } else {
      entries[property] = emailHeaderPropertySchema(property) ?? known[property] ?? v.unknown()
    }
  }
  return entries
}

function cachedByArguments(
  build: (args: Readonly<Record<string, unknown>>) => ResponseSchema,
): ResponseSchemaFactory {
  // Few distinct property lists occur in practice; the bound only stops a leak.
  const cache = new Map<string, ResponseSchema>()
  return (args) => {
    const key = JSON.stringify([
      args.properties ?? null,
      args.bodyProperties ?? null,
      '#properties' in args,
    ])
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    const schema = build(args)
    if (cache.size >= 64) cache.clear()
    cache.set(key, schema)
    return schema
  }
}

/**
 * The response schema factory of Email/get: each call's `list` is checked against the
 * `properties`, `bodyProperties` and header forms it asked for.
 *
 * @see RFC 8621 §4.2
 * @example defineCapability({ urn, methods: { 'Email/get': { response: emailGetResponseSchema() } } })
 */
/* @__NO_SIDE_EFFECTS__ */
export function emailGetResponseSchema(): ResponseSchemaFactory {
  return cachedByArguments((args) => {
    const bodyProperties = stringList(args.bodyProperties, defaultEmailBodyProperties)
    const byReference = '#properties' in args
    const properties = byReference
      ? Object.keys(emailPropertySchemas)
      : stringList(args.properties, defaultEmailGetProperties)
    const entries = selectedEmailEntries(['id', ...properties], bodyProperties)
    if (byReference) {
      for (const [name, schema] of Object.entries(entries)) {
        if (name !== 'id') entries[name] = v.optional(schema)
      }
    }
    return v.looseObject({
      accountId: IdSchema,
      state: v.string(),
      list: v.array(v.looseObject(entries)),
      notFound: v.nullish(v.array(IdSchema), []),
    })
  })
}

// A parsed message is in no mailbox: these come back null (threadId may be known).
const parsedNullProperties = new Set(['id', 'mailboxIds', 'keywords', 'receivedAt', 'threadId'])

/**
 * The response schema factory of Email/parse, narrowed like Email/get.
 *
 * @see RFC 8621 §4.9
 * @example defineCapability({ urn, methods: { 'Email/parse': { response: emailParseResponseSchema() } } })
 */
/* @__NO_SIDE_EFFECTS__ */
export function emailParseResponseSchema(): ResponseSchemaFactory {
  return cachedByArguments((args) => {
    const properties = stringList(args.properties, defaultEmailParseProperties)
    const bodyProperties = stringList(args.bodyProperties, defaultEmailBodyProperties)
    const entries = selectedEmailEntries(properties, bodyProperties)
    for (const [name, schema] of Object.entries(entries)) {
      if (parsedNullProperties.has(name)) entries[name] = v.nullable(schema)
    }
    return v.looseObject({
      accountId: IdSchema,
      parsed: v.nullish(v.record(v.string(), v.looseObject(entries)), null),
      notParsable: v.nullish(v.array(IdSchema), null),
      notFound: v.nullish(v.array(IdSchema), null),
    })
  })
}

const emailCreatedSchema = v.looseObject({
  id: IdSchema,
  blobId: IdSchema,
  threadId: IdSchema,
  size: UnsignedIntSchema,
})

/**
 * The response schema of Email/import.
 *
 * @see RFC 8621 §4.8
 */
export const emailImportResponseSchema: ResponseSchema = v.looseObject({
  accountId: IdSchema,
  oldState: v.nullish(v.string(), null),
  // Cyrus 3.6 answers Email/import without oldState and newState.
  newState: v.nullish(v.string(), null),
  created: v.nullish(v.record(v.string(), emailCreatedSchema), null),
  notCreated: v.nullish(v.record(v.string(), SetErrorSchema), null),
})
