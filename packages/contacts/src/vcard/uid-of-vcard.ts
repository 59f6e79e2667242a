import { uuidV5 } from '@typed-jmap/calendars/ical'
import type { ParsedVCard } from './parse-vcard.js'

/**
 * The uid of a vCard that has no UID: a UUID v5 of its properties, so converting the same vCard
 * again gives the same uid (RFC 9555 §2.1.1 asks for that).
 *
 * @see RFC 9555 §2.1.1
 * @example uidOfVCard(parsed) // "urn:uuid:2f1c…"
 */
export function uidOfVCard(parsed: ParsedVCard): string {
  const content = parsed.properties.map((property) =>
    JSON.stringify([property.name, property.parameters, property.type, property.values]),
  )
  return `urn:uuid:${uuidV5(`vcard:${content.join('\n')}`)}`
}
