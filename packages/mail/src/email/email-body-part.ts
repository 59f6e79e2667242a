import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema, type UnsignedInt, UnsignedIntSchema } from '@typed-jmap/core'
import { boundedNesting } from '@typed-jmap/core/internal'
import * as v from 'valibot'
import { type EmailHeader, EmailHeaderSchema } from './email-header.js'

/**
 * One MIME entity of an Email; multipart entities have `subParts` and no `partId`/`blobId`.
 *
 * @see RFC 8621 §4.1.4
 * @example { "partId": "1", "blobId": "B841623", "size": 2345, "name": null, "type": "text/plain", "charset": "utf-8", "disposition": null, "cid": null, "language": null, "location": null }
 */
export interface EmailBodyPart {
  readonly partId: string | null
  readonly blobId: Id | null
  readonly size: UnsignedInt
  readonly headers: readonly EmailHeader[]
  readonly name: string | null
  readonly type: string
  readonly charset: string | null
  readonly disposition: string | null
  readonly cid: string | null
  readonly language: readonly string[] | null
  readonly location: string | null
  readonly subParts: readonly EmailBodyPart[] | null
}

/**
 * The decoded text of a text/* body part, keyed by `partId` in `bodyValues`.
 *
 * @see RFC 8621 §4.1.4
 * @example { "value": "Hello world", "isEncodingProblem": false, "isTruncated": false }
 */
export interface EmailBodyValue {
  readonly value: string
  readonly isEncodingProblem: boolean
  readonly isTruncated: boolean
}

/**
 * The body-part properties fetched when `bodyProperties` is not given.
 *
 * @see RFC 8621 §4.2
 */
export const defaultEmailBodyProperties = [
  'partId',
  'blobId',
  'size',
  'name',
  'type',
  'charset',
  'disposition',
  'cid',
  'language',
  'location',
] as const

/**
 * A body-part property name that `defaultEmailBodyProperties` holds.
 *
 * @see RFC 8621 §4.2
 */
export type DefaultEmailBodyProperty = (typeof defaultEmailBodyProperties)[number]

/**
 * The schema of each EmailBodyPart property; `subParts` recurses lazily.
 *
 * @see RFC 8621 §4.1.4
 */
export const emailBodyPartPropertySchemas: PropertySchemas<EmailBodyPart> = {
  partId: v.nullable(v.string()),
  blobId: v.nullable(IdSchema),
  size: UnsignedIntSchema,
  headers: v.array(EmailHeaderSchema),
  name: v.nullable(v.string()),
  type: v.string(),
  charset: v.nullable(v.string()),
  disposition: v.nullable(v.string()),
  cid: v.nullable(v.string()),
  language: v.nullable(v.array(v.string())),
  location: v.nullable(v.string()),
  // A getter rather than `v.lazy`: read when a part is checked, after the module has
  // built the schema it recurses into (one valibot function fewer in an app's bundle).
  get subParts() {
    return subPartsSchema
  },
}

const unboundedBodyPartSchema: v.GenericSchema<unknown, EmailBodyPart> = v.looseObject(
  emailBodyPartPropertySchemas,
)

const subPartsSchema = v.nullable(v.array(unboundedBodyPartSchema))

/**
 * Validates a complete EmailBodyPart (all properties, recursively); unknown
 * properties are kept. `subParts` nested more than `maxResponseNesting` (128)
 * levels deep fail validation instead of overflowing the stack.
 *
 * @see RFC 8621 §4.1.4
 */
export const EmailBodyPartSchema: v.GenericSchema<unknown, EmailBodyPart> = boundedNesting(
  unboundedBodyPartSchema,
  'subParts',
)

/**
 * Validates an EmailBodyValue; the flags default to false as the RFC says.
 *
 * @see RFC 8621 §4.1.4
 */
export const EmailBodyValueSchema: v.GenericSchema<unknown, EmailBodyValue> = v.looseObject({
  value: v.string(),
  isEncodingProblem: v.optional(v.boolean(), false),
  isTruncated: v.optional(v.boolean(), false),
})
