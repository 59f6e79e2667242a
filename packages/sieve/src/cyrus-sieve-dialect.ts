import { type CapabilityAlias, type JmapConnection, withCapabilityAlias } from '@typed-jmap/core'
import { sieveUrn } from './sieve-script.js'

/** The URN under which Cyrus (3.6 and later) serves SieveScript methods. */
export const cyrusSieveUrn = 'https://cyrusimap.org/ns/jmap/sieve'

/**
 * Cyrus's Sieve dialect: RFC 9661's methods under its vendor URN, with the
 * account capability spelled `maxRedirects` (RFC: `maxNumberRedirects`) and
 * an extra `supportsTest`. Cyrus 3.10 serves get, query, set and validate,
 * not changes or queryChanges (those answer `unknownMethod`), names the
 * SetErrors `invalidScript` and `scriptIsActive`, and refuses
 * `onSuccessDeactivateScript` (it deactivates with `onSuccessActivateScript:
 * null`, as earlier drafts did), which this alias rewrites.
 *
 * @see RFC 9661 §1.3
 * @example withCapabilityAlias(connection, cyrusSieveAlias)
 */
export const cyrusSieveAlias: CapabilityAlias = {
  urn: sieveUrn,
  vendorUrn: cyrusSieveUrn,
  accountCapability: (_session, vendorAccount) => {
    const account = (vendorAccount ?? {}) as Record<string, unknown>
    const { maxRedirects, ...rest } = account
    return {
      ...rest,
      maxNumberRedirects: account.maxNumberRedirects ?? maxRedirects ?? null,
      sieveExtensions: account.sieveExtensions ?? [],
    }
  },
  arguments: (method, args) => {
    if (method !== 'SieveScript/set' || args.onSuccessDeactivateScript === undefined) return args
    const { onSuccessDeactivateScript, ...rest } = args
    // An activation replaces the active script anyway; without one, null deactivates.
    if (onSuccessDeactivateScript !== true || rest.onSuccessActivateScript != null) return rest
    return { ...rest, onSuccessActivateScript: null }
  },
}

/**
 * Wraps a connection so that the standard `sieve` capability works on Cyrus,
 * which advertises only `https://cyrusimap.org/ns/jmap/sieve`; on servers
 * that speak RFC 9661 it changes nothing. Combine with core's
 * `withCyrusBlobDialect` to upload script text with `Blob/upload`.
 *
 * @see RFC 9661
 * @example
 * const connection = withCyrusSieveDialect(withCyrusBlobDialect(createConnection({ sessionUrl, auth })))
 * const jmap = createClient({ connection, capabilities: [sieve, blob] })
 */
export function withCyrusSieveDialect(connection: JmapConnection): JmapConnection {
  return withCapabilityAlias(connection, cyrusSieveAlias)
}
