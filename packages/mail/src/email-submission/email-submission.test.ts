import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { EmailSubmissionSchema } from './email-submission.js'

// Recorded from Cyrus 3.10 (transcripts/15-emailsubmission.txt): no envelope parameters.
const cyrusSubmission = {
  emailId: 'M821a26c6733500bcefedbf07',
  identityId: 'test',
  envelope: {
    mailFrom: { email: 'test@localhost' },
    rcptTo: [{ email: 'bob@example.test' }],
  },
  threadId: 'T13e9ff27785c0bae',
  id: 'S1',
  sendAt: '2026-11-21T22:59:04Z',
  undoStatus: 'final',
  deliveryStatus: null,
  dsnBlobIds: [],
  mdnBlobIds: [],
}

describe('EmailSubmissionSchema', () => {
  it('reads missing envelope parameters as null', () => {
    const submission = v.parse(EmailSubmissionSchema, cyrusSubmission)
    expect(submission.envelope?.mailFrom.parameters).toBeNull()
    expect(submission.envelope?.rcptTo[0]?.parameters).toBeNull()
  })

  it('parses SMTP parameters and delivery status per recipient', () => {
    const submission = v.parse(EmailSubmissionSchema, {
      ...cyrusSubmission,
      undoStatus: 'pending',
      envelope: {
        mailFrom: { email: 'john@example.com', parameters: { HOLDFOR: '3600', SMTPUTF8: null } },
        rcptTo: [{ email: 'jane@example.com', parameters: null }],
      },
      deliveryStatus: {
        'jane@example.com': {
          smtpReply: '250 2.1.5 OK',
          delivered: 'queued',
          displayed: 'unknown',
        },
      },
    })
    expect(submission.envelope?.mailFrom.parameters).toEqual({ HOLDFOR: '3600', SMTPUTF8: null })
    expect(submission.deliveryStatus?.['jane@example.com']?.delivered).toBe('queued')
  })

  it('rejects an undoStatus outside the RFC values', () => {
    const result = v.safeParse(EmailSubmissionSchema, { ...cyrusSubmission, undoStatus: 'sent' })
    expect(result.success).toBe(false)
  })
})
