import { SessionError } from '../errors/session-error.js'
import type { Session } from './session.js'

/**
 * Picks the account to use for a capability: the server's primary account for
 * it, otherwise the first account that lists it in `accountCapabilities`.
 *
 * @see RFC 8620 §2
 * @example accountFor(session, 'urn:ietf:params:jmap:mail') // "u1"
 */
export function accountFor(session: Session, capability: string): string {
  const primary = session.primaryAccounts[capability]
  if (primary !== undefined && session.accounts[primary] !== undefined) return primary
  for (const [accountId, account] of Object.entries(session.accounts)) {
    if (Object.hasOwn(account.accountCapabilities, capability)) return accountId
  }
  const advertised = Object.hasOwn(session.capabilities, capability)
  throw new SessionError(
    advertised ? 'noAccount' : 'missingCapability',
    advertised
      ? `no account of ${session.username} has ${capability}`
      : `the server does not advertise ${capability}`,
  )
}
