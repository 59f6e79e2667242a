import type { JsonObject } from '../json.js'
import { coreCapability } from '../server/core-plugin.js'
import type { ServerRuntime } from '../server/server-runtime.js'

/** The URL layout of the server, relative to its origin. */
export const endpointPaths: {
  readonly session: string
  readonly api: string
  readonly upload: string
  readonly download: string
  readonly eventSource: string
  readonly webSocket: string
} = {
  session: '/jmap/session',
  api: '/jmap/api',
  upload: '/jmap/upload/',
  download: '/jmap/download/',
  eventSource: '/jmap/eventsource',
  webSocket: '/jmap/ws',
}

/** The WebSocket capability URN. */
export const webSocketCapability = 'urn:ietf:params:jmap:websocket'

/**
 * Builds the Session object for an origin (in-process or the listening port).
 *
 * @see RFC 8620 §2
 * @example { "capabilities": { "urn:ietf:params:jmap:core": { "maxCallsInRequest": 16, … } }, "apiUrl": "http://jmap.test/jmap/api", … }
 */
export function sessionResource(
  runtime: ServerRuntime,
  origin: string,
  webSocketOrigin: string | undefined,
): JsonObject {
  const capabilities: JsonObject = {}
  for (const [urn, definition] of runtime.capabilities) {
    if (urn === webSocketCapability) continue
    capabilities[urn] = urn === coreCapability ? { ...runtime.limits } : definition.session
  }
  if (webSocketOrigin !== undefined) {
    capabilities[webSocketCapability] = {
      url: `${webSocketOrigin}${endpointPaths.webSocket}`,
      supportsPush: true,
    }
  }
  const accounts: JsonObject = {}
  const primaryAccounts: Record<string, string> = {}
  for (const account of runtime.accounts.values()) {
    const accountCapabilities: JsonObject = {}
    for (const urn of account.capabilities) {
      const definition = runtime.capabilities.get(urn)
      if (definition?.account === undefined) continue
      accountCapabilities[urn] = definition.account
      primaryAccounts[urn] ??= account.id
    }
    accounts[account.id] = {
      name: account.name,
      isPersonal: account.isPersonal,
      isReadOnly: account.isReadOnly,
      accountCapabilities,
    }
  }
  return {
    capabilities,
    accounts,
    primaryAccounts,
    username: runtime.username,
    apiUrl: `${origin}${endpointPaths.api}`,
    downloadUrl: `${origin}${endpointPaths.download}{accountId}/{blobId}/{name}?type={type}`,
    uploadUrl: `${origin}${endpointPaths.upload}{accountId}/`,
    eventSourceUrl: `${origin}${endpointPaths.eventSource}?types={types}&closeafter={closeafter}&ping={ping}`,
    state: runtime.sessionState,
  }
}
