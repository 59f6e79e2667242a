// The error-narrowing example of packages/core/README.md ("Errors"), kept compiling by the type tests.
import { type AlreadyExistsSetError, type Id, isErrorOfType, type SetError } from '@typed-jmap/core'
import { match } from 'ts-pattern'
import { expectTypeOf, test } from 'vitest'

declare const response: { readonly notCreated: Record<string, SetError> | null }
declare function reuse(id: Id): string
declare function fix(properties: readonly string[] | undefined): string
declare function giveUp(): string

test('isErrorOfType and a ts-pattern match both reach existingId', () => {
  const failed = response.notCreated?.k1
  if (isErrorOfType(failed, 'alreadyExists')) {
    expectTypeOf(failed).toEqualTypeOf<AlreadyExistsSetError>()
    reuse(failed.existingId)
  }
  // @ts-expect-error: without narrowing, the open union's catch-all has no existingId
  if (failed?.type === 'alreadyExists') reuse(failed.existingId)

  const action = match(failed)
    .when(
      (error) => isErrorOfType(error, 'alreadyExists'),
      (found) => reuse(found.existingId),
    )
    .when(
      (error) => isErrorOfType(error, 'invalidProperties'),
      (found) => fix(found.properties),
    )
    .otherwise(() => giveUp())
  expectTypeOf(action).toEqualTypeOf<string>()
})
