import type { OriginPolicy } from '../auth/origin-policy.js'
import { issuePath } from '../connection/issue-path.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import { SessionError } from '../errors/session-error.js'
import type { HttpTransport } from '../transport/http-transport.js'
import { defaultMaxResponseBytes, readJsonBody } from '../transport/read-json-body.js'
import { resolveSessionUrls } from './resolve-session-urls.js'
import type { Session } from './session.js'
import { sessionProblem } from './session-problem.js'

/**
 * Where the session comes from: its URL, or a host to discover it at
 * `/.well-known/jmap`.
 *
 * @see RFC 8620 §2.2
 * @example { host: new URL('https://mail.example') }
 */
export type SessionLocation = { readonly sessionUrl: URL } | { readonly host: URL }

/**
 * The URL to ask for the session: the configured one, or the well-known URL of
 * the host.
 *
 * @see RFC 8620 §2.2
 * @example sessionRequestUrl({ host: new URL('https://mail.example') }).href // "https://mail.example/.well-known/jmap"
 */
export function sessionRequestUrl(location: SessionLocation): URL {
  return 'sessionUrl' in location
    ? location.sessionUrl
    : new URL('/.well-known/jmap', location.host)
}

/**
 * Fetches, validates and resolves the session, following redirects (Cyrus
 * answers `/.well-known/jmap` with a 301 to `/jmap`).
 *
 * @see RFC 8620 §2
 * @example const session = await fetchSession(transport, { host }, policy)
 */
export async function fetchSession(
  transport: HttpTransport,
  location: SessionLocation,
  policy: OriginPolicy,
  options: { readonly signal?: AbortSignal | undefined } = {},
): Promise<Session> {
  let answeredAt = sessionRequestUrl(location)
  let body: unknown
  try {
    body = await transport.exchange(
      {
        method: 'GET',
        url: answeredAt,
        headers: { accept: 'application/json' },
        retrySafe: true,
        signal: options.signal,
      },
      ({ response, url }) => {
        answeredAt = url
        return readJsonBody(response, {
          url: url.href,
          maxBytes: defaultMaxResponseBytes,
          writeMayHaveHappened: false,
        })
      },
    )
  } catch (error) {
    if (error instanceof ResponseValidationError) {
      throw new SessionError(
        'invalid',
        `the session at ${answeredAt.href} is unusable: ${error.message}`,
        {
          cause: error,
        },
      )
    }
    throw error
  }
  const url = answeredAt
  // Always validated, even with `validate: false`: the URLs decide where credentials go.
  const problem = sessionProblem(body)
  if (problem !== undefined) {
    throw new SessionError(
      'invalid',
      `the session at ${url.href} is invalid at ${issuePath(problem.path, 'session')}: ${problem.message}`,
    )
  }
  return resolveSessionUrls(body as Session, url, policy)
}
