import { type Id, IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * What happened to the message an MDN reports on.
 *
 * @see RFC 9007 §2
 * @example { "actionMode": "manual-action", "sendingMode": "mdn-sent-manually", "type": "displayed" }
 */
export interface MdnDisposition {
  readonly actionMode: 'manual-action' | 'automatic-action'
  readonly sendingMode: 'mdn-sent-manually' | 'mdn-sent-automatically'
  readonly type: 'deleted' | 'dispatched' | 'displayed' | 'processed'
}

/**
 * A Message Disposition Notification (read receipt) to send or as parsed from a blob.
 *
 * @see RFC 9007 §2
 * @example { "forEmailId": "Md45b47b4877521042cec0938", "subject": "Read receipt", "textBody": "This is a receipt", "reportingUA": "joes-pc.cs.example.com; Foomail 97.1", "disposition": { "actionMode": "manual-action", "sendingMode": "mdn-sent-manually", "type": "displayed" }, … }
 */
export interface Mdn {
  readonly forEmailId: Id | null
  readonly subject: string | null
  readonly textBody: string | null
  readonly includeOriginalMessage: boolean
  readonly reportingUA: string | null
  readonly disposition: MdnDisposition
  readonly mdnGateway: string | null
  readonly originalRecipient: string | null
  readonly finalRecipient: string | null
  readonly originalMessageId: string | null
  readonly error: readonly string[] | null
  readonly extensionFields: Readonly<Record<string, string>> | null
}

/**
 * Validates an MDN Disposition.
 *
 * @see RFC 9007 §2
 */
export const MdnDispositionSchema: v.GenericSchema<unknown, MdnDisposition> = v.looseObject({
  // Strict: RFC 8098 §3.2.6 gives these three fields a closed grammar.
  actionMode: v.picklist(['manual-action', 'automatic-action']),
  sendingMode: v.picklist(['mdn-sent-manually', 'mdn-sent-automatically']),
  type: v.picklist(['deleted', 'dispatched', 'displayed', 'processed']),
})

const optionalNullableString = v.optional(v.nullable(v.string()), null)

/**
 * Validates an MDN; absent nullable properties read as null and an absent
 * `includeOriginalMessage` as false, the RFC defaults.
 *
 * @see RFC 9007 §2
 */
export const MdnSchema: v.GenericSchema<unknown, Mdn> = v.looseObject({
  forEmailId: v.optional(v.nullable(IdSchema), null),
  subject: optionalNullableString,
  textBody: optionalNullableString,
  includeOriginalMessage: v.optional(v.boolean(), false),
  reportingUA: optionalNullableString,
  disposition: MdnDispositionSchema,
  mdnGateway: optionalNullableString,
  originalRecipient: optionalNullableString,
  finalRecipient: optionalNullableString,
  originalMessageId: optionalNullableString,
  error: v.optional(v.nullable(v.array(v.string())), null),
  extensionFields: v.optional(v.nullable(v.record(v.string(), v.string())), null),
})
