import { type UnsignedInt, UnsignedIntSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The mail capability of an account.
 *
 * Cyrus (3.6–3.12) sends the pre-RFC `emailsListSortOptions` instead of
 * `emailQuerySortOptions` and omits `maxMailboxDepth` and `maxSizeMailboxName`; the
 * schema copies the former into `emailQuerySortOptions` and reads a missing
 * `maxMailboxDepth` as null (no limit), so code written against the RFC works there.
 *
 * @see RFC 8621 §1.3.1
 * @example { "maxMailboxesPerEmail": null, "maxMailboxDepth": 10, "maxSizeMailboxName": 490, "maxSizeAttachmentsPerEmail": 50000000, "emailQuerySortOptions": ["receivedAt", "from", "to", "subject", "size"], "mayCreateTopLevelMailbox": true }
 */
export interface MailAccountCapability {
  readonly maxMailboxesPerEmail: UnsignedInt | null
  readonly maxMailboxDepth: UnsignedInt | null
  /** Absent on Cyrus; the RFC guarantees at least 100. */
  readonly maxSizeMailboxName?: UnsignedInt
  readonly maxSizeAttachmentsPerEmail: UnsignedInt
  readonly emailQuerySortOptions: readonly string[]
  readonly mayCreateTopLevelMailbox: boolean
  /** Cyrus's pre-RFC name for `emailQuerySortOptions`, as sent. */
  readonly emailsListSortOptions?: readonly string[]
  /** Cyrus extension: the most keywords one Email may have. */
  readonly maxKeywordsPerEmail?: UnsignedInt
}

/**
 * The submission capability of an account.
 *
 * @see RFC 8621 §1.3.2
 * @example { "maxDelayedSend": 44236800, "submissionExtensions": { "size": ["52428800"], "dsn": [] } }
 */
export interface SubmissionAccountCapability {
  readonly maxDelayedSend: UnsignedInt
  readonly submissionExtensions: Readonly<Record<string, readonly string[]>>
}

/**
 * A capability whose value is an empty object (`{}`); members a server adds are kept.
 *
 * @see RFC 8621 §1.3.3
 * @example {}
 */
export interface EmptyCapability {
  readonly [member: string]: unknown
}

const sortOptionsSchema = v.array(v.string())

/**
 * Validates the mail account capability, normalising Cyrus's pre-RFC names.
 *
 * @see RFC 8621 §1.3.1
 */
export const MailAccountCapabilitySchema: v.GenericSchema<unknown, MailAccountCapability> = v.pipe(
  v.looseObject({
    maxMailboxesPerEmail: v.optional(v.nullable(UnsignedIntSchema), null),
    maxMailboxDepth: v.optional(v.nullable(UnsignedIntSchema), null),
    maxSizeMailboxName: v.exactOptional(UnsignedIntSchema),
    maxSizeAttachmentsPerEmail: UnsignedIntSchema,
    emailQuerySortOptions: v.exactOptional(sortOptionsSchema),
    emailsListSortOptions: v.exactOptional(sortOptionsSchema),
    maxKeywordsPerEmail: v.exactOptional(UnsignedIntSchema),
    mayCreateTopLevelMailbox: v.boolean(),
  }),
  // With neither name sent, `receivedAt` is the one sort RFC 8621 §4.4.2 makes mandatory.
  v.transform((capability) => ({
    ...capability,
    emailQuerySortOptions: capability.emailQuerySortOptions ??
      capability.emailsListSortOptions ?? ['receivedAt'],
  })),
)

/**
 * Validates the submission account capability.
 *
 * @see RFC 8621 §1.3.2
 */
export const SubmissionAccountCapabilitySchema: v.GenericSchema<
  unknown,
  SubmissionAccountCapability
> = v.looseObject({
  maxDelayedSend: UnsignedIntSchema,
  submissionExtensions: v.record(v.string(), v.array(v.string())),
})

/**
 * Validates a capability whose value is an empty object, keeping any members.
 *
 * @see RFC 8621 §1.3.3
 */
export const EmptyCapabilitySchema: v.GenericSchema<unknown, EmptyCapability> = v.looseObject({})
