import type {
  EmailChangesMethod,
  EmailCopyMethod,
  EmailGetMethod,
  EmailImportMethod,
  EmailParseMethod,
  EmailQueryChangesMethod,
  EmailQueryMethod,
  EmailSetMethod,
} from '../email/email-methods.js'
import type {
  EmailSubmissionChangesMethod,
  EmailSubmissionGetMethod,
  EmailSubmissionQueryChangesMethod,
  EmailSubmissionQueryMethod,
  EmailSubmissionSetMethod,
} from '../email-submission/email-submission-methods.js'
import type {
  IdentityChangesMethod,
  IdentityGetMethod,
  IdentitySetMethod,
} from '../identity/identity-methods.js'
import type {
  MailboxChangesMethod,
  MailboxGetMethod,
  MailboxQueryChangesMethod,
  MailboxQueryMethod,
  MailboxSetMethod,
} from '../mailbox/mailbox-methods.js'
import type { MdnParseMethod, MdnSendMethod } from '../mdn/mdn-methods.js'
import type {
  QuotaChangesMethod,
  QuotaGetMethod,
  QuotaQueryChangesMethod,
  QuotaQueryMethod,
} from '../quota/quota-methods.js'
import type { SearchSnippetGetMethod } from '../search-snippet/search-snippet-methods.js'
import type { ThreadChangesMethod, ThreadGetMethod } from '../thread/thread-methods.js'
import type {
  VacationResponseGetMethod,
  VacationResponseSetMethod,
} from '../vacation-response/vacation-response-methods.js'
import type {
  EmptyCapability,
  MailAccountCapability,
  SubmissionAccountCapability,
} from './account-capabilities.js'

/**
 * The methods of `urn:ietf:params:jmap:mail`.
 *
 * @see RFC 8621 §2–5
 */
export interface MailMethods {
  'Mailbox/get': MailboxGetMethod
  'Mailbox/changes': MailboxChangesMethod
  'Mailbox/query': MailboxQueryMethod
  'Mailbox/queryChanges': MailboxQueryChangesMethod
  'Mailbox/set': MailboxSetMethod
  'Thread/get': ThreadGetMethod
  'Thread/changes': ThreadChangesMethod
  'Email/get': EmailGetMethod
  'Email/changes': EmailChangesMethod
  'Email/query': EmailQueryMethod
  'Email/queryChanges': EmailQueryChangesMethod
  'Email/set': EmailSetMethod
  'Email/copy': EmailCopyMethod
  'Email/import': EmailImportMethod
  'Email/parse': EmailParseMethod
  'SearchSnippet/get': SearchSnippetGetMethod
}

/**
 * The methods of `urn:ietf:params:jmap:submission`.
 *
 * @see RFC 8621 §6–7
 */
export interface SubmissionMethods {
  'Identity/get': IdentityGetMethod
  'Identity/changes': IdentityChangesMethod
  'Identity/set': IdentitySetMethod
  'EmailSubmission/get': EmailSubmissionGetMethod
  'EmailSubmission/changes': EmailSubmissionChangesMethod
  'EmailSubmission/query': EmailSubmissionQueryMethod
  'EmailSubmission/queryChanges': EmailSubmissionQueryChangesMethod
  'EmailSubmission/set': EmailSubmissionSetMethod
}

/**
 * The methods of `urn:ietf:params:jmap:vacationresponse`.
 *
 * @see RFC 8621 §8
 */
export interface VacationResponseMethods {
  'VacationResponse/get': VacationResponseGetMethod
  'VacationResponse/set': VacationResponseSetMethod
}

/**
 * The methods of `urn:ietf:params:jmap:mdn`.
 *
 * @see RFC 9007 §3
 */
export interface MdnMethods {
  'MDN/send': MdnSendMethod
  'MDN/parse': MdnParseMethod
}

/**
 * The methods of `urn:ietf:params:jmap:quota`.
 *
 * @see RFC 9425 §5
 */
export interface QuotaMethods {
  'Quota/get': QuotaGetMethod
  'Quota/changes': QuotaChangesMethod
  'Quota/query': QuotaQueryMethod
  'Quota/queryChanges': QuotaQueryChangesMethod
}

/**
 * Every method this package registers.
 *
 * @see RFC 8621, RFC 9007, RFC 9425
 */
export interface AllMailMethods
  extends MailMethods,
    SubmissionMethods,
    VacationResponseMethods,
    MdnMethods,
    QuotaMethods {}

declare module '@typed-jmap/core' {
  interface Methods extends AllMailMethods {}
  interface PushOnlyDataTypes {
    /** RFC 8621 §1.5: a push-only type whose state changes when mail is delivered. */
    readonly EmailDelivery: true
  }
  interface Capabilities {
    'urn:ietf:params:jmap:mail': {
      readonly session: EmptyCapability
      readonly account: MailAccountCapability
    }
    'urn:ietf:params:jmap:submission': {
      readonly session: EmptyCapability
      readonly account: SubmissionAccountCapability
    }
    'urn:ietf:params:jmap:vacationresponse': {
      readonly session: EmptyCapability
      readonly account: EmptyCapability
    }
    'urn:ietf:params:jmap:mdn': {
      readonly session: EmptyCapability
      readonly account: EmptyCapability
    }
    'urn:ietf:params:jmap:quota': {
      readonly session: EmptyCapability
      readonly account: EmptyCapability
    }
  }
}
