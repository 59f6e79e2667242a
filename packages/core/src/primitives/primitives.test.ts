import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { Id, IdSchema } from './id.js'
import { Int } from './int.js'
import { isInvalidPrimitiveError } from './invalid-primitive-error.js'
import { JmapDate } from './jmap-date.js'
import { UnsignedInt } from './unsigned-int.js'
import { UTCDate, UTCDateSchema } from './utc-date.js'

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

describe('Id', () => {
  it('accepts base64url ids of 1 to 255 characters', () => {
    expect(Id('Mf0b-1_a')).toBe('Mf0b-1_a')
    expect(Id('x'.repeat(255))).toHaveLength(255)
  })

  it('rejects empty, too long and non-base64url ids with a typed error naming the input', () => {
    for (const bad of ['', 'x'.repeat(256), 'has space', 'a/b', '#k1']) {
      const error = thrown(() => Id(bad))
      expect(isInvalidPrimitiveError(error)).toBe(true)
    }
    expect(String(thrown(() => Id('a/b')))).toContain('"a/b" is not a JMAP Id: an Id uses only')
    expect(String(thrown(() => Id('')))).toContain('an Id has at least 1 character')
    expect(String(thrown(() => Id('x'.repeat(256))))).toContain('an Id has at most 255 characters')
  })

  it('is what IdSchema parses', () => {
    expect(v.parse(IdSchema, 'M1')).toBe('M1')
    expect(v.safeParse(IdSchema, 7).success).toBe(false)
  })
})

describe('Int and UnsignedInt', () => {
  it('accept safe integers in range', () => {
    expect(Int(-(2 ** 53) + 1)).toBe(-(2 ** 53) + 1)
    expect(UnsignedInt(0)).toBe(0)
    expect(UnsignedInt(2 ** 53 - 1)).toBe(2 ** 53 - 1)
  })

  it('reject fractions, unsafe and negative values', () => {
    expect(isInvalidPrimitiveError(thrown(() => Int(1.5)))).toBe(true)
    expect(isInvalidPrimitiveError(thrown(() => Int(2 ** 53)))).toBe(true)
    expect(isInvalidPrimitiveError(thrown(() => UnsignedInt(-1)))).toBe(true)
    expect(String(thrown(() => UnsignedInt(-1)))).toContain('an UnsignedInt is not negative')
    expect(String(thrown(() => UnsignedInt(1.5)))).toContain('an UnsignedInt is an integer')
    expect(String(thrown(() => UnsignedInt(Number.NaN)))).toContain('Invalid type')
  })
})

describe('UTCDate and JmapDate', () => {
  it('write a JS Date without a zero .000', () => {
    expect(UTCDate(new Date(Date.UTC(2014, 9, 30, 6, 12)))).toBe('2014-10-30T06:12:00Z')
    expect(JmapDate(new Date(0))).toBe('1970-01-01T00:00:00Z')
  })

  it('keep non-zero fractional seconds', () => {
    expect(UTCDate(new Date(Date.UTC(2014, 9, 30, 6, 12, 0, 250)))).toBe('2014-10-30T06:12:00.250Z')
  })

  it('accept RFC 3339 strings, JmapDate with an offset, UTCDate only with Z', () => {
    expect(JmapDate('2014-10-30T14:12:00+08:00')).toBe('2014-10-30T14:12:00+08:00')
    expect(UTCDate('2014-10-30T06:12:00Z')).toBe('2014-10-30T06:12:00Z')
    expect(isInvalidPrimitiveError(thrown(() => UTCDate('2014-10-30T14:12:00+08:00')))).toBe(true)
    expect(v.safeParse(UTCDateSchema, '2014-10-30t06:12:00z').success).toBe(false)
  })

  it('reject invalid dates', () => {
    expect(isInvalidPrimitiveError(thrown(() => UTCDate(new Date(Number.NaN))))).toBe(true)
    expect(isInvalidPrimitiveError(thrown(() => JmapDate('2014-13-01T00:00:00Z')))).toBe(true)
  })

  it('reject days that do not exist, and accept 29 February of leap years', () => {
    for (const bad of [
      '2026-02-30T10:00:00Z',
      '2023-02-29T10:00:00+01:00',
      '2100-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
    ]) {
      expect(isInvalidPrimitiveError(thrown(() => JmapDate(bad)))).toBe(true)
    }
    expect(String(thrown(() => UTCDate('2026-02-30T10:00:00Z')))).toContain('no 30 February')
    expect(JmapDate('2024-02-29T23:59:60Z')).toBe('2024-02-29T23:59:60Z')
    expect(JmapDate('2000-02-29T00:00:00Z')).toBe('2000-02-29T00:00:00Z')
    expect(UTCDate('2026-12-31T00:00:00Z')).toBe('2026-12-31T00:00:00Z')
  })
})
