import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { emailHeaderPropertySchema, parseEmailHeaderProperty } from './email-header.js'

describe('parseEmailHeaderProperty', () => {
  it.each([
    ['header:Subject', { name: 'Subject', form: 'Raw', all: false }],
    ['header:subject:asText', { name: 'subject', form: 'Text', all: false }],
    ['header:Resent-To:asAddresses:all', { name: 'Resent-To', form: 'Addresses', all: true }],
    ['header:X-Custom:all', { name: 'X-Custom', form: 'Raw', all: true }],
    ['header:List-POST:asURLs', { name: 'List-POST', form: 'URLs', all: false }],
  ])('splits %s', (property, expected) => {
    expect(parseEmailHeaderProperty(property)).toEqual(expected)
  })

  it.each([
    'header:',
    'header:From:asBogus',
    'header:From:all:asAddresses',
    'header:Fr om',
    'subject',
  ])('refuses %s', (property) => {
    expect(parseEmailHeaderProperty(property)).toBeUndefined()
  })
})

describe('emailHeaderPropertySchema', () => {
  it('reads a missing single header as null and a missing :all header as []', () => {
    expect(v.parse(emailHeaderPropertySchema('header:X-Missing')!, null)).toBeNull()
    expect(v.parse(emailHeaderPropertySchema('header:X-Missing:all')!, [])).toEqual([])
    expect(v.safeParse(emailHeaderPropertySchema('header:X-Missing:all')!, null).success).toBe(
      false,
    )
  })

  it('validates the RFC 8621 §4.1.2.4 grouped addresses example', () => {
    const grouped = [
      { name: null, addresses: [{ name: 'James Smythe', email: 'james@example.com' }] },
      {
        name: 'Friends',
        addresses: [
          { name: null, email: 'jane@example.com' },
          { name: 'John Smith', email: 'john@example.com' },
        ],
      },
    ]
    const schema = emailHeaderPropertySchema('header:To:asGroupedAddresses')!
    expect(v.parse(schema, grouped)).toEqual(grouped)
    expect(v.safeParse(schema, [{ name: null, email: 'x@example.com' }]).success).toBe(false)
  })

  it('accepts a failed parse (null) inside :all for forms that can fail', () => {
    const schema = emailHeaderPropertySchema('header:Date:asDate:all')!
    expect(v.parse(schema, ['2014-10-30T14:12:00+08:00', null])).toHaveLength(2)
    expect(v.safeParse(schema, ['yesterday']).success).toBe(false)
  })

  it('returns undefined for a name that is not a header property', () => {
    expect(emailHeaderPropertySchema('subject')).toBeUndefined()
  })
})
