import { describe, expect, it } from 'vitest'
import { isCalendarApiError } from './calendar-api-error.js'
import { toLocalDateTime } from './local-date-time.js'

describe('toLocalDateTime', () => {
  it('writes a Date as the wall-clock time in the zone', () => {
    expect(toLocalDateTime(new Date('2030-01-15T08:00:00Z'), 'Europe/Berlin')).toBe(
      '2030-01-15T09:00:00',
    )
    expect(toLocalDateTime(new Date('2030-01-15T08:00:00Z'), 'Etc/UTC')).toBe('2030-01-15T08:00:00')
  })

  it('keeps a LocalDateTime string and refuses an invalid Date', () => {
    expect(toLocalDateTime('2030-01-01T00:00:00', 'Europe/Berlin')).toBe('2030-01-01T00:00:00')
    let thrown: unknown
    try {
      toLocalDateTime(new Date('nonsense'), 'Etc/UTC')
    } catch (error) {
      thrown = error
    }
    expect(isCalendarApiError(thrown)).toBe(true)
    expect(() => toLocalDateTime(new Date(0), 'Mars/Olympus_Mons')).toThrow(/unknown time zone/)
  })
})
