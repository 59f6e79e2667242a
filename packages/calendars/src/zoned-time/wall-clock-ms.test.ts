import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wallClockMs } from './local-date-time.js'

// The oracle: the platform's own ISO reading of the LocalDateTime as UTC, for text in the
// LocalDateTime form (anything else is NaN).
const oracle = (text: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(text) ? Date.parse(`${text}Z`) : Number.NaN

const digits = (count: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: count, maxLength: count })
    .map((d) => d.join(''))

describe('wallClockMs', () => {
  it('reads every field combination as Date.parse does, out-of-range ones included', () => {
    // Fields from their whole two-digit range: day 00 and 31, hour 24, second 60, years 0000-0099.
    const field = (count: number, small: number[]) =>
      fc.oneof(
        digits(count),
        fc.constantFrom(...small).map((n) => String(n).padStart(count, '0')),
      )
    fc.assert(
      fc.property(
        field(4, [0, 1, 99, 100, 1600, 1970, 2024, 9999]),
        field(2, [0, 1, 2, 12, 13]),
        field(2, [0, 1, 28, 29, 30, 31, 32]),
        field(2, [0, 23, 24]),
        field(2, [0, 59, 60]),
        field(2, [0, 59, 60]),
        (year, month, day, hour, minute, second) => {
          const text = `${year}-${month}-${day}T${hour}:${minute}:${second}`
          expect(wallClockMs(text)).toBe(oracle(text))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('is NaN for text not in the LocalDateTime form', () => {
    for (const text of [
      '2024-01-01',
      '2024-01-01T10:00:00Z',
      '2024-01-01 10:00:00',
      '2024-1-01T10:00:00',
      '2024-01-01T10:00:0x',
      '',
    ]) {
      expect(wallClockMs(text), text).toBeNaN()
    }
  })

  it('reads a plain date-time', () => {
    expect(wallClockMs('2024-02-28T23:59:59')).toBe(Date.UTC(2024, 1, 28, 23, 59, 59))
  })
})
