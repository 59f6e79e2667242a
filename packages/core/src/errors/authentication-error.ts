/**
 * Thrown when the server refuses the credentials (401) or the access (403), after
 * a token provider, if any, was asked once more for a fresh token.
 *
 * @see RFC 8620 §1.7
 * @example
 * if (isAuthenticationError(error)) redirectToLogin()
 */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError' as const
  /** 401 or 403. */
  declare readonly status: number
  /** The URL that refused. */
  declare readonly url: string

  constructor(details: { status: number; url: string }, options?: ErrorOptions) {
    const why = details.status === 403 ? 'access forbidden' : 'credentials refused'
    super(`${why} (HTTP ${details.status}) by ${details.url}`, options)
    this.status = details.status
    this.url = details.url
  }
}

/**
 * Tells whether a value is an {@link AuthenticationError}.
 *
 * @example if (isAuthenticationError(error)) console.error(error.status)
 */
export function isAuthenticationError(value: unknown): value is AuthenticationError {
  return value instanceof AuthenticationError
}
