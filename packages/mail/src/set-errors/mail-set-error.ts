import {
  type Id,
  IdSchema,
  type SetError,
  type SetErrorFields,
  type UnsignedInt,
  UnsignedIntSchema,
} from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * A SetError type RFC 8621 or RFC 9007 adds without extra fields.
 *
 * @see RFC 8621 §9.4; RFC 9007 §3.1
 */
export type PlainMailSetErrorType =
  | 'mailboxHasChild'
  | 'mailboxHasEmail'
  | 'tooManyKeywords'
  | 'tooManyMailboxes'
  | 'noRecipients'
  | 'forbiddenMailFrom'
  | 'forbiddenFrom'
  | 'forbiddenToSend'
  | 'cannotUnsend'
  | 'mdnAlreadySent'

/**
 * A mail SetError without extra fields.
 *
 * @see RFC 8621 §9.4
 * @example { "type": "mailboxHasEmail" }
 */
export interface PlainMailSetError extends SetErrorFields<PlainMailSetErrorType> {}

/**
 * Email/set: the blobs of body parts that do not exist.
 *
 * @see RFC 8621 §4.6
 * @example { "type": "blobNotFound", "notFound": ["Gmissing1"] }
 */
export interface BlobNotFoundSetError extends SetErrorFields<'blobNotFound'> {
  readonly notFound: readonly Id[]
}

/**
 * Email/import or EmailSubmission/set: the message is not valid (for a submission,
 * `properties` names the faulty Email properties).
 *
 * @see RFC 8621 §4.8, §7.5
 * @example { "type": "invalidEmail", "properties": ["from"] }
 */
export interface InvalidEmailSetError extends SetErrorFields<'invalidEmail'> {
  readonly properties?: readonly string[]
}

/**
 * EmailSubmission/set: more recipients than the server allows.
 *
 * @see RFC 8621 §7.5
 * @example { "type": "tooManyRecipients", "maxRecipients": 100 }
 */
export interface TooManyRecipientsSetError extends SetErrorFields<'tooManyRecipients'> {
  readonly maxRecipients: UnsignedInt
}

/**
 * EmailSubmission/set: recipient addresses that are not valid.
 *
 * @see RFC 8621 §7.5
 * @example { "type": "invalidRecipients", "invalidRecipients": ["x@@example.com"] }
 */
export interface InvalidRecipientsSetError extends SetErrorFields<'invalidRecipients'> {
  readonly invalidRecipients: readonly string[]
}

/**
 * EmailSubmission/set: the message is larger than the server accepts (`maxSize` in octets).
 *
 * @see RFC 8621 §7.5
 * @example { "type": "tooLarge", "maxSize": 10485760 }
 */
export interface MessageTooLargeSetError extends SetErrorFields<'tooLarge'> {
  readonly maxSize?: UnsignedInt
}

/**
 * Every SetError RFC 8621 and RFC 9007 define, with their fields.
 *
 * @see RFC 8621 §9.4
 */
export type MailSetError =
  | PlainMailSetError
  | BlobNotFoundSetError
  | InvalidEmailSetError
  | TooManyRecipientsSetError
  | InvalidRecipientsSetError
  | MessageTooLargeSetError

/**
 * The `type` of a mail SetError.
 *
 * @see RFC 8621 §9.4
 */
export type MailSetErrorType = MailSetError['type']

const description = v.optional(v.nullable(v.string()))
const plain = v.looseObject({ type: v.string(), description })

const fieldSchemas: { readonly [TType in MailSetErrorType]: v.GenericSchema<unknown, unknown> } = {
  mailboxHasChild: plain,
  mailboxHasEmail: plain,
  tooManyKeywords: plain,
  tooManyMailboxes: plain,
  noRecipients: plain,
  forbiddenMailFrom: plain,
  forbiddenFrom: plain,
  forbiddenToSend: plain,
  cannotUnsend: plain,
  mdnAlreadySent: plain,
  blobNotFound: v.looseObject({ description, notFound: v.array(IdSchema) }),
  invalidEmail: v.looseObject({ description, properties: v.optional(v.array(v.string())) }),
  tooManyRecipients: v.looseObject({ description, maxRecipients: UnsignedIntSchema }),
  invalidRecipients: v.looseObject({ description, invalidRecipients: v.array(v.string()) }),
  tooLarge: v.looseObject({ description, maxSize: v.optional(UnsignedIntSchema) }),
}

/**
 * Tells whether a SetError is the given mail SetError type with the fields the RFC
 * gives it, so they can be read typed.
 *
 * @see RFC 8621 §9.4
 * @example
 * const error = set.notCreated?.k1
 * if (error && isMailSetError(error, 'blobNotFound')) error.notFound // Id[]
 */
export function isMailSetError<TType extends MailSetErrorType>(
  error: SetError,
  type: TType,
): error is Extract<MailSetError, { readonly type: TType }> & SetError {
  return error.type === type && v.is(fieldSchemas[type], error)
}
