// The complete snippet of docs/guides/handling-errors.md; type-checked with the project
// (tsconfig.json includes docs/guides/snippets), so the guide cannot drift from the API.
import {
  createClient,
  type Id,
  isAuthenticationError,
  isMethodCallError,
  isResponseValidationError,
  isSetOperationError,
  isTransportError,
  throwFirstSetError,
} from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { match, P } from 'ts-pattern'

export async function renameMailbox(
  sessionUrl: string,
  token: string,
  accountId: string,
  mailboxId: Id,
): Promise<string> {
  const jmap = createClient({ sessionUrl, auth: { bearer: token }, capabilities: [mail] })

  // 1. requestSettled: method errors are data, one result per call.
  const settled = await jmap.requestSettled((b) =>
    b.call('Mailbox/get', { accountId, ids: [mailboxId], properties: ['name'] }),
  )
  if (!settled.ok) {
    return match(settled.error)
      .with({ type: 'accountNotFound' }, () => 'no such account')
      .with({ type: P.string }, (error) => `Mailbox/get failed: ${error.type}`)
      .exhaustive()
  }

  try {
    // 2. request: the first method error is thrown as a MethodCallError (all results attached).
    const updated = await jmap.request((b) =>
      b.call('Mailbox/set', { accountId, update: { [mailboxId]: { name: 'Archive 2030' } } }),
    )
    // 3. SetErrors are data inside a successful /set response; throwFirstSetError turns the
    //    first refusal into a SetOperationError.
    throwFirstSetError('Mailbox/set', updated)
    return 'renamed'
  } catch (error) {
    // 4. Thrown errors end a whole request: method errors, set errors, transport, auth, shape.
    return match(error)
      .when(isMethodCallError, (failed) => `${failed.method} failed: ${failed.error.type}`)
      .when(isSetOperationError, (refused) => `refused: ${refused.setError.type}`)
      .when(isAuthenticationError, () => 'sign in again')
      .when(isTransportError, (failed) =>
        failed.writeMayHaveHappened ? 'check before retrying' : 'retry',
      )
      .when(isResponseValidationError, (invalid) => `bad response at ${invalid.path}`)
      .otherwise(() => {
        throw error
      })
  }
}
