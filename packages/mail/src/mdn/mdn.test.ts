import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { MdnSchema } from './mdn.js'

// RFC 9007 §3.2 example of MDN/parse, with `extensionFields` (the RFC text writes `extension`).
const parsedMdn = {
  forEmailId: 'Md45b47b4877521042cec0938',
  subject: 'Read receipt for: World domination',
  textBody: 'This is a Read Receipt for ...',
  reportingUA: 'joes-pc.cs.example.com; Foomail 97.1',
  disposition: { actionMode: 'manual-action', sendingMode: 'mdn-sent-manually', type: 'displayed' },
  finalRecipient: 'rfc822; john@example.com',
  originalMessageId: '<199509192301.23456@example.org>',
  mdnGateway: null,
  originalRecipient: null,
  includeOriginalMessage: false,
  error: null,
  extensionFields: { 'X-EXTENSION-EXAMPLE': 'example.com' },
}

describe('MdnSchema', () => {
  it('parses the RFC 9007 parse example', () => {
    const mdn = v.parse(MdnSchema, parsedMdn)
    expect(mdn.disposition.type).toBe('displayed')
    expect(mdn.extensionFields).toEqual({ 'X-EXTENSION-EXAMPLE': 'example.com' })
  })

  it('fills RFC defaults for the minimum an MDN needs', () => {
    const mdn = v.parse(MdnSchema, { disposition: parsedMdn.disposition })
    expect(mdn.includeOriginalMessage).toBe(false)
    expect(mdn.forEmailId).toBeNull()
  })

  it('rejects upper-case disposition values (case-sensitive in JMAP)', () => {
    const upper = { ...parsedMdn, disposition: { ...parsedMdn.disposition, type: 'Displayed' } }
    expect(v.safeParse(MdnSchema, upper).success).toBe(false)
  })
})
