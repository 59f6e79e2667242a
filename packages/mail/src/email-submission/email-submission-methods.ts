import type {
  ChangesMethod,
  GetMethod,
  Id,
  Identified,
  PatchObject,
  QueryChangesMethod,
  QueryMethod,
  SetMethod,
  SetResponse,
} from '@typed-jmap/core'
import type { submissionCapability } from '../capabilities/capability-urns.js'
import type { Email } from '../email/email.js'
import type { EmailCreated } from '../email/email-create.js'
import type { EmailUpdatable } from '../email/email-methods.js'
import type { EmailSubmission, Envelope } from './email-submission.js'
import type {
  EmailSubmissionFilterCondition,
  EmailSubmissionSortProperty,
} from './email-submission-filter.js'

/**
 * An EmailSubmission to create: which Email (an id or a `#creationId` of a draft made
 * earlier in the request) to send as which Identity, and optionally the envelope.
 *
 * @see RFC 8621 §7.5
 * @example { "identityId": "I1", "emailId": "#draft", "envelope": null }
 */
export interface EmailSubmissionCreate {
  readonly identityId: Id
  readonly emailId: Id
  readonly envelope?: Envelope | null
}

/**
 * What the server answers for a created EmailSubmission.
 *
 * @see RFC 8621 §7.5
 * @example { "id": "S1", "undoStatus": "final", "sendAt": "2026-11-21T22:59:04Z" }
 */
export interface EmailSubmissionCreated extends Partial<Omit<EmailSubmission, 'id'>>, Identified {}

/**
 * Arguments EmailSubmission/set adds: Email changes to make once submissions succeed.
 * Keys are EmailSubmission ids or `#creationId`s of submissions created in the same call.
 *
 * @see RFC 8621 §7.5
 * @example { "onSuccessUpdateEmail": { "#sub": { "mailboxIds/MBdrafts": null, "mailboxIds/MBsent": true, "keywords/$draft": null } } }
 */
export interface EmailSubmissionSetExtraArguments {
  readonly onSuccessUpdateEmail?: Readonly<Record<Id, PatchObject<Email>>> | null
  readonly onSuccessDestroyEmail?: readonly Id[] | null
}

/**
 * The response of the implicit Email/set that follows EmailSubmission/set (and MDN/send)
 * under the same call id when `onSuccess…Email` was given.
 *
 * @see RFC 8621 §7.5
 * @example { "accountId": "u1", "oldState": "1", "newState": "2", "updated": { "M1": null } }
 */
export interface ImplicitEmailSetResponse extends SetResponse<EmailCreated, Email> {}

/**
 * `EmailSubmission/get`.
 *
 * @see RFC 8621 §7.1
 */
export interface EmailSubmissionGetMethod
  extends GetMethod<typeof submissionCapability, EmailSubmission> {}

/**
 * `EmailSubmission/changes`.
 *
 * @see RFC 8621 §7.2
 */
export interface EmailSubmissionChangesMethod extends ChangesMethod<typeof submissionCapability> {}

/**
 * `EmailSubmission/query`.
 *
 * @see RFC 8621 §7.3
 */
export interface EmailSubmissionQueryMethod
  extends QueryMethod<
    typeof submissionCapability,
    EmailSubmissionFilterCondition,
    EmailSubmissionSortProperty
  > {}

/**
 * `EmailSubmission/queryChanges`.
 *
 * @see RFC 8621 §7.4
 */
export interface EmailSubmissionQueryChangesMethod
  extends QueryChangesMethod<
    typeof submissionCapability,
    EmailSubmissionFilterCondition,
    EmailSubmissionSortProperty
  > {}

/**
 * An update of an EmailSubmission: only cancelling a pending one is allowed.
 *
 * @see RFC 8621 §7.5
 */
export interface EmailSubmissionUpdatable {
  readonly undoStatus: 'canceled'
}

/**
 * `EmailSubmission/set`, with `onSuccessUpdateEmail` and `onSuccessDestroyEmail`; the
 * implicit Email/set response is `ImplicitEmailSetResponse`.
 *
 * @see RFC 8621 §7.5
 */
export interface EmailSubmissionSetMethod
  extends Omit<
    SetMethod<
      typeof submissionCapability,
      EmailSubmission,
      EmailSubmissionCreate,
      EmailSubmissionCreated,
      EmailSubmissionSetExtraArguments
    >,
    '~object'
  > {
  /** Phantom: only `undoStatus` may be patched. */
  readonly '~object': EmailSubmissionUpdatable & Identified
  /** Phantom: `#creationId`s in these may only name submissions this call creates. */
  readonly '~ownCreationReferences': 'onSuccessUpdateEmail' | 'onSuccessDestroyEmail'
  /** Phantom: `onSuccessUpdateEmail` holds Email patches, checked as Email/set's `update`. */
  readonly '~patchArguments': { readonly onSuccessUpdateEmail: EmailUpdatable }
}
