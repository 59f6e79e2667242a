import { coreLimits, type Id, type JmapClient, type SetError } from '@typed-jmap/core'

type Needed = 'Email/set'

/**
 * A patch of the mutable part of an Email: keywords and mailboxes, set (`true`) or
 * removed (`null`) one by one.
 *
 * @see RFC 8621 §4.6
 * @example { "keywords/$seen": true, "mailboxIds/MBinbox": null }
 */
export interface EmailMembershipPatch {
  readonly [path: `keywords/${string}` | `mailboxIds/${string}`]: true | null
}

/**
 * Options of {@link updateEmailsInBulk}.
 *
 * @see RFC 8621 §4.6
 */
export interface UpdateEmailsInBulkOptions {
  readonly accountId: string
  readonly ids: readonly Id[]
  /** The patch applied to every Email. */
  readonly patch: EmailMembershipPatch
}

/**
 * What a bulk update did, over all chunks.
 *
 * @see RFC 8621 §4.6
 */
export interface BulkUpdateResult {
  readonly updated: readonly Id[]
  readonly notUpdated: Readonly<Record<Id, SetError>>
  /** How many Email/set calls the request held. */
  readonly calls: number
}

/**
 * Applies one patch to many Emails in one request, as consecutive Email/set calls of at
 * most `maxObjectsInSet` updates each (the server's limit from the session).
 *
 * @see RFC 8621 §4.6; RFC 8620 §5.3
 * @example
 * await updateEmailsInBulk(jmap, { accountId, ids, patch: { 'keywords/$seen': true } })
 * // [["Email/set", { "update": { "M1": { "keywords/$seen": true }, … 4096 ids } }, "c0"], ["Email/set", …, "c1"]]
 */
export async function updateEmailsInBulk<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: UpdateEmailsInBulkOptions,
): Promise<BulkUpdateResult> {
  // See findMailboxByRole: the call site checked the client's methods.
  const jmap = client as JmapClient<Needed>
  const { accountId, patch } = options
  if (options.ids.length === 0) return { updated: [], notUpdated: {}, calls: 0 }
  const { maxObjectsInSet } = coreLimits(await jmap.session())
  const chunks: Id[][] = []
  for (let start = 0; start < options.ids.length; start += maxObjectsInSet) {
    chunks.push(options.ids.slice(start, start + maxObjectsInSet))
  }
  const responses = await jmap.request((b) =>
    chunks.map((chunk) =>
      b.call('Email/set', {
        accountId,
        update: Object.fromEntries(chunk.map((id) => [id, patch])),
      }),
    ),
  )
  const updated: Id[] = []
  const notUpdated: Record<Id, SetError> = {}
  for (const response of responses) {
    updated.push(...(Object.keys(response.updated ?? {}) as Id[]))
    Object.assign(notUpdated, response.notUpdated)
  }
  return { updated, notUpdated, calls: chunks.length }
}

/**
 * Options of {@link markEmailsRead}.
 *
 * @see RFC 8621 §4.1.1
 */
export interface MarkEmailsReadOptions {
  readonly accountId: string
  readonly ids: readonly Id[]
  /** False marks them unread (default true). */
  readonly read?: boolean
}

/**
 * Sets (or clears) `$seen` on many Emails in one request.
 *
 * @see RFC 8621 §4.1.1
 * @example await markEmailsRead(jmap, { accountId, ids }) // patch { "keywords/$seen": true }
 */
export function markEmailsRead<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: MarkEmailsReadOptions,
): Promise<BulkUpdateResult> {
  const patch: EmailMembershipPatch = { 'keywords/$seen': options.read === false ? null : true }
  return updateEmailsInBulk(client, { accountId: options.accountId, ids: options.ids, patch })
}

/**
 * Options of {@link flagEmails}.
 *
 * @see RFC 8621 §4.1.1
 */
export interface FlagEmailsOptions {
  readonly accountId: string
  readonly ids: readonly Id[]
  /** False removes the flag (default true). */
  readonly flagged?: boolean
}

/**
 * Sets (or clears) `$flagged` on many Emails in one request.
 *
 * @see RFC 8621 §4.1.1
 * @example await flagEmails(jmap, { accountId, ids }) // patch { "keywords/$flagged": true }
 */
export function flagEmails<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: FlagEmailsOptions,
): Promise<BulkUpdateResult> {
  const patch: EmailMembershipPatch = {
    'keywords/$flagged': options.flagged === false ? null : true,
  }
  return updateEmailsInBulk(client, { accountId: options.accountId, ids: options.ids, patch })
}

/**
 * Options of {@link moveEmails}.
 *
 * @see RFC 8621 §4.1.1
 */
export interface MoveEmailsOptions {
  readonly accountId: string
  readonly ids: readonly Id[]
  readonly fromMailboxId: Id
  readonly toMailboxId: Id
}

/**
 * Moves many Emails from one Mailbox to another in one request, keeping any other
 * Mailboxes they are in.
 *
 * @see RFC 8621 §4.1.1
 * @example await moveEmails(jmap, { accountId, ids, fromMailboxId, toMailboxId }) // patch { "mailboxIds/MBa": null, "mailboxIds/MBb": true }
 */
export function moveEmails<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: MoveEmailsOptions,
): Promise<BulkUpdateResult> {
  const patch: EmailMembershipPatch = Object.fromEntries<true | null>([
    [`mailboxIds/${options.fromMailboxId}`, null],
    [`mailboxIds/${options.toMailboxId}`, true],
  ])
  return updateEmailsInBulk(client, { accountId: options.accountId, ids: options.ids, patch })
}
