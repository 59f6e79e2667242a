import type { JmapClient } from '@typed-jmap/core'
import type { Mailbox, MailboxRole } from '../mailbox/mailbox.js'

type Needed = 'Mailbox/query' | 'Mailbox/get'

/**
 * Options of {@link findMailboxByRole}.
 *
 * @see RFC 8621 §2.3
 */
export interface FindMailboxByRoleOptions {
  readonly accountId: string
  readonly role: MailboxRole
}

/**
 * Finds the Mailbox with a role (at most one per account) in one request:
 * Mailbox/query filtered by role, then Mailbox/get of its ids.
 *
 * @see RFC 8621 §2.3
 * @example
 * const drafts = await findMailboxByRole(jmap, { accountId, role: 'drafts' })
 * // [["Mailbox/query", { "accountId": "u1", "filter": { "role": "drafts" } }, "c0"],
 * //  ["Mailbox/get", { "accountId": "u1", "#ids": { "resultOf": "c0", "name": "Mailbox/query", "path": "/ids" } }, "c1"]]
 */
export async function findMailboxByRole<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: FindMailboxByRoleOptions,
): Promise<Mailbox | undefined> {
  // The call-site type checked that the client has these methods; inside a generic
  // function the builder cannot see that, so the client is viewed at the methods used.
  const jmap = client as JmapClient<Needed>
  const { accountId, role } = options
  const got = await jmap.request((b) => {
    const found = b.call('Mailbox/query', { accountId, filter: { role } })
    return b.call('Mailbox/get', { accountId, ids: found.ref('/ids') })
  })
  return got.list[0]
}
