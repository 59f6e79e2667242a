const jmapIdPattern = /^[A-Za-z0-9_-]{1,255}$/

/** Marks an id that was encoded because Cyrus's own id is not a valid JMAP Id. */
const encodedPrefix = 'x--'

/**
 * Turns a Cyrus 3.6 event id into a valid JMAP Id. Cyrus 3.6 uses the event's uid as its id,
 * so a uid like `lunch@example.com` becomes an id with `@` and `.`, which JMAP forbids; such ids
 * (and ids that happen to start with the marker) are base64url-encoded behind `x--`, so the
 * mapping is reversible with {@link decodeLegacyEventId}.
 *
 * @see RFC 8620 §1.2
 * @example encodeLegacyEventId('lunch@example.com') // 'x--bHVuY2hAZXhhbXBsZS5jb20'
 */
export function encodeLegacyEventId(id: string): string {
  if (jmapIdPattern.test(id) && !id.startsWith(encodedPrefix)) return id
  let binary = ''
  for (const byte of new TextEncoder().encode(id)) binary += String.fromCharCode(byte)
  const base64url = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `${encodedPrefix}${base64url}`
}

/**
 * Recovers the Cyrus 3.6 event id behind an id made by {@link encodeLegacyEventId}.
 *
 * @example decodeLegacyEventId('x--bHVuY2hAZXhhbXBsZS5jb20') // 'lunch@example.com'
 */
export function decodeLegacyEventId(id: string): string {
  if (!id.startsWith(encodedPrefix)) return id
  const base64 = id.slice(encodedPrefix.length).replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64)
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)))
}
