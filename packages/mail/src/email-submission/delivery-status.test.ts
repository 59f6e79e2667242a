import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DeliveryStatusSchema, EmailSubmissionSchema } from './email-submission.js'

const submission = {
  id: 'S1',
  identityId: 'I1',
  emailId: 'M1',
  threadId: 'T1',
  envelope: null,
  sendAt: '2026-11-21T22:59:04Z',
  undoStatus: 'final',
  deliveryStatus: {
    'a@example.com': { smtpReply: '550 5.1.1 No such user', delivered: 'bounced', displayed: 'no' },
  },
}

describe('EmailSubmission tolerance', () => {
  it('accepts a delivered/displayed value outside the RFC list (open sets)', () => {
    const parsed = v.parse(EmailSubmissionSchema, submission)
    expect(parsed.deliveryStatus?.['a@example.com']?.delivered).toBe('bounced')
  })

  it('still refuses a delivered value that is not a string', () => {
    expect(
      v.safeParse(DeliveryStatusSchema, { smtpReply: '', delivered: 1, displayed: 'yes' }).success,
    ).toBe(false)
  })

  it('keeps undoStatus strict: an unknown state cannot be acted on', () => {
    expect(v.safeParse(EmailSubmissionSchema, { ...submission, undoStatus: 'held' }).success).toBe(
      false,
    )
  })
})
