import {
  CALENDARS_CAPABILITY,
  CALENDARS_PARSE_CAPABILITY,
  CYRUS_CALENDARS_CAPABILITY,
  CYRUS_JSCALENDARBIS_CAPABILITY,
  PRINCIPALS_AVAILABILITY_CAPABILITY,
  PRINCIPALS_CAPABILITY,
} from '../capabilities/capability-urns.js'

/** The parts of a JMAP Session that decide how to speak calendars to a server. */
export interface CalendarSessionView {
  readonly capabilities: Readonly<Record<string, unknown>>
}

/**
 * How a server speaks JMAP Calendars, detected from its Session:
 * - `standard`: `urn:ietf:params:jmap:calendars` (Cyrus ≥ 3.8, Stalwart, …);
 * - `cyrus-legacy`: only Cyrus's vendor namespace (Cyrus 3.6), with `jsevent` objects, a single
 *   `calendarId`, flat calendar rights and UTC query bounds.
 *
 * `eventFormat` says which JSCalendar spelling the server reads on writes: JSCalendar 2.0
 * (`organizerCalendarAddress`, `calendarAddress`, `recurrenceRule`) or RFC 8984 (`replyTo`,
 * `sendTo`, `recurrenceRules`), which Cyrus keeps serving under the standard URN unless its
 * `jscalendarbis` namespace is advertised.
 *
 * @see draft-ietf-jmap-calendars §2
 * @example { name: 'standard', capability: 'urn:ietf:params:jmap:calendars', eventFormat: 'rfc8984', … }
 */
export interface CalendarDialect {
  readonly name: 'standard' | 'cyrus-legacy'
  /** Cyrus needs its own quirks handled (Principal/getAvailability without accountId, …). */
  readonly server: 'cyrus' | 'other'
  /** The URN that goes into `using` for Calendar, CalendarEvent and notifications. */
  readonly capability: string
  readonly eventFormat: 'jscalendar-2.0' | 'rfc8984'
  /** The URN that enables CalendarEvent/parse, or undefined when the server has none. */
  readonly parseCapability: string | undefined
  /** The URN that enables Principal/getAvailability, or undefined when the server has none. */
  readonly availabilityCapability: string | undefined
  /** Whether the server serves Principals (sharing, ShareNotification). */
  readonly hasPrincipals: boolean
}

/**
 * Detects the calendar dialect a server speaks from its Session, or returns undefined when it
 * serves no calendars at all.
 *
 * @example detectCalendarDialect(await connection.session())?.name // 'cyrus-legacy' on Cyrus 3.6
 */
export function detectCalendarDialect(session: CalendarSessionView): CalendarDialect | undefined {
  const capabilities = session.capabilities
  const has = (urn: string): boolean => urn in capabilities
  const cyrusVendor = capabilities[CYRUS_CALENDARS_CAPABILITY]
  const hasPrincipals = has(PRINCIPALS_CAPABILITY)
  if (has(CALENDARS_CAPABILITY)) {
    const isCyrus = cyrusVendor !== undefined
    return {
      name: 'standard',
      server: isCyrus ? 'cyrus' : 'other',
      capability: CALENDARS_CAPABILITY,
      eventFormat: isCyrus && !has(CYRUS_JSCALENDARBIS_CAPABILITY) ? 'rfc8984' : 'jscalendar-2.0',
      // Cyrus 3.8–3.12 serves CalendarEvent/parse without advertising calendars:parse; the
      // method answers under its vendor namespace there.
      parseCapability: has(CALENDARS_PARSE_CAPABILITY)
        ? CALENDARS_PARSE_CAPABILITY
        : isCyrus
          ? CYRUS_CALENDARS_CAPABILITY
          : undefined,
      // Cyrus registers Principal/getAvailability under principals and never advertises
      // principals:availability.
      availabilityCapability: has(PRINCIPALS_AVAILABILITY_CAPABILITY)
        ? PRINCIPALS_AVAILABILITY_CAPABILITY
        : isCyrus && hasPrincipals
          ? PRINCIPALS_CAPABILITY
          : undefined,
      hasPrincipals,
    }
  }
  if (cyrusVendor !== undefined) {
    return {
      name: 'cyrus-legacy',
      server: 'cyrus',
      capability: CYRUS_CALENDARS_CAPABILITY,
      eventFormat: 'rfc8984',
      parseCapability: CYRUS_CALENDARS_CAPABILITY,
      availabilityCapability: undefined,
      hasPrincipals,
    }
  }
  return undefined
}
