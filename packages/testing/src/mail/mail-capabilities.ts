/** RFC 8621 capability URNs. */
export const mailCapability = 'urn:ietf:params:jmap:mail'
/** RFC 8621 submission capability. */
export const submissionCapability = 'urn:ietf:params:jmap:submission'
/** RFC 8621 vacation response capability. */
export const vacationResponseCapability = 'urn:ietf:params:jmap:vacationresponse'

/** Properties that change whenever an Email moves or changes `$seen`. */
export const mailboxCountProperties: readonly string[] = [
  'totalEmails',
  'unreadEmails',
  'totalThreads',
  'unreadThreads',
]
