import type { CapabilityAlias } from '../capabilities/capability-alias.js'
import { withCapabilityAlias } from '../capabilities/capability-alias.js'
import type { JmapConnection } from '../connection/connection.js'
import { blobUrn } from './blob-methods.js'

/** The URN under which Cyrus (3.8 and later) serves the Blob methods. */
export const cyrusBlobUrn = 'https://cyrusimap.org/ns/jmap/blob'

function member(object: unknown, name: string): unknown {
  return typeof object === 'object' && object !== null
    ? (object as Record<string, unknown>)[name]
    : undefined
}

/**
 * Cyrus's blob dialect: the RFC 9404 methods under its vendor URN, with the
 * account limits in the session-level object (`maxCatenateItems` for
 * `maxDataSources`) and an empty account-level one. Its answers otherwise
 * follow RFC 9404, except that `data:asText` is left out rather than `null`
 * on an encoding problem (the `Blob/get` schema fills the `null` in).
 *
 * @see RFC 9404 §3.1
 * @example withCapabilityAlias(connection, cyrusBlobAlias)
 */
export const cyrusBlobAlias: CapabilityAlias = {
  urn: blobUrn,
  vendorUrn: cyrusBlobUrn,
  accountCapability: (vendorSession) => ({
    maxSizeBlobSet: member(vendorSession, 'maxSizeBlobSet') ?? null,
    // RFC 9404 servers must allow at least 64 sources.
    maxDataSources: member(vendorSession, 'maxCatenateItems') ?? 64,
    supportedTypeNames: member(vendorSession, 'supportedTypeNames') ?? [],
    supportedDigestAlgorithms: member(vendorSession, 'supportedDigestAlgorithms') ?? [],
  }),
}

/**
 * Wraps a connection so that the standard `blob` capability works on Cyrus,
 * which advertises only `https://cyrusimap.org/ns/jmap/blob`; on servers that
 * speak RFC 9404 it changes nothing.
 *
 * @see RFC 9404
 * @example
 * const jmap = createClient({
 *   connection: withCyrusBlobDialect(createConnection({ sessionUrl, auth })),
 *   capabilities: [blob, mail],
 * })
 */
export function withCyrusBlobDialect(connection: JmapConnection): JmapConnection {
  return withCapabilityAlias(connection, cyrusBlobAlias)
}
