import type { JmapConnection } from '../connection/connection.js'
import type { Account, Session } from '../session/session.js'

/**
 * A vendor namespace that serves a standard capability's methods under
 * another URN (Cyrus's `https://cyrusimap.org/ns/jmap/blob` for
 * `urn:ietf:params:jmap:blob`), and how its capability objects map to the
 * standard ones.
 *
 * @see RFC 8620 §2
 * @example { urn: 'urn:ietf:params:jmap:sieve', vendorUrn: 'https://cyrusimap.org/ns/jmap/sieve' }
 */
export interface CapabilityAlias {
  /** The standard URN the application writes. */
  readonly urn: string
  /** The URN the server advertises and expects in `using`. */
  readonly vendorUrn: string
  /**
   * The standard account capability object for one account, built from the
   * vendor's session-level and account-level objects (default: the account's).
   */
  readonly accountCapability?: (vendorSession: unknown, vendorAccount: unknown) => unknown
  /** The standard session capability object (default: `{}`, as most extensions have). */
  readonly sessionCapability?: (vendorSession: unknown) => unknown
  /**
   * Rewrites one call's arguments where the vendor spells them differently
   * (Cyrus deactivates Sieve scripts with `onSuccessActivateScript: null`).
   */
  readonly arguments?: (
    method: string,
    args: Readonly<Record<string, unknown>>,
  ) => Record<string, unknown>
}

/**
 * The session as seen through an alias: when the server advertises only the
 * vendor URN, the standard URN is added beside it (session and each account
 * that has the vendor one), so `accountFor`, typed sessions and the `using`
 * check all work in standard terms. A session that already has the standard
 * URN is returned as it is.
 *
 * @see RFC 8620 §2
 * @example aliasedSession(session, cyrusBlobAlias).capabilities['urn:ietf:params:jmap:blob'] // {}
 */
export function aliasedSession(session: Session, alias: CapabilityAlias): Session {
  if (!isAliased(session, alias)) return session
  const vendorSession = session.capabilities[alias.vendorUrn]
  const accounts: Record<string, Account> = {}
  for (const [accountId, account] of Object.entries(session.accounts)) {
    const vendorAccount = account.accountCapabilities[alias.vendorUrn]
    accounts[accountId] =
      vendorAccount === undefined
        ? account
        : {
            ...account,
            accountCapabilities: {
              ...account.accountCapabilities,
              [alias.urn]: alias.accountCapability?.(vendorSession, vendorAccount) ?? vendorAccount,
            },
          }
  }
  return {
    ...session,
    capabilities: {
      ...session.capabilities,
      [alias.urn]: alias.sessionCapability?.(vendorSession) ?? {},
    },
    accounts,
  }
}

function isAliased(session: Session, alias: CapabilityAlias): boolean {
  return !(alias.urn in session.capabilities) && alias.vendorUrn in session.capabilities
}

/**
 * Wraps a connection so that a standard capability works on a server that
 * serves it under a vendor URN: `using` and `accountFor` are translated, and
 * the session shows the standard URN too (see {@link aliasedSession}). On a
 * server that advertises the standard URN, nothing changes.
 *
 * @see RFC 8620 §3.3
 * @example createClient({ connection: withCapabilityAlias(createConnection({ sessionUrl, auth }), alias), capabilities: [blob] })
 */
export function withCapabilityAlias(
  connection: JmapConnection,
  alias: CapabilityAlias,
): JmapConnection {
  const translate = async (using: readonly string[]): Promise<string[]> => {
    const session = await connection.session()
    if (!isAliased(session, alias)) return [...using]
    return [...new Set(using.map((urn) => (urn === alias.urn ? alias.vendorUrn : urn)))]
  }
  return {
    session: async (options) => aliasedSession(await connection.session(options), alias),
    refreshSession: async (options) =>
      aliasedSession(await connection.refreshSession(options), alias),
    send: async (request, options) => {
      const aliased = isAliased(await connection.session(), alias)
      const methodCalls = request.methodCalls.map(
        ([name, args, callId]): (typeof request.methodCalls)[number] => [
          name,
          aliased && alias.arguments ? alias.arguments(name, args) : args,
          callId,
        ],
      )
      return connection.send(
        { ...request, using: await translate(request.using), methodCalls },
        options,
      )
    },
    enqueue: async (call, options) => {
      const aliased = isAliased(await connection.session(), alias)
      const args = aliased && alias.arguments ? alias.arguments(call.name, call.args) : call.args
      return connection.enqueue({ ...call, args, using: await translate(call.using) }, options)
    },
    upload: (...args) => connection.upload(...args),
    download: (...args) => connection.download(...args),
    downloadUrl: (...args) => connection.downloadUrl(...args),
    events: (...args) => connection.events(...args),
    webSocket: (...args) => connection.webSocket(...args),
    accountFor: async (capabilityUrn) => {
      const [urn = capabilityUrn] = await translate([capabilityUrn])
      return connection.accountFor(urn)
    },
  }
}
