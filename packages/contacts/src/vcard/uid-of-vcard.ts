import { uuidV5 } from '@typed-jmap/core/internal'
import type { ParsedVCard } from './parse-vcard.js'

/**
 * The uid of a vCard that has no UID: a UUID v5 of its properties, so converting the same vCard
 * again gives the same uid (RFC 9555 §2.1.1 asks for that). The namespace is the one the
 * JSCalendar conversion draft suggests, which calendars' derived ids use too (core's `uuidV5`),
 * so uids derived before are unchanged.
 *
 * @see RFC 9555 §2.1.1, RFC 9562 §5.5
 * @example uidOfVCard(parsed) // "urn:uuid:2f1c…"
 */
export function uidOfVCard(parsed: ParsedVCard): string {
  const content = parsed.properties.map((property) =>
    JSON.stringify([property.name, property.parameters, property.type, property.values]),
  )
  return `urn:uuid:${uuidV5(`vcard:${content.join('\n')}`)}`
}
