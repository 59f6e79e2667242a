import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ParticipantIdentityWireSchema } from './participant-identity-schema.js'

describe('ParticipantIdentityWireSchema', () => {
  it("reads Cyrus's sendTo map as calendarAddress", () => {
    // ParticipantIdentity/get on Cyrus 3.10.2 (fixtures/transcripts/cyrus-3.10/21-calendar-get.txt).
    const identity = v.parse(ParticipantIdentityWireSchema, {
      id: '1a3b7690ea2608d13988aca8339acf759daa8483',
      name: '',
      sendTo: { imip: 'mailto:test@localhost' },
    })
    expect(identity.calendarAddress).toBe('mailto:test@localhost')
    expect(identity).not.toHaveProperty('sendTo')
  })

  it('reads the standard shape as it is and rejects an identity without an address', () => {
    const standard = {
      id: '3',
      name: 'Jane Doe',
      calendarAddress: 'mailto:jane@example.com',
      isDefault: true,
    }
    expect(v.parse(ParticipantIdentityWireSchema, standard)).toEqual(standard)
    expect(v.safeParse(ParticipantIdentityWireSchema, { id: '3', name: 'x' }).success).toBe(false)
  })
})
