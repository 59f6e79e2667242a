import {
  type AlreadyExistsSetError,
  type ErrorOfType,
  type Id,
  type InvalidPropertiesSetError,
  isErrorOfType,
  type MethodError,
  type OtherSetError,
  type PlainSetError,
  type SetError,
} from '@typed-jmap/core'
import { match, P } from 'ts-pattern'
import { describe, expectTypeOf, test } from 'vitest'

declare const error: MethodError
declare const setError: SetError

describe('MethodError', () => {
  test('is matched exhaustively over the RFC types plus a catch-all for unknown ones', () => {
    const handled = match(error)
      .with({ type: 'stateMismatch' }, () => 'refetch')
      .with(
        { type: P.union('serverUnavailable', 'serverFail', 'serverPartialFail') },
        () => 'retry',
      )
      .with(
        { type: P.union('unknownMethod', 'invalidArguments', 'invalidResultReference') },
        () => 'bug',
      )
      .with(
        {
          type: P.union(
            'forbidden',
            'accountNotFound',
            'accountNotSupportedByMethod',
            'accountReadOnly',
            'requestTooLarge',
            'cannotCalculateChanges',
            'fromAccountNotFound',
            'fromAccountNotSupportedByMethod',
            'anchorNotFound',
            'unsupportedSort',
            'unsupportedFilter',
            'tooManyChanges',
          ),
        },
        () => 'give up',
      )
      .with({ type: P.string }, (other) => `unknown ${other.type}`)
      .exhaustive()
    expectTypeOf(handled).toEqualTypeOf<string>()
  })

  test('an unknown type still has a type and a description', () => {
    expectTypeOf(error.type).toMatchTypeOf<string>()
    expectTypeOf(error.description).toEqualTypeOf<string | null | undefined>()
  })

  test('a match that forgets the unknown types is not exhaustive', () => {
    const partial = match(error).with({ type: 'serverFail' }, () => 1)
    // @ts-expect-error: unknown (extension) error types are not handled
    partial.exhaustive()
  })
})

describe('SetError', () => {
  test('carries the fields of its type, read by matching them', () => {
    const existing = match(setError)
      .with({ type: 'alreadyExists', existingId: P.string }, (found) => found.existingId as string)
      .with({ type: 'invalidProperties', properties: P.array(P.string) }, (found) =>
        found.properties.join(','),
      )
      .with({ type: P.string }, () => '')
      .exhaustive()
    expectTypeOf(existing).toEqualTypeOf<string>()
  })
})

describe('isErrorOfType: narrowing an open error union', () => {
  test('a comparison of type leaves the catch-all in, so existingId is not there', () => {
    if (setError.type === 'alreadyExists') {
      // @ts-expect-error: OtherSetError (type `string & {}`) also compares equal, and has no existingId
      setError.existingId
    }
  })

  test('the guard narrows to the member of that type', () => {
    if (isErrorOfType(setError, 'alreadyExists')) {
      expectTypeOf(setError).toEqualTypeOf<AlreadyExistsSetError>()
      expectTypeOf(setError.existingId).toEqualTypeOf<Id>()
    }
    if (isErrorOfType(setError, 'invalidProperties')) {
      expectTypeOf(setError).toEqualTypeOf<InvalidPropertiesSetError>()
    }
    expectTypeOf<ErrorOfType<SetError, 'notFound'>>().toEqualTypeOf<
      PlainSetError & { readonly type: 'notFound' }
    >()
  })

  test('an extension type narrows to the catch-all with that type; absent errors are false', () => {
    const failed: SetError | undefined = undefined as SetError | undefined
    if (isErrorOfType(failed, 'mailboxHasEmail')) {
      expectTypeOf(failed).toEqualTypeOf<OtherSetError & { readonly type: 'mailboxHasEmail' }>()
    }
    if (isErrorOfType(error, 'stateMismatch')) {
      expectTypeOf(error.type).toEqualTypeOf<'stateMismatch'>()
    }
  })
})
