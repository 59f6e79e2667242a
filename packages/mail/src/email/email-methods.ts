import type {
  ChangesMethod,
  CopyMethod,
  GetArguments,
  GetResponse,
  Id,
  QueryChangesMethod,
  QueryMethod,
  SetError,
  SetMethod,
} from '@typed-jmap/core'
import type { mailCapability } from '../capabilities/capability-urns.js'
import type { Email } from './email.js'
import type { EmailCopyCreate, EmailCreate, EmailCreated, EmailImport } from './email-create.js'
import type { EmailComparator, EmailFilterCondition } from './email-filter.js'
import type { EmailHeaderPropertyCheck } from './email-header-property-check.js'
import type {
  EmailBodyPartPropertyName,
  EmailForGetArguments,
  EmailPropertyName,
  ParsedEmailForArguments,
} from './email-selection.js'

/**
 * The arguments of Email/get and Email/parse that choose body parts and body values.
 *
 * @see RFC 8621 §4.2
 * @example { "bodyProperties": ["partId", "type"], "fetchTextBodyValues": true, "maxBodyValueBytes": 256 }
 */
export interface EmailBodyFetchArguments {
  readonly bodyProperties?: readonly EmailBodyPartPropertyName[] | null
  readonly fetchTextBodyValues?: boolean
  readonly fetchHTMLBodyValues?: boolean
  readonly fetchAllBodyValues?: boolean
  readonly maxBodyValueBytes?: number
}

/**
 * The arguments of Email/get.
 *
 * @see RFC 8621 §4.2
 * @example { "accountId": "u1", "ids": ["M1"], "properties": ["subject", "header:List-Id:asText"], "fetchTextBodyValues": true }
 */
export interface EmailGetArguments
  extends GetArguments<EmailPropertyName>,
    EmailBodyFetchArguments {}

/**
 * `Email/get`: the response holds exactly the asked-for properties (the RFC default list
 * when `properties` is omitted), header properties under the name sent, body parts with
 * the asked-for `bodyProperties`, and `bodyValues` that are empty unless a
 * `fetch…BodyValues` argument is true.
 *
 * @see RFC 8621 §4.2
 */
export interface EmailGetMethod {
  readonly capability: typeof mailCapability
  readonly args: EmailGetArguments
  readonly response: GetResponse<EmailForGetArguments<this['~args']>>
  readonly '~args': unknown
  /** Phantom: the arguments besides `properties` the response reads (for `t.Email.get`). */
  readonly '~responseArguments':
    | 'fetchTextBodyValues'
    | 'fetchHTMLBodyValues'
    | 'fetchAllBodyValues'
  /** Phantom: rejects `header:` forms the field does not allow, at the call. */
  readonly '~itemCheck': EmailHeaderPropertyCheck
}

/**
 * `Email/changes`.
 *
 * @see RFC 8621 §4.3
 */
export interface EmailChangesMethod extends ChangesMethod<typeof mailCapability> {}

/**
 * The argument Email/query and Email/queryChanges add: one Email per Thread.
 *
 * @see RFC 8621 §4.4
 * @example { "collapseThreads": true }
 */
export interface EmailQueryExtraArguments {
  readonly collapseThreads?: boolean
}

/**
 * `Email/query`: every RFC filter condition, keyword sorts with their `keyword`.
 *
 * @see RFC 8621 §4.4
 */
export interface EmailQueryMethod
  extends QueryMethod<
    typeof mailCapability,
    EmailFilterCondition,
    EmailComparator,
    EmailQueryExtraArguments
  > {}

/**
 * `Email/queryChanges`: pass the same filter, sort and `collapseThreads` as the query.
 *
 * @see RFC 8621 §4.5
 */
export interface EmailQueryChangesMethod
  extends QueryChangesMethod<
    typeof mailCapability,
    EmailFilterCondition,
    EmailComparator,
    EmailQueryExtraArguments
  > {}

/**
 * The part of an Email an update may change: everything else is immutable.
 *
 * @see RFC 8621 §4.6
 */
export interface EmailUpdatable extends Pick<Email, 'id' | 'mailboxIds' | 'keywords'> {}

/**
 * `Email/set`: create drafts, patch `keywords`/`mailboxIds` (the only mutable
 * properties), destroy.
 *
 * @see RFC 8621 §4.6
 */
export interface EmailSetMethod
  extends Omit<SetMethod<typeof mailCapability, Email, EmailCreate, EmailCreated>, '~object'> {
  /** Phantom: update patches are checked against the mutable properties only. */
  readonly '~object': EmailUpdatable
}

/**
 * `Email/copy`: copy Emails from another account, setting only `mailboxIds`,
 * `keywords` and `receivedAt`.
 *
 * @see RFC 8621 §4.7
 */
export interface EmailCopyMethod
  extends CopyMethod<typeof mailCapability, Email, EmailCopyCreate, EmailCreated> {}

/**
 * The arguments of Email/import.
 *
 * @see RFC 8621 §4.8
 * @example { "accountId": "u1", "emails": { "k1": { "blobId": "Gb1", "mailboxIds": { "MBinbox": true } } } }
 */
export interface EmailImportArguments {
  readonly accountId: string
  readonly ifInState?: string | null
  readonly emails: { readonly [creationId: string]: EmailImport }
}

/**
 * The response of Email/import.
 *
 * @see RFC 8621 §4.8
 * @example { "accountId": "u1", "oldState": "1", "newState": "2", "created": { "k1": { "id": "M1", "blobId": "Gb1", "threadId": "T1", "size": 400 } }, "notCreated": null }
 */
export interface EmailImportResponse {
  readonly accountId: Id
  readonly oldState: string | null
  /** Null when the server leaves it out, as Cyrus 3.6 does. */
  readonly newState: string | null
  readonly created: Record<string, EmailCreated> | null
  readonly notCreated: Record<string, SetError> | null
}

/**
 * `Email/import`: add RFC 5322 messages from uploaded blobs.
 *
 * @see RFC 8621 §4.8
 */
export interface EmailImportMethod {
  readonly capability: typeof mailCapability
  readonly args: EmailImportArguments
  readonly response: EmailImportResponse
  readonly '~args': unknown
}

/**
 * The arguments of Email/parse.
 *
 * @see RFC 8621 §4.9
 * @example { "accountId": "u1", "blobIds": ["Gb1"], "fetchTextBodyValues": true }
 */
export interface EmailParseArguments extends EmailBodyFetchArguments {
  readonly accountId: string
  readonly blobIds: readonly Id[]
  readonly properties?: readonly EmailPropertyName[] | null
}

/**
 * The response of Email/parse for Emails of type `TEmail`.
 *
 * @see RFC 8621 §4.9
 * @example { "accountId": "u1", "parsed": { "Gb1": { "subject": "Hi", … } }, "notParsable": [], "notFound": [] }
 */
export interface EmailParseResponse<TEmail> {
  readonly accountId: Id
  readonly parsed: Record<Id, TEmail> | null
  readonly notParsable: Id[] | null
  readonly notFound: Id[] | null
}

/**
 * `Email/parse`: read messages from blobs (attached `message/rfc822` parts) without
 * importing them; narrowed like Email/get, with `id`, `mailboxIds`, `keywords` and
 * `receivedAt` null.
 *
 * @see RFC 8621 §4.9
 */
export interface EmailParseMethod {
  readonly capability: typeof mailCapability
  readonly args: EmailParseArguments
  readonly response: EmailParseResponse<ParsedEmailForArguments<this['~args']>>
  readonly '~args': unknown
  /** Phantom: the arguments besides `properties` the response reads (for `t.Email.get`). */
  readonly '~responseArguments':
    | 'fetchTextBodyValues'
    | 'fetchHTMLBodyValues'
    | 'fetchAllBodyValues'
  /** Phantom: rejects `header:` forms the field does not allow, at the call. */
  readonly '~itemCheck': EmailHeaderPropertyCheck
}
