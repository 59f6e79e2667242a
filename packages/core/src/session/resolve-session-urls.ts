import type { OriginPolicy } from '../auth/origin-policy.js'
import { SessionError } from '../errors/session-error.js'
import type { Session } from './session.js'

const templateVariable = /\{([A-Za-z0-9_]+)\}/g
const placeholderPrefix = 'jmaptemplatevar'

/**
 * Resolves one session URL, which may be relative and may be a URI template,
 * against the URL the session came from, and refuses it unless it is http(s),
 * carries no userinfo, and its origin may receive credentials.
 *
 * @see RFC 8620 §2
 * @example resolveSessionUrl('/jmap/upload/{accountId}/', 'uploadUrl', base, policy)
 */
export function resolveSessionUrl(
  value: string,
  member: string,
  base: URL,
  policy: OriginPolicy,
): string {
  // The URL parser would percent-encode `{` and `}` in paths; park the template
  // variables under plain names while resolving, then put them back.
  const names: string[] = []
  const parked = value.replace(templateVariable, (_whole, name: string) => {
    names.push(name)
    return `${placeholderPrefix}${names.length - 1}x`
  })
  let resolved: URL
  try {
    resolved = new URL(parked, base)
  } catch (error) {
    throw new SessionError('invalid', `session ${member} is not a URL: ${JSON.stringify(value)}`, {
      cause: error,
    })
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    throw new SessionError(
      'untrustedUrl',
      `session ${member} uses the scheme ${resolved.protocol}; only http and https are allowed`,
    )
  }
  if (resolved.username !== '' || resolved.password !== '') {
    throw new SessionError('untrustedUrl', `session ${member} embeds credentials in the URL`)
  }
  if (!policy.allows(resolved)) {
    throw new SessionError(
      'untrustedUrl',
      `session ${member} points at ${resolved.origin}, which is not a trusted origin (${policy.origins.join(', ')}); add it to trustedOrigins if it is yours`,
    )
  }
  return resolved.href.replace(
    new RegExp(`${placeholderPrefix}(\\d+)x`, 'g'),
    (_whole, index: string) => `{${names[Number(index)]}}`,
  )
}

/**
 * Returns the session with its four URLs resolved and checked.
 *
 * @see RFC 8620 §2
 * @example resolveSessionUrls(session, new URL('http://127.0.0.1:8080/jmap/'), policy).apiUrl
 */
export function resolveSessionUrls(session: Session, base: URL, policy: OriginPolicy): Session {
  return {
    ...session,
    apiUrl: resolveSessionUrl(session.apiUrl, 'apiUrl', base, policy),
    uploadUrl: resolveSessionUrl(session.uploadUrl, 'uploadUrl', base, policy),
    downloadUrl: resolveSessionUrl(session.downloadUrl, 'downloadUrl', base, policy),
    eventSourceUrl: resolveSessionUrl(session.eventSourceUrl, 'eventSourceUrl', base, policy),
  }
}
