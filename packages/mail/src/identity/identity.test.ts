import { loadFixture, responseBody } from '@typed-jmap/fixtures'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { IdentitySchema } from './identity.js'

describe('IdentitySchema', () => {
  it('parses the RFC 8621 §6.4 identities, wildcard address included', () => {
    const args = responseBody(loadFixture('mail', 'rfc8621', '6.4-identity-get'))
      .methodResponses[0]?.[1]
    const { list } = v.parse(v.object({ list: v.array(IdentitySchema) }), args)
    expect(list.map((identity) => identity.email)).toEqual(['joe@example.com', '*@example.com'])
    expect(list[0]?.bcc?.[0]?.email).toBe('joe+archive@example.com')
  })

  it('fills the RFC defaults for what Cyrus leaves out', () => {
    // Recorded from Cyrus 3.10 (transcripts/13-identity-get.txt).
    const cyrus = { id: 'test', name: '', email: '', mayDelete: false }
    expect(v.parse(IdentitySchema, cyrus)).toEqual({
      ...cyrus,
      replyTo: null,
      bcc: null,
      textSignature: '',
      htmlSignature: '',
    })
  })

  it('rejects an identity without email', () => {
    expect(v.safeParse(IdentitySchema, { id: 'i', mayDelete: true }).success).toBe(false)
  })
})
