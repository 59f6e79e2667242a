import { type Id, type JmapClient, throwFirstSetError } from '@typed-jmap/core'

type Needed = 'SieveScript/set'

/**
 * Makes one script the active one (the previously active one is deactivated),
 * or with `null` leaves none active, in one `SieveScript/set`.
 *
 * @throws SetOperationError when the server refuses
 * @see RFC 9661 §2.4
 * @example await activateSieveScript(jmap, { accountId, id: script.id })
 */
export async function activateSieveScript<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: { readonly accountId: string; readonly id: Id | null },
): Promise<void> {
  const jmap = client as JmapClient<Needed>
  const { accountId, id } = options
  const response = await jmap.request((b) =>
    b.call(
      'SieveScript/set',
      id === null
        ? { accountId, onSuccessDeactivateScript: true }
        : { accountId, onSuccessActivateScript: id },
    ),
  )
  throwFirstSetError('SieveScript/set', response)
}
