import { describe, expect, it } from 'vitest'
import { utcInstant } from './zoned-time.js'

describe('utcInstant', () => {
  it('reads a LocalDateTime in the zone given', () => {
    expect(new Date(utcInstant('2026-07-01T09:00:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    )
    expect(new Date(utcInstant('2026-01-01T09:00:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-01-01T08:00:00.000Z',
    )
    expect(new Date(utcInstant('2026-01-01T09:00:00', 'Etc/UTC')).toISOString()).toBe(
      '2026-01-01T09:00:00.000Z',
    )
  })

  it('takes a value ending in Z as UTC, and gives NaN for nonsense', () => {
    expect(utcInstant('2026-01-01T09:00:00Z', 'America/New_York')).toBe(
      Date.parse('2026-01-01T09:00:00Z'),
    )
    expect(utcInstant('tomorrow', 'Etc/UTC')).toBeNaN()
    expect(utcInstant('2026-01-01T09:00:00', 'Not/AZone')).toBeNaN()
  })
})
