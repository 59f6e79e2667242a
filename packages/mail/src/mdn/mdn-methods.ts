import type { Id, PatchObject, SetError } from '@typed-jmap/core'
import type { mdnCapability } from '../capabilities/capability-urns.js'
import type { Email } from '../email/email.js'
import type { EmailUpdatable } from '../email/email-methods.js'
import type { Mdn, MdnDisposition } from './mdn.js'

/**
 * An MDN to send for one Email: `forEmailId` and `disposition` are required.
 *
 * @see RFC 9007 §3.1
 * @example { "forEmailId": "M1", "subject": "Read receipt", "disposition": { "actionMode": "manual-action", "sendingMode": "mdn-sent-manually", "type": "displayed" } }
 */
export interface MdnCreate {
  readonly forEmailId: Id
  readonly disposition: MdnDisposition
  readonly subject?: string | null
  readonly textBody?: string | null
  readonly includeOriginalMessage?: boolean
  readonly reportingUA?: string | null
  readonly finalRecipient?: string | null
  readonly extensionFields?: Readonly<Record<string, string>> | null
}

/**
 * The arguments of MDN/send. The server refuses the call unless `onSuccessUpdateEmail`
 * sets `keywords/$mdnsent` on each Email; its keys are Email ids.
 *
 * @see RFC 9007 §3.1
 * @example { "accountId": "u1", "identityId": "I1", "send": { "k1": { "forEmailId": "M1", … } }, "onSuccessUpdateEmail": { "#k1": { "keywords/$mdnsent": true } } }
 */
export interface MdnSendArguments {
  readonly accountId: string
  readonly identityId: Id
  readonly send: { readonly [creationId: string]: MdnCreate }
  readonly onSuccessUpdateEmail?: Readonly<Record<Id, PatchObject<Email>>> | null
}

/**
 * The response of MDN/send; an implicit Email/set response follows under the same call id.
 *
 * @see RFC 9007 §3.1
 * @example { "accountId": "u1", "sent": { "k1": { "finalRecipient": "rfc822; joe@example.com" } }, "notSent": null }
 */
export interface MdnSendResponse {
  readonly accountId: Id
  readonly sent: Record<string, Partial<Mdn>> | null
  readonly notSent: Record<string, SetError> | null
}

/**
 * `MDN/send`: send read receipts (needs the mail capability too).
 *
 * @see RFC 9007 §3.1
 */
export interface MdnSendMethod {
  readonly capability: typeof mdnCapability
  readonly args: MdnSendArguments
  readonly response: MdnSendResponse
  readonly '~args': unknown
  /** `send` is keyed by creation ids (`onSuccessUpdateEmail` refers to them). */
  readonly '~creationArguments': 'send'
  /** Phantom: `onSuccessUpdateEmail` holds Email patches, checked as Email/set's `update`. */
  readonly '~patchArguments': { readonly onSuccessUpdateEmail: EmailUpdatable }
  /** `#creationId` keys of `onSuccessUpdateEmail` name MDNs of this call's `send`. */
  readonly '~ownCreationReferences': 'onSuccessUpdateEmail'
}

/**
 * The arguments of MDN/parse.
 *
 * @see RFC 9007 §3.2
 * @example { "accountId": "u1", "blobIds": ["Gb1"] }
 */
export interface MdnParseArguments {
  readonly accountId: string
  readonly blobIds: readonly Id[]
}

/**
 * The response of MDN/parse.
 *
 * @see RFC 9007 §3.2
 * @example { "accountId": "u1", "parsed": { "Gb1": { "forEmailId": null, … } }, "notParsable": [], "notFound": [] }
 */
export interface MdnParseResponse {
  readonly accountId: Id
  readonly parsed: Record<Id, Mdn> | null
  readonly notParsable: Id[] | null
  readonly notFound: Id[] | null
}

/**
 * `MDN/parse`: read MDNs from blobs, typically `EmailSubmission.mdnBlobIds`.
 *
 * @see RFC 9007 §3.2
 */
export interface MdnParseMethod {
  readonly capability: typeof mdnCapability
  readonly args: MdnParseArguments
  readonly response: MdnParseResponse
  readonly '~args': unknown
}
