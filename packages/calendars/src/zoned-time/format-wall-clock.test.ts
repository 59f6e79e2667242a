import { describe, expect, it } from 'vitest'
import { formatWallClock } from './local-date-time.js'

// The oracle: what formatWallClock spells out by hand is the platform's ISO string.
const oracle = (wall: number) => new Date(wall).toISOString().slice(0, 19)

describe('formatWallClock', () => {
  it('writes what the ISO string of the Date says, from year 0000 to 9999', () => {
    const yearZero = Date.parse('0000-01-01T00:00:00Z')
    const yearTenThousand = Date.parse('+010000-01-01T00:00:00Z')
    // A fixed pseudo-random walk over the whole range (and its fractions), so a failure repeats.
    let seed = 20_261_207
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed / 2_147_483_648
    }
    for (let index = 0; index < 20_000; index++) {
      const wall = yearZero + next() * (yearTenThousand - yearZero)
      const whole = Math.floor(wall / 1000) * 1000
      expect(formatWallClock(wall), String(wall)).toBe(oracle(wall))
      expect(formatWallClock(whole), String(whole)).toBe(oracle(whole))
    }
  })

  it('agrees at the edges: leap days, century years, the epoch, the ends of the range', () => {
    const walls = [
      Date.parse('0000-01-01T00:00:00Z'),
      Date.parse('0000-02-29T23:59:59Z'),
      Date.parse('1600-02-29T12:00:00Z'),
      Date.parse('1900-02-28T23:59:59Z'),
      Date.parse('1900-03-01T00:00:00Z'),
      Date.parse('1969-12-31T23:59:59Z'),
      -0.5,
      -1,
      0,
      0.5,
      Date.parse('2000-02-29T00:00:00Z'),
      Date.parse('2024-12-31T23:59:59.999Z'),
      Date.parse('9999-12-31T23:59:59.999Z'),
    ]
    for (const wall of walls) expect(formatWallClock(wall), String(wall)).toBe(oracle(wall))
  })

  it('leaves years outside 0000–9999 and invalid times to the Date', () => {
    const before = Date.parse('-000001-12-31T23:59:59Z')
    const after = Date.parse('+010000-01-01T00:00:00Z')
    expect(formatWallClock(before)).toBe(oracle(before))
    expect(formatWallClock(after)).toBe(oracle(after))
    expect(() => formatWallClock(Number.NaN)).toThrow(RangeError)
    expect(() => formatWallClock(8.64e15 + 1)).toThrow(RangeError)
  })
})
