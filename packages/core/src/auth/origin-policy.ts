/**
 * Decides which origins may receive credentials: the origin the user configured
 * (session URL or host) plus any explicitly trusted ones.
 *
 * @see RFC 8620 §8.2
 * @example createOriginPolicy(new URL('https://jmap.example/jmap/'), ['https://api.example'])
 */
export interface OriginPolicy {
  /** True when credentials may be sent to this URL's origin. */
  allows(url: URL): boolean
  /** The trusted origins, for error messages. */
  readonly origins: readonly string[]
}

/**
 * Creates an origin policy from the configured URL and extra trusted origins.
 *
 * @example createOriginPolicy(new URL('https://jmap.example/'), []).allows(new URL('https://evil.example/')) // false
 */
export function createOriginPolicy(configured: URL, trusted: readonly string[]): OriginPolicy {
  const origins = new Set([configured.origin, ...trusted.map((origin) => new URL(origin).origin)])
  return {
    allows: (url) => origins.has(url.origin),
    origins: [...origins],
  }
}
