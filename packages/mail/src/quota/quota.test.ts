import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { QuotaSchema } from './quota.js'

// RFC 9425 §5.1 example (with a registered type name instead of the example's "Mail").
const quota = {
  id: '2a06df0d-9865-4e74-a92f-74dcc814270e',
  resourceType: 'octets',
  used: 50000,
  warnLimit: 900000,
  hardLimit: 1000000,
  scope: 'account',
  name: 'bob@example.com',
  description: 'Personal account usage',
  types: ['Email'],
}

describe('QuotaSchema', () => {
  it('parses the RFC 9425 example', () => {
    expect(v.parse(QuotaSchema, quota)).toEqual(quota)
  })

  it('leaves absent optional limits absent rather than undefined', () => {
    const { warnLimit: _w, description: _d, ...minimal } = quota
    const parsed = v.parse(QuotaSchema, minimal)
    expect('warnLimit' in parsed).toBe(false)
    expect('description' in parsed).toBe(false)
  })

  it('accepts null limits (RFC 9425 §4: UnsignedInt|null), as the test server sends them', () => {
    const noLimits = { ...quota, warnLimit: null, softLimit: null, description: null }
    expect(v.parse(QuotaSchema, noLimits)).toEqual(noLimits)
  })

  it("rejects Cyrus's pre-RFC vendor quota shape", () => {
    // Cyrus 3.10 `https://cyrusimap.org/ns/jmap/quota` (transcripts/32-quota.txt).
    expect(v.safeParse(QuotaSchema, { id: 'mail', used: 6186, total: 1073741824 }).success).toBe(
      false,
    )
  })
})
