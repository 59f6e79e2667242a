import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  MailAccountCapabilitySchema,
  SubmissionAccountCapabilitySchema,
} from './account-capabilities.js'

// Recorded from Cyrus 3.6 and 3.10 (transcripts/02-session.json), sort options shortened.
const cyrusMail = {
  maxMailboxesPerEmail: 20,
  maxKeywordsPerEmail: 100,
  maxSizeAttachmentsPerEmail: 10485760,
  emailsListSortOptions: ['receivedAt', 'sentAt', 'from', 'size', 'hasKeyword'],
  mayCreateTopLevelMailbox: true,
}

describe('MailAccountCapabilitySchema', () => {
  it("normalises Cyrus's pre-RFC emailsListSortOptions and missing maxMailboxDepth", () => {
    const capability = v.parse(MailAccountCapabilitySchema, cyrusMail)
    expect(capability.emailQuerySortOptions).toEqual(cyrusMail.emailsListSortOptions)
    expect(capability.emailsListSortOptions).toEqual(cyrusMail.emailsListSortOptions)
    expect(capability.maxMailboxDepth).toBeNull()
    expect(capability.maxKeywordsPerEmail).toBe(100)
  })

  it('prefers the RFC name when both are sent', () => {
    const capability = v.parse(MailAccountCapabilitySchema, {
      ...cyrusMail,
      emailQuerySortOptions: ['receivedAt'],
      maxMailboxDepth: 10,
      maxSizeMailboxName: 490,
    })
    expect(capability.emailQuerySortOptions).toEqual(['receivedAt'])
    expect(capability.maxSizeMailboxName).toBe(490)
  })

  it('rejects a capability without mayCreateTopLevelMailbox', () => {
    const { mayCreateTopLevelMailbox: _m, ...incomplete } = cyrusMail
    expect(v.safeParse(MailAccountCapabilitySchema, incomplete).success).toBe(false)
  })
})

describe('SubmissionAccountCapabilitySchema', () => {
  it('parses the Cyrus submission capability', () => {
    const capability = v.parse(SubmissionAccountCapabilitySchema, {
      maxDelayedSend: 44236800,
      submissionExtensions: { size: ['52428800'], dsn: [] },
    })
    expect(capability.submissionExtensions.size).toEqual(['52428800'])
  })
})
