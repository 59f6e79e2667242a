import { isSetOperationError } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { isTaskWriteError, TaskWriteError } from './task-write-error.js'

describe('TaskWriteError', () => {
  it('keeps its name, fields and message as a SetOperationError of the task API', () => {
    const error = new TaskWriteError('destroy', 'T1', { type: 'notFound' }, { method: 'Task/set' })
    expect(error.name).toBe('TaskWriteError')
    expect(error.message).toBe('cannot destroy T1 (notFound)')
    expect(error).toMatchObject({ operation: 'destroy', objectId: 'T1', method: 'Task/set' })
    expect(isTaskWriteError(error)).toBe(true)
    expect(isSetOperationError(error)).toBe(true)
    expect(isTaskWriteError(new Error('TaskWriteError'))).toBe(false)
  })
})
