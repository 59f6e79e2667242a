import { v5 } from 'uuid'
import type { ParsedVCard } from './parse-vcard.js'

/**
 * The UUID namespace of derived uids: the one the JSCalendar conversion draft suggests, which
 * calendars uses for its derived ids too; uids derived before contacts had its own copy of it
 * stay the same.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §2.1.3
 */
const derivedUidNamespace = '7f1e1965-ae73-4454-b088-232c90730ce2'

/**
 * The uid of a vCard that has no UID: a UUID v5 of its properties, so converting the same vCard
 * again gives the same uid (RFC 9555 §2.1.1 asks for that). `uuid`'s v5 is synchronous and
 * browser-safe.
 *
 * @see RFC 9555 §2.1.1, RFC 9562 §5.5
 * @example uidOfVCard(parsed) // "urn:uuid:2f1c…"
 */
export function uidOfVCard(parsed: ParsedVCard): string {
  const content = parsed.properties.map((property) =>
    JSON.stringify([property.name, property.parameters, property.type, property.values]),
  )
  return `urn:uuid:${v5(`vcard:${content.join('\n')}`, derivedUidNamespace)}`
}
