import { normaliseCalendarEventWire } from '../calendar-event/calendar-event-wire.js'
import { isObject, type JsonObject } from '../cyrus-legacy/legacy-calendar.js'

/**
 * Brings a CalendarEventNotification as a server sent it into the standard shape: Cyrus
 * 3.8–3.12 names the principal in `changedBy` `calendarPrincipalId`, leaves out `comment`, and
 * sends its event in RFC 8984 spelling, sometimes without `@type`.
 *
 * @see draft-ietf-jmap-calendars §7
 * @example normaliseCalendarEventNotificationWire({ changedBy: { name: '', email: 'a@b', calendarPrincipalId: 'other' }, … })
 *   // { changedBy: { name: '', email: 'a@b', principalId: 'other' }, comment: null, … }
 */
export function normaliseCalendarEventNotificationWire(wire: unknown): unknown {
  if (!isObject(wire)) return wire
  const notification: JsonObject = { ...wire }
  if (isObject(wire.changedBy)) {
    const { calendarPrincipalId, ...changedBy } = wire.changedBy
    if (!('principalId' in changedBy)) {
      changedBy.principalId = typeof calendarPrincipalId === 'string' ? calendarPrincipalId : null
    }
    if (!('email' in changedBy)) changedBy.email = null
    notification.changedBy = changedBy
  }
  if ('type' in wire && !('comment' in wire)) notification.comment = null
  if (isObject(wire.event)) {
    // Cyrus leaves `@type` out of the event it stores with the notification.
    const event = normaliseCalendarEventWire(wire.event)
    notification.event =
      isObject(event) && !('@type' in event) ? { '@type': 'Event', ...event } : event
  }
  return notification
}
