import type { Id, JmapClient } from '@typed-jmap/core'
import type { EmailAddress } from '../email/email-address.js'
import type { Identity } from '../identity/identity.js'
import { SendEmailDefaultsError } from './send-email-defaults-error.js'

type Needed = 'Identity/get' | 'Mailbox/query'

/**
 * What {@link sendEmail} needs to know about an account when the caller leaves out the
 * identity or the Drafts/Sent mailboxes.
 */
export interface SendingDefaults {
  readonly identities: readonly Pick<Identity, 'id' | 'name' | 'email'>[]
  readonly draftsMailboxId: Id | undefined
  readonly sentMailboxId: Id | undefined
}

// Why a prior request and a cache, not result references in the sending request: a JMAP
// result reference replaces a whole top-level argument (RFC 8620 §3.7), but the identity id
// sits inside EmailSubmission/set's `create` and the mailbox ids are keys of `mailboxIds`
// inside Email/set's `create` and `onSuccessUpdateEmail`. None of them can be referenced, so
// they are looked up once per client and account, in one request, and kept.
const cache = new WeakMap<object, Map<string, Promise<SendingDefaults>>>()

/**
 * The account's identities and its Drafts and Sent mailboxes, looked up in one request
 * (Identity/get and two Mailbox/query by role) the first time and cached per client and
 * account afterwards.
 *
 * @see RFC 8621 §6.1, §2.3
 */
export function sendingDefaults<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  accountId: string,
): Promise<SendingDefaults> {
  const perAccount = cache.get(client) ?? new Map<string, Promise<SendingDefaults>>()
  cache.set(client, perAccount)
  const known = perAccount.get(accountId)
  if (known !== undefined) return known
  const looked = lookUp(client as JmapClient<Needed>, accountId)
  perAccount.set(accountId, looked)
  // A failed lookup is not kept: the next send tries again.
  looked.catch(() => forgetSendingDefaults(client, accountId))
  return looked
}

/**
 * Drops the cached defaults of an account, so that the next {@link sendEmail} looks them up
 * again (after a mailbox was deleted or an identity added, say).
 *
 * @example forgetSendingDefaults(jmap, accountId)
 */
export function forgetSendingDefaults(client: object, accountId: string): void {
  cache.get(client)?.delete(accountId)
}

async function lookUp(jmap: JmapClient<Needed>, accountId: string): Promise<SendingDefaults> {
  const { identities, drafts, sent } = await jmap.request((b) => ({
    identities: b.call('Identity/get', { accountId }),
    drafts: b.call('Mailbox/query', { accountId, filter: { role: 'drafts' } }),
    sent: b.call('Mailbox/query', { accountId, filter: { role: 'sent' } }),
  }))
  return {
    identities: identities.list,
    draftsMailboxId: drafts.ids[0],
    sentMailboxId: sent.ids[0],
  }
}

/**
 * Picks the identity to send `from` with: the one whose address is `from`'s (its name
 * breaking ties), else a `*@domain` identity of that domain (RFC 8621 §6), else (or when
 * there is no `from`) the account's only identity.
 *
 * @throws {SendEmailDefaultsError} `noIdentity` or `ambiguousIdentity`
 * @see RFC 8621 §6
 */
export function chooseIdentity(
  identities: SendingDefaults['identities'],
  from: EmailAddress | undefined,
  accountId: string,
): SendingDefaults['identities'][number] {
  if (from === undefined) {
    const [only, ...others] = identities
    if (only !== undefined && others.length === 0) return only
    if (only === undefined)
      throw new SendEmailDefaultsError(
        'noIdentity',
        accountId,
        `account ${accountId} has no Identity to send with`,
      )
    throw ambiguous(identities, accountId, 'the email has no `from` and the account has')
  }
  const address = from.email.toLowerCase()
  const domain = address.slice(address.lastIndexOf('@'))
  const exact = identities.filter((identity) => identity.email.toLowerCase() === address)
  const named = exact.filter((identity) => identity.name === from.name)
  const wildcard = identities.filter((identity) => identity.email.toLowerCase() === `*${domain}`)
  // An exact address wins over a wildcard; among exact ones, the name must decide.
  const candidates = exact.length === 1 ? exact : exact.length > 1 ? named : wildcard
  const [one, ...more] = candidates
  if (one !== undefined && more.length === 0) return one
  // Some servers (Cyrus 3.10) give their one identity an email that is not the account's
  // address; the only identity is then the one to use, and the server judges `from`
  // (a `forbiddenFrom` SetError).
  if (candidates.length === 0 && identities.length === 1 && identities[0] !== undefined)
    return identities[0]
  if (exact.length > 0 || wildcard.length > 0)
    throw ambiguous(
      exact.length > 0 ? exact : wildcard,
      accountId,
      `\`from\` ${from.email} matches`,
    )
  throw new SendEmailDefaultsError(
    'noIdentity',
    accountId,
    `no Identity of account ${accountId} may send from ${from.email} (identities: ${JSON.stringify(
      identities.map((identity) => identity.email),
    )}); pass identityId`,
  )
}

function ambiguous(
  identities: SendingDefaults['identities'],
  accountId: string,
  lead: string,
): SendEmailDefaultsError {
  return new SendEmailDefaultsError(
    'ambiguousIdentity',
    accountId,
    `${lead} ${identities.length} identities (${identities
      .map((identity) => `${identity.id} <${identity.email}>`)
      .join(', ')}); pass identityId`,
    identities.map((identity) => identity.id),
  )
}
