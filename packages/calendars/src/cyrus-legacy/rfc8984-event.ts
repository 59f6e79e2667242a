import { isObject, type JsonObject } from './legacy-calendar.js'

/**
 * Writes a JSCalendar 2.0 event (or event create) in the RFC 8984 spelling Cyrus reads:
 * `recurrenceRule` → `recurrenceRules: [rule]`, `organizerCalendarAddress` → `replyTo.imip`,
 * each participant's `calendarAddress` → `sendTo.imip` with the `attendee` role that RFC 8984
 * needs to schedule them (JSCalendar 2.0 dropped the role: every participant with an address
 * attends). Recurrence overrides are patches and are translated with {@link toRfc8984Patch}.
 *
 * @see draft-ietf-calext-jscalendarbis Appendix A
 * @example toRfc8984Event({ recurrenceRule: { frequency: 'weekly' }, organizerCalendarAddress: 'mailto:a@b' })
 *   // { recurrenceRules: [{ frequency: 'weekly' }], replyTo: { imip: 'mailto:a@b' } }
 */
export function toRfc8984Event(event: JsonObject): JsonObject {
  const written: JsonObject = {}
  for (const [key, value] of Object.entries(event)) {
    if (key === 'recurrenceRule') {
      written.recurrenceRules = value === null ? null : [value]
    } else if (key === 'organizerCalendarAddress') {
      written.replyTo = typeof value === 'string' ? { imip: value } : value
    } else if (key === 'participants' && isObject(value)) {
      const participants: JsonObject = {}
      for (const [id, participant] of Object.entries(value)) {
        participants[id] = isObject(participant) ? toRfc8984Participant(participant) : participant
      }
      written.participants = participants
    } else if (key === 'recurrenceOverrides' && isObject(value)) {
      const overrides: JsonObject = {}
      for (const [recurrenceId, patch] of Object.entries(value)) {
        overrides[recurrenceId] = isObject(patch) ? toRfc8984Patch(patch) : patch
      }
      written.recurrenceOverrides = overrides
    } else {
      written[key] = value
    }
  }
  return written
}

/**
 * Writes a JSCalendar 2.0 patch (a CalendarEvent/set update, or the patch of a recurrence
 * override) in RFC 8984 spelling; pointers into renamed properties are renamed with them.
 *
 * @see RFC 8984 §1.4.9
 * @example toRfc8984Patch({ 'participants/p1/calendarAddress': 'mailto:b@c', recurrenceRule: null })
 *   // { 'participants/p1/sendTo': { imip: 'mailto:b@c' }, recurrenceRules: null }
 */
export function toRfc8984Patch(patch: JsonObject): JsonObject {
  const written: JsonObject = {}
  for (const [pointer, value] of Object.entries(patch)) {
    const segments = pointer.split('/')
    const [head] = segments
    if (segments.length === 1 && head !== undefined && !head.includes('~')) {
      Object.assign(written, toRfc8984Event({ [head]: value }))
    } else if (
      segments.length === 3 &&
      head === 'participants' &&
      segments[2] === 'calendarAddress'
    ) {
      written[`participants/${segments[1]}/sendTo`] =
        typeof value === 'string' ? { imip: value } : value
    } else if (segments.length === 2 && head === 'participants') {
      written[pointer] = isObject(value) ? toRfc8984Participant(value) : value
    } else if (segments.length === 2 && head === 'recurrenceOverrides' && isObject(value)) {
      written[pointer] = toRfc8984Patch(value)
    } else {
      written[pointer] = value
    }
  }
  return written
}

function toRfc8984Participant(participant: JsonObject): JsonObject {
  const { calendarAddress, ...rest } = participant
  if (typeof calendarAddress !== 'string') return participant
  const roles = isObject(rest.roles) ? rest.roles : {}
  return { ...rest, sendTo: { imip: calendarAddress }, roles: { ...roles, attendee: true } }
}
