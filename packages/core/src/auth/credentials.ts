import type { AuthOptions } from './auth-options.js'

/**
 * Produces the `Authorization` header for the configured credentials and renews
 * a provided token after the server refused it.
 *
 * @see RFC 8620 §1.7
 * @example const header = await credentials.header() // "Basic dGVzdDp0ZXN0"
 */
export interface Credentials {
  /** The header value, or `undefined` when no auth is configured. */
  header(): Promise<string | undefined>
  /**
   * Asks a token provider for a fresh token after a 401; returns whether a new
   * one was obtained (always false for Basic and fixed Bearer tokens).
   */
  renew(): Promise<boolean>
}

function encodeBasic(username: string, password: string): string {
  // btoa only takes Latin-1; passwords may hold any Unicode, so encode UTF-8 first.
  const bytes = new TextEncoder().encode(`${username}:${password}`)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return `Basic ${btoa(binary)}`
}

/**
 * Creates the credentials for the given auth options.
 *
 * @example createCredentials({ basic: { username: 'test', password: 'test' } })
 */
export function createCredentials(auth: AuthOptions | undefined): Credentials {
  if (auth === undefined) {
    return { header: async () => undefined, renew: async () => false }
  }
  if ('basic' in auth) {
    const value = encodeBasic(auth.basic.username, auth.basic.password)
    return { header: async () => value, renew: async () => false }
  }
  if ('bearer' in auth) {
    const value = `Bearer ${auth.bearer}`
    return { header: async () => value, renew: async () => false }
  }
  const provide = auth.token
  // One shared pending token, so concurrent requests do not each ask the provider.
  let current: Promise<string> | undefined
  return {
    header: async () => {
      current ??= provide()
      try {
        return `Bearer ${await current}`
      } catch (error) {
        current = undefined
        throw error
      }
    },
    renew: async () => {
      current = provide()
      await current
      return true
    },
  }
}
