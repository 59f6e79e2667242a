import { isObject, type JsonObject } from '../cyrus-legacy/legacy-calendar.js'
import { normaliseLegacyEvent } from '../cyrus-legacy/legacy-event.js'
import { normalizePartialJSCalendar } from '../jscalendar/normalize.js'

/** JMAP properties whose `null` carries meaning and must stay. */
const nullableJmapProperties = new Set(['baseEventId'])

/**
 * Brings a CalendarEvent as a server sent it into the standard JSCalendar 2.0 shape before it is
 * validated: Cyrus 3.6's `jsevent` becomes an Event with `calendarIds`; top-level `null`s that
 * Cyrus sends for absent properties (`keywords: null`, `recurrenceRule: null`, …) are dropped;
 * RFC 8984 spellings (`recurrenceRules`, `replyTo`, `sendTo`) become JSCalendar 2.0 ones.
 *
 * @see draft-ietf-jmap-calendars §5
 * @example normaliseCalendarEventWire({ '@type': 'Event', uid: 'x', keywords: null,
 *   replyTo: { imip: 'mailto:a@example.com' } })
 *   // { '@type': 'Event', uid: 'x', organizerCalendarAddress: 'mailto:a@example.com' }
 */
export function normaliseCalendarEventWire(wire: unknown): unknown {
  if (!isObject(wire)) return wire
  const event = wire['@type'] === 'jsevent' ? normaliseLegacyEvent(wire) : wire
  const withoutNulls: JsonObject = {}
  for (const [key, value] of Object.entries(event)) {
    if (value !== null || nullableJmapProperties.has(key)) withoutNulls[key] = value
  }
  // Also partial events (a `properties`-narrowed `/get`, the server-set part of a `/set`
  // response): what is wrong is left for the response schema to report, and where.
  return normalizePartialJSCalendar(withoutNulls)
}
