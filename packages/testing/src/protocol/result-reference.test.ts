import { describe, expect, it } from 'vitest'
import { isMethodError } from './method-error.js'
import { type ResponseInvocation, resolveResultReferences } from './result-reference.js'

function errorType(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return isMethodError(error) ? error.type : 'other'
  }
  return undefined
}

describe('resolveResultReferences (RFC 8620 §3.7)', () => {
  // The Foo/changes example of RFC 8620 §3.7.
  const responses: ResponseInvocation[] = [
    [
      'Foo/changes',
      {
        accountId: 'A1',
        oldState: 'abcdef',
        newState: '123456',
        hasMoreChanges: false,
        created: ['f1', 'f4'],
        updated: [],
        destroyed: [],
      },
      't0',
    ],
    ['Foo/changes', { created: ['later'] }, 't0'],
  ]

  it('replaces #ids by the value at the path of the first response with that call id', () => {
    expect(
      resolveResultReferences(
        { accountId: 'A1', '#ids': { resultOf: 't0', name: 'Foo/changes', path: '/created' } },
        responses,
      ),
    ).toEqual({
      accountId: 'A1',
      ids: ['f1', 'f4'],
    })
  })

  it('fails when no earlier response has the call id, or its name differs', () => {
    expect(
      errorType(() =>
        resolveResultReferences(
          { '#ids': { resultOf: 'x', name: 'Foo/changes', path: '/created' } },
          responses,
        ),
      ),
    ).toBe('invalidResultReference')
    expect(
      errorType(() =>
        resolveResultReferences(
          { '#ids': { resultOf: 't0', name: 'Foo/get', path: '/created' } },
          responses,
        ),
      ),
    ).toBe('invalidResultReference')
  })

  it('fails when the path does not resolve or the reference is malformed', () => {
    expect(
      errorType(() =>
        resolveResultReferences(
          { '#ids': { resultOf: 't0', name: 'Foo/changes', path: '/nope' } },
          responses,
        ),
      ),
    ).toBe('invalidResultReference')
    expect(
      errorType(() => resolveResultReferences({ '#ids': { resultOf: 't0' } }, responses)),
    ).toBe('invalidResultReference')
  })

  it('rejects foo together with #foo as invalidArguments', () => {
    expect(
      errorType(() =>
        resolveResultReferences(
          { ids: [], '#ids': { resultOf: 't0', name: 'Foo/changes', path: '/created' } },
          responses,
        ),
      ),
    ).toBe('invalidArguments')
  })
})
