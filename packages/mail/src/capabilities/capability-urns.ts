/**
 * The capability for Mailbox, Thread, Email and SearchSnippet.
 *
 * @see RFC 8621 §1.3.1
 */
export const mailCapability = 'urn:ietf:params:jmap:mail'

/**
 * The capability for Identity and EmailSubmission.
 *
 * @see RFC 8621 §1.3.2
 */
export const submissionCapability = 'urn:ietf:params:jmap:submission'

/**
 * The capability for VacationResponse.
 *
 * @see RFC 8621 §1.3.3
 */
export const vacationResponseCapability = 'urn:ietf:params:jmap:vacationresponse'

/**
 * The capability for MDN/send and MDN/parse (requests must also use the mail capability).
 *
 * @see RFC 9007 §3
 */
export const mdnCapability = 'urn:ietf:params:jmap:mdn'

/**
 * The capability for Quota.
 *
 * @see RFC 9425 §3
 */
export const quotaCapability = 'urn:ietf:params:jmap:quota'
