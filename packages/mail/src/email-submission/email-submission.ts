import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema, type UTCDate, UTCDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * An SMTP address with its MAIL FROM / RCPT TO parameters (null when there are none).
 *
 * @see RFC 8621 §7
 * @example { "email": "john@example.com", "parameters": { "HOLDFOR": "3600" } }
 */
export interface EmailSubmissionAddress {
  readonly email: string
  readonly parameters: Readonly<Record<string, string | null>> | null
}

/**
 * The SMTP envelope of a submission.
 *
 * @see RFC 8621 §7
 * @example { "mailFrom": { "email": "john@example.com", "parameters": null }, "rcptTo": [{ "email": "jane@example.com", "parameters": null }] }
 */
export interface Envelope {
  readonly mailFrom: EmailSubmissionAddress
  readonly rcptTo: readonly EmailSubmissionAddress[]
}

/**
 * Whether a submission can still be cancelled.
 *
 * @see RFC 8621 §7
 */
export type UndoStatus = 'pending' | 'final' | 'canceled'

/**
 * The delivery state of a submission for one recipient.
 *
 * @see RFC 8621 §7
 * @example { "smtpReply": "250 2.1.5 Ok", "delivered": "yes", "displayed": "unknown" }
 */
export interface DeliveryStatus {
  readonly smtpReply: string
  /**
   * An open set: RFC 8621 names four values, servers add their own (a
   * `"bounced"` seen in the wild), so any other string passes as well.
   */
  readonly delivered: 'queued' | 'yes' | 'no' | 'unknown' | (string & {})
  /** An open set like `delivered`: the two RFC values or any other string. */
  readonly displayed: 'unknown' | 'yes' | (string & {})
}

/**
 * The submission of an Email for delivery to the recipients of its envelope.
 *
 * @see RFC 8621 §7
 * @example { "id": "S1", "identityId": "I1", "emailId": "M1", "threadId": "T1", "envelope": null, "sendAt": "2026-11-21T22:59:04Z", "undoStatus": "final", "deliveryStatus": null, "dsnBlobIds": [], "mdnBlobIds": [] }
 */
export interface EmailSubmission {
  readonly id: Id
  readonly identityId: Id
  readonly emailId: Id
  readonly threadId: Id
  readonly envelope: Envelope | null
  readonly sendAt: UTCDate
  readonly undoStatus: UndoStatus
  readonly deliveryStatus: Readonly<Record<string, DeliveryStatus>> | null
  readonly dsnBlobIds: readonly Id[]
  readonly mdnBlobIds: readonly Id[]
}

/**
 * Validates an envelope address; a missing `parameters` (Cyrus omits it) reads as null.
 *
 * @see RFC 8621 §7
 */
export const EmailSubmissionAddressSchema: v.GenericSchema<unknown, EmailSubmissionAddress> =
  v.looseObject({
    email: v.string(),
    parameters: v.optional(v.nullable(v.record(v.string(), v.nullable(v.string()))), null),
  })

/**
 * Validates an Envelope.
 *
 * @see RFC 8621 §7
 */
export const EnvelopeSchema: v.GenericSchema<unknown, Envelope> = v.looseObject({
  mailFrom: EmailSubmissionAddressSchema,
  rcptTo: v.array(EmailSubmissionAddressSchema),
})

/**
 * Validates a DeliveryStatus.
 *
 * @see RFC 8621 §7
 */
export const DeliveryStatusSchema: v.GenericSchema<unknown, DeliveryStatus> = v.looseObject({
  smtpReply: v.string(),
  // Open sets (see DeliveryStatus): an unknown value must not reject a whole /get.
  delivered: v.string(),
  displayed: v.string(),
})

/**
 * The schema of each EmailSubmission property; absent `deliveryStatus`, `dsnBlobIds`
 * and `mdnBlobIds` read as null, [] and [].
 *
 * @see RFC 8621 §7
 */
export const emailSubmissionPropertySchemas: PropertySchemas<EmailSubmission> = {
  id: IdSchema,
  identityId: IdSchema,
  emailId: IdSchema,
  threadId: IdSchema,
  envelope: v.nullable(EnvelopeSchema),
  sendAt: UTCDateSchema,
  // Strict: a closed state machine (RFC 8621 §7) the client acts on; an
  // unknown state could not be handled correctly, so it is an error.
  undoStatus: v.picklist(['pending', 'final', 'canceled']),
  deliveryStatus: v.optional(v.nullable(v.record(v.string(), DeliveryStatusSchema)), null),
  dsnBlobIds: v.optional(v.array(IdSchema), []),
  mdnBlobIds: v.optional(v.array(IdSchema), []),
}

/**
 * Validates an EmailSubmission; unknown properties are kept.
 *
 * @see RFC 8621 §7
 */
export const EmailSubmissionSchema: v.GenericSchema<unknown, EmailSubmission> = v.looseObject(
  emailSubmissionPropertySchemas,
)
