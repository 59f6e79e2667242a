import { describe, expect, it } from 'vitest'
import { LimitError } from './limit-error.js'
import { isSetOperationError, SetOperationError } from './set-operation-error.js'

describe('SetOperationError', () => {
  it('carries the operation, the id, the method, the SetError and the cause', () => {
    const cause = new Error('root cause')
    const setError = { type: 'invalidProperties', properties: ['name'] } as const
    const error = new SetOperationError('create', 'k1', setError, {
      method: 'Mailbox/set',
      cause,
    })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('SetOperationError')
    expect(error.operation).toBe('create')
    expect(error.objectId).toBe('k1')
    expect(error.method).toBe('Mailbox/set')
    expect(error.setError).toBe(setError)
    expect(error.cause).toBe(cause)
  })

  it('says what was refused and why, with the description when the server sent one', () => {
    expect(new SetOperationError('destroy', 'M1', { type: 'notFound' }).message).toBe(
      'cannot destroy M1 (notFound)',
    )
    const described = new SetOperationError('update', 'M2', {
      type: 'forbidden',
      description: 'read-only mailbox',
    })
    expect(described.message).toBe('cannot update M2 (forbidden: read-only mailbox)')
  })

  it('leaves the method unknown when it is not given', () => {
    expect(new SetOperationError('update', 'M1', { type: 'notFound' }).method).toBeUndefined()
  })

  it('is recognised by its guard, and so are its subclasses, but no other error', () => {
    class PackageWriteError extends SetOperationError {
      override readonly name = 'PackageWriteError' as const
    }
    const sub = new PackageWriteError('update', 'X1', { type: 'forbidden' })
    expect(isSetOperationError(new SetOperationError('create', 'k', { type: 'tooLarge' }))).toBe(
      true,
    )
    expect(isSetOperationError(sub)).toBe(true)
    expect(sub.name).toBe('PackageWriteError')
    expect(isSetOperationError(new Error('SetOperationError'))).toBe(false)
    expect(isSetOperationError(new LimitError('x', { limit: 'l', maximum: 1, actual: 2 }))).toBe(
      false,
    )
    expect(isSetOperationError({ name: 'SetOperationError', setError: {} })).toBe(false)
  })
})
