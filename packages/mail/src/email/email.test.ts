import { loadFixture, responseBody } from '@typed-jmap/fixtures'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { EmailSchema } from './email.js'
import { EmailBodyPartSchema, EmailBodyValueSchema } from './email-body-part.js'

function firstResponseList(source: 'rfc8621' | 'edge', name: string): readonly unknown[] {
  const args = responseBody(loadFixture('mail', source, name)).methodResponses[0]?.[1]
  return v.parse(v.object({ list: v.array(v.unknown()) }), args).list
}

const multipartAlternative = {
  partId: null,
  blobId: null,
  size: 0,
  headers: [{ name: 'Content-Type', value: ' multipart/alternative; boundary="b"' }],
  name: null,
  type: 'multipart/alternative',
  charset: null,
  disposition: null,
  cid: null,
  language: null,
  location: null,
  subParts: [
    {
      partId: '1',
      blobId: 'B1',
      size: 12,
      headers: [],
      name: null,
      type: 'text/plain',
      charset: 'utf-8',
      disposition: null,
      cid: null,
      language: ['en'],
      location: null,
      subParts: null,
    },
  ],
}

describe('EmailSchema', () => {
  it('accepts every null the RFC allows and an empty keyword set', () => {
    const [email] = firstResponseList('edge', 'email-get-null-fields')
    const full = { ...(email as object), headers: [], bodyStructure: multipartAlternative }
    const parsed = v.parse(EmailSchema, full)
    expect(parsed.subject).toBeNull()
    expect(parsed.keywords).toEqual({})
    expect(parsed.bodyStructure.subParts?.[0]?.language).toEqual(['en'])
  })

  it('refuses a keyword set with a value other than true', () => {
    const [email] = firstResponseList('edge', 'email-get-null-fields')
    const full = { ...(email as object), headers: [], bodyStructure: multipartAlternative }
    const result = v.safeParse(EmailSchema, { ...full, keywords: { $seen: false } })
    expect(result.success).toBe(false)
    expect(result.issues?.[0]?.path?.map((item) => item.key)).toEqual(['keywords'])
  })
})

describe('EmailBodyPartSchema', () => {
  it('validates sub-parts recursively', () => {
    const broken = { ...multipartAlternative, subParts: [{ partId: 1 }] }
    expect(v.safeParse(EmailBodyPartSchema, broken).success).toBe(false)
    expect(v.parse(EmailBodyPartSchema, multipartAlternative).subParts).toHaveLength(1)
  })
})

describe('EmailBodyValueSchema', () => {
  it('defaults the flags to false', () => {
    expect(v.parse(EmailBodyValueSchema, { value: 'hi' })).toEqual({
      value: 'hi',
      isEncodingProblem: false,
      isTruncated: false,
    })
  })
})
