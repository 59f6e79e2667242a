/**
 * Thrown when a server redirects a request to an origin that may not receive
 * it: an API request or upload would replay its body there and the client would
 * take that origin's answer as the server's. Names both origins; `to` is
 * `undefined` in browsers, which hide where a manual redirect leads.
 *
 * @see RFC 8620 §8.2
 * @example
 * // "https://jmap.example answered 307 redirecting to https://elsewhere.example, which is not a trusted origin"
 * if (isRedirectRefusedError(error)) console.error(error.from, error.to)
 */
export class RedirectRefusedError extends Error {
  override readonly name = 'RedirectRefusedError' as const
  /** The redirect status (301, 302, 303, 307, 308), or 0 when the browser hid it. */
  declare readonly status: number
  /** The URL that answered with the redirect. */
  declare readonly url: string
  /** The origin that redirected. */
  declare readonly from: string
  /** The origin the redirect points at; `undefined` when the browser does not reveal it. */
  declare readonly to: string | undefined
  constructor(
    details: { status: number; url: string; to: string | undefined; trusted: readonly string[] },
    options?: ErrorOptions,
  ) {
    const from = new URL(details.url).origin
    const where =
      details.to === undefined
        ? 'to an origin the browser does not reveal'
        : `to ${details.to}, which is not a trusted origin (${details.trusted.join(', ')})`
    super(
      `${from} answered ${details.status === 0 ? 'with a redirect' : details.status} redirecting ${where}; refused (add the origin to trustedOrigins if it is yours)`,
      options,
    )
    this.status = details.status
    this.url = details.url
    this.from = from
    this.to = details.to
  }
}

/**
 * Tells whether a value is a {@link RedirectRefusedError}.
 *
 * @example if (isRedirectRefusedError(error)) console.error(error.to)
 */
export function isRedirectRefusedError(value: unknown): value is RedirectRefusedError {
  return value instanceof RedirectRefusedError
}
