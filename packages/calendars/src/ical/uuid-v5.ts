import { parse, v5 } from 'uuid'

/**
 * The UUID namespace the conversion draft suggests for keys derived from iCalendar values.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §2.1.3
 */
export const jscalendarIdNamespace = '7f1e1965-ae73-4454-b088-232c90730ce2'

// Given as text, the namespace would be parsed twice on every call; ids are derived for every
// participant, location and link read or written.
const namespaceBytes = parse(jscalendarIdNamespace)

/**
 * A UUID version 5 (SHA-1) of a name in the draft's namespace: the same value always gives the same id.
 *
 * `uuid`'s v5 is synchronous (the converter is) and browser-safe: its browser build carries its
 * own SHA-1, its Node build uses node:crypto.
 *
 * @see RFC 9562 §5.5
 * @example uuidV5('mailto:foo@example.com') // '59eb121c-e8f2-558a-9049-ef750a5976bd'
 */
export function uuidV5(name: string): string {
  return v5(name, namespaceBytes)
}
