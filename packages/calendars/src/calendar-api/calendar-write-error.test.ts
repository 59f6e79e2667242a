import { isSetOperationError } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { CalendarWriteError, isCalendarWriteError } from './calendar-write-error.js'

describe('CalendarWriteError', () => {
  it('keeps its name, fields and message as a SetOperationError of the calendar API', () => {
    const cause = new Error('root cause')
    const error = new CalendarWriteError(
      'update',
      'E-1',
      { type: 'forbidden', description: 'read-only' },
      { cause },
    )
    expect(error.name).toBe('CalendarWriteError')
    expect(error.message).toBe('cannot update E-1 (forbidden: read-only)')
    expect(error).toMatchObject({ operation: 'update', objectId: 'E-1', cause })
    expect(isCalendarWriteError(error)).toBe(true)
    expect(isSetOperationError(error)).toBe(true)
    expect(isCalendarWriteError(new Error('CalendarWriteError'))).toBe(false)
  })
})
