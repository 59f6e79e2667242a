import * as v from 'valibot'
import { IdSchema } from '../primitives/id.js'
import { UnsignedIntSchema } from '../primitives/unsigned-int.js'
import { type CapabilityDefinition, defineCapability } from '../registry/capability-definition.js'
import type { ResponseSchema } from '../registry/method-runtime.js'
import { SetErrorSchema } from '../standard-methods/set-error.js'
import { type BlobAccountCapability, type BlobMethods, blobUrn } from './blob-methods.js'

const blobCreatedSchema = v.looseObject({
  id: IdSchema,
  type: v.nullish(v.string(), null),
  size: UnsignedIntSchema,
})

/** The schema of one asked `Blob/get` property. */
function blobPropertySchema(property: string): v.GenericSchema | undefined {
  if (property === 'size') return UnsignedIntSchema
  // RFC 9404 wants `null` when the octets are not UTF-8; Cyrus leaves the member out.
  if (property === 'data:asText') return v.nullish(v.string(), null)
  if (property === 'data:asBase64') return v.string()
  if (property.startsWith('digest:')) return v.string()
  return undefined
}

const blobGetItemCache = new Map<string, ResponseSchema>()

function blobGetItemSchema(properties: readonly unknown[]): ResponseSchema {
  const key = properties.join('\u0000')
  const cached = blobGetItemCache.get(key)
  if (cached !== undefined) return cached
  const entries: Record<string, v.GenericSchema> = {
    id: IdSchema,
    isEncodingProblem: v.optional(v.boolean()),
    isTruncated: v.optional(v.boolean()),
  }
  for (const property of properties) {
    if (property === 'data') {
      // One of the two, whichever fits the octets.
      entries['data:asText'] ??= v.optional(v.nullable(v.string()))
      entries['data:asBase64'] ??= v.optional(v.string())
      continue
    }
    const schema = typeof property === 'string' ? blobPropertySchema(property) : undefined
    if (schema !== undefined && typeof property === 'string') entries[property] = schema
  }
  const item = v.looseObject(entries)
  if (blobGetItemCache.size >= 64) blobGetItemCache.clear()
  blobGetItemCache.set(key, item)
  return item
}

const blobGetEnvelope = (item: ResponseSchema): ResponseSchema =>
  v.looseObject({
    accountId: IdSchema,
    list: v.array(item),
    notFound: v.nullish(v.array(IdSchema), []),
  })

/**
 * The schema of the `urn:ietf:params:jmap:blob` account capability.
 *
 * @see RFC 9404 §3.1
 * @example v.parse(BlobAccountCapabilitySchema, session.accounts[id].accountCapabilities[blobUrn])
 */
export const BlobAccountCapabilitySchema: v.GenericSchema<unknown, BlobAccountCapability> =
  v.looseObject({
    maxSizeBlobSet: v.nullable(UnsignedIntSchema),
    maxDataSources: UnsignedIntSchema,
    supportedTypeNames: v.array(v.string()),
    supportedDigestAlgorithms: v.array(v.string()),
  })

/**
 * The runtime table of `urn:ietf:params:jmap:blob` (RFC 9404): `Blob/upload`,
 * `Blob/get`, `Blob/lookup`. On Cyrus, which serves them under its own URN,
 * wrap the connection with {@link withCyrusBlobDialect}.
 *
 * @see RFC 9404
 * @example createClient({ sessionUrl, auth, capabilities: [blob, mail] })
 */
export const blob: CapabilityDefinition<typeof blobUrn, BlobMethods> = defineCapability<
  typeof blobUrn,
  BlobMethods
>({
  urn: blobUrn,
  accountCapability: BlobAccountCapabilitySchema,
  methods: {
    'Blob/upload': {
      response: v.looseObject({
        accountId: IdSchema,
        created: v.nullish(v.record(v.string(), blobCreatedSchema), null),
        notCreated: v.nullish(v.record(v.string(), SetErrorSchema), null),
      }),
    },
    'Blob/get': {
      response: (args) =>
        blobGetEnvelope(
          blobGetItemSchema(Array.isArray(args.properties) ? args.properties : ['data', 'size']),
        ),
    },
    'Blob/lookup': {
      response: v.looseObject({
        accountId: IdSchema,
        list: v.array(
          v.looseObject({ id: IdSchema, matchedIds: v.record(v.string(), v.array(IdSchema)) }),
        ),
        notFound: v.nullish(v.array(IdSchema), []),
      }),
    },
  },
})
