import { describe, expect, it } from 'vitest'
import { SetOperationError } from './set-operation-error.js'
import { throwFirstSetError } from './throw-first-set-error.js'

describe('throwFirstSetError', () => {
  it('returns when the server refused nothing', () => {
    expect(() =>
      throwFirstSetError('Mailbox/set', { notCreated: null, notUpdated: {}, notDestroyed: null }),
    ).not.toThrow()
    expect(() => throwFirstSetError('Mailbox/set', {})).not.toThrow()
  })

  it.each([
    ['notCreated', 'create'],
    ['notUpdated', 'update'],
    ['notDestroyed', 'destroy'],
  ] as const)('throws for a refusal in %s as a %s', (member, operation) => {
    expect(() =>
      throwFirstSetError('Mailbox/set', { [member]: { M1: { type: 'forbidden' } } }),
    ).toThrow(
      expect.objectContaining({
        name: 'SetOperationError',
        operation,
        objectId: 'M1',
        method: 'Mailbox/set',
        setError: { type: 'forbidden' },
      }),
    )
  })

  it('throws for the first refusal: creations, then updates, then destroys, in server order', () => {
    expect(() =>
      throwFirstSetError('Mailbox/set', {
        notCreated: null,
        notUpdated: { M2: { type: 'notFound' }, M3: { type: 'invalidPatch' } },
        notDestroyed: { M4: { type: 'mailboxHasEmail' } },
      }),
    ).toThrow(expect.objectContaining({ operation: 'update', objectId: 'M2' }))
    expect(() =>
      throwFirstSetError('Mailbox/set', {
        notCreated: { k1: { type: 'overQuota' } },
        notDestroyed: { M4: { type: 'mailboxHasEmail' } },
      }),
    ).toThrow(expect.objectContaining({ operation: 'create', objectId: 'k1' }))
  })

  it('throws the subclass it is given, with the method', () => {
    class PackageWriteError extends SetOperationError {
      override readonly name = 'PackageWriteError' as const
    }
    const refused = { notDestroyed: { T1: { type: 'notFound' } } }
    expect(() => throwFirstSetError('Task/set', refused, PackageWriteError)).toThrow(
      PackageWriteError,
    )
    expect(() => throwFirstSetError('Task/set', refused, PackageWriteError)).toThrow(
      expect.objectContaining({
        name: 'PackageWriteError',
        message: 'cannot destroy T1 (notFound)',
        method: 'Task/set',
      }),
    )
  })
})
