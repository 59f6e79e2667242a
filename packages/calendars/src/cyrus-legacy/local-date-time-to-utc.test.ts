import { describe, expect, it } from 'vitest'
import { isLegacyDialectError } from './legacy-dialect-error.js'
import { localDateTimeToUtc } from './local-date-time-to-utc.js'

describe('localDateTimeToUtc', () => {
  it('reads the time in UTC as UTC', () => {
    expect(localDateTimeToUtc('2030-01-01T00:00:00', 'Etc/UTC')).toBe('2030-01-01T00:00:00Z')
  })

  it('applies winter and summer offsets', () => {
    expect(localDateTimeToUtc('2030-01-15T09:00:00', 'Europe/Berlin')).toBe('2030-01-15T08:00:00Z')
    expect(localDateTimeToUtc('2030-07-15T09:00:00', 'Europe/Berlin')).toBe('2030-07-15T07:00:00Z')
    expect(localDateTimeToUtc('2023-01-01T00:00:00', 'Australia/Melbourne')).toBe(
      '2022-12-31T13:00:00Z',
    )
  })

  it('resolves a time right after a DST change with the new offset', () => {
    // Berlin springs forward at 02:00 on 2030-03-31; 03:30 local is CEST (+02:00).
    expect(localDateTimeToUtc('2030-03-31T03:30:00', 'Europe/Berlin')).toBe('2030-03-31T01:30:00Z')
  })

  it('rejects what is not a LocalDateTime and unknown zones', () => {
    const attempts = [
      () => localDateTimeToUtc('2030-01-01T00:00:00Z', 'Etc/UTC'),
      () => localDateTimeToUtc('2030-01-01', 'Etc/UTC'),
      () => localDateTimeToUtc('2030-01-01T00:00:00', 'Mars/Olympus'),
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow()
      try {
        attempt()
      } catch (error) {
        expect(isLegacyDialectError(error)).toBe(true)
      }
    }
  })
})
