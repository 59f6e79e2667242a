/**
 * Calendar, CalendarEvent (except /parse), CalendarEventNotification and ParticipantIdentity.
 *
 * @see draft-ietf-jmap-calendars §2.1
 */
export const CALENDARS_CAPABILITY = 'urn:ietf:params:jmap:calendars' as const

/**
 * CalendarPreferences (an interim draft capability, served by Cyrus 3.8–3.12).
 *
 * @see draft-ietf-jmap-calendars-17 §2
 */
export const CALENDARS_PREFERENCES_CAPABILITY =
  'urn:ietf:params:jmap:calendars:preferences' as const

/**
 * CalendarEvent/parse.
 *
 * @see draft-ietf-jmap-calendars §2.3
 */
export const CALENDARS_PARSE_CAPABILITY = 'urn:ietf:params:jmap:calendars:parse' as const

/**
 * Principal and ShareNotification.
 *
 * @see RFC 9670 §2.1
 */
export const PRINCIPALS_CAPABILITY = 'urn:ietf:params:jmap:principals' as const

/**
 * Marks an account as owned by a Principal (account capability only).
 *
 * @see RFC 9670 §2.2
 */
export const PRINCIPALS_OWNER_CAPABILITY = 'urn:ietf:params:jmap:principals:owner' as const

/**
 * Principal/getAvailability.
 *
 * @see draft-ietf-jmap-calendars §2.2
 */
export const PRINCIPALS_AVAILABILITY_CAPABILITY =
  'urn:ietf:params:jmap:principals:availability' as const

/**
 * Cyrus's vendor calendar namespace: the only calendars Cyrus 3.6 serves, and the namespace of
 * CalendarEvent/parse on Cyrus 3.8–3.10.
 */
export const CYRUS_CALENDARS_CAPABILITY = 'https://cyrusimap.org/ns/jmap/calendars' as const

/** Cyrus's opt-in to JSCalendar 2.0 event objects (Cyrus HEAD). */
export const CYRUS_JSCALENDARBIS_CAPABILITY = 'https://cyrusimap.org/ns/jmap/jscalendarbis' as const
