import { isJsonObject } from '@typed-jmap/core/internal'
import * as v from 'valibot'
import { type JSCalendarObject, JSCalendarObjectSchema } from './group.js'

/**
 * Turns an RFC 8984 (JSCalendar 1.0) object into its JSCalendar 2.0 shape, leaving 2.0 input unchanged.
 *
 * Servers such as Cyrus 3.10 still send 1.0 shapes. This moves `recurrenceRules[0]` to
 * `recurrenceRule`, `replyTo` to `organizerCalendarAddress`, `sendTo` to `calendarAddress`, a
 * location with `relativeTo: "end"` and a `timeZone` to `endTimeZone`, drops the removed
 * `attendee` role and the `null` time zones 2.0 forbids, and recurses into Group entries and
 * recurrence overrides. What 2.0 cannot say (a second recurrence rule, `excludedRecurrenceRules`)
 * is kept as it came, as JSCalendar asks of unknown properties. The result is then validated, so
 * anything that is not JSCalendar throws valibot's `ValiError` saying where.
 *
 * @see draft-ietf-calext-jscalendarbis Appendix A
 * @example normalizeJSCalendar({ '@type': 'Event', uid: 'x', start: '2024-01-01T10:00:00', recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily' }], replyTo: { imip: 'mailto:a@example.com' } })
 * // → { '@type': 'Event', uid: 'x', start: '2024-01-01T10:00:00', recurrenceRule: { '@type': 'RecurrenceRule', frequency: 'daily' }, organizerCalendarAddress: 'mailto:a@example.com' }
 */
export function normalizeJSCalendar(input: unknown): JSCalendarObject {
  const copy: unknown = structuredClone(input)
  return v.parse(JSCalendarObjectSchema, isJsonObject(copy) ? normalizeObject(copy) : copy)
}

/**
 * Turns the members of a partial RFC 8984 (JSCalendar 1.0) object into their JSCalendar 2.0
 * shape, with the same conversions as {@link normalizeJSCalendar} but without validation.
 *
 * A `properties`-narrowed `/get` result or the server-set members of a `/set` response carry only
 * some members of an event: nothing is required, nothing is added (no `@type`, no `uid`), and
 * members 2.0 does not know are kept. The input is not modified.
 *
 * @see draft-ietf-calext-jscalendarbis Appendix A
 * @example normalizePartialJSCalendar({ id: 'E-1', replyTo: { imip: 'mailto:a@example.com' } })
 * // → { id: 'E-1', organizerCalendarAddress: 'mailto:a@example.com' }
 */
export function normalizePartialJSCalendar(
  input: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return normalizeObject(structuredClone(input) as Record<string, unknown>)
}

function normalizeObject(object: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(object.entries)) {
    object.entries = object.entries.map((entry: unknown) =>
      isJsonObject(entry) ? normalizeObject(entry) : entry,
    )
  }
  const rules = object.recurrenceRules
  if (Array.isArray(rules) && object.recurrenceRule === undefined) {
    if (rules.length > 0) object.recurrenceRule = rules[0]
    if (rules.length <= 1) delete object.recurrenceRules
    else object.recurrenceRules = rules.slice(1)
  }
  if (object.recurrenceRules === null) delete object.recurrenceRules
  const replyTo = object.replyTo
  if (isJsonObject(replyTo)) {
    const address = pickAddress(replyTo)
    if (address !== undefined && object.organizerCalendarAddress === undefined) {
      object.organizerCalendarAddress = address
    }
    delete object.replyTo
  }
  for (const key of ['timeZone', 'recurrenceIdTimeZone', 'endTimeZone', 'timeZones']) {
    if (object[key] === null) delete object[key]
  }
  if (isJsonObject(object.participants)) {
    for (const participant of Object.values(object.participants)) {
      if (isJsonObject(participant)) normalizeParticipant(participant)
    }
  }
  if (isJsonObject(object.locations)) moveEndTimeZone(object, object.locations)
  if (isJsonObject(object.recurrenceOverrides)) {
    for (const [key, patch] of Object.entries(object.recurrenceOverrides)) {
      if (isJsonObject(patch)) object.recurrenceOverrides[key] = normalizePatch(patch)
    }
  }
  return object
}

function normalizeParticipant(participant: Record<string, unknown>): void {
  const sendTo = participant.sendTo
  if (isJsonObject(sendTo)) {
    const address = pickAddress(sendTo)
    if (address !== undefined && participant.calendarAddress === undefined) {
      participant.calendarAddress = address
    }
    delete participant.sendTo
  }
  const roles = participant.roles
  if (isJsonObject(roles) && 'attendee' in roles) {
    delete roles.attendee
    if (Object.keys(roles).length === 0) delete participant.roles
  }
}

function moveEndTimeZone(
  object: Record<string, unknown>,
  locations: Record<string, unknown>,
): void {
  for (const [id, location] of Object.entries(locations)) {
    if (!isJsonObject(location) || location.relativeTo !== 'end') continue
    if (typeof location.timeZone !== 'string') continue
    if (object.endTimeZone === undefined) object.endTimeZone = location.timeZone
    delete location.timeZone
    delete location.relativeTo
    // A location that only carried the end time zone has nothing left to say in 2.0.
    const rest = Object.keys(location).filter((key) => key !== '@type')
    if (rest.length === 0) delete locations[id]
  }
  if (Object.keys(locations).length === 0) delete object.locations
}

function normalizePatch(patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [pointer, value] of Object.entries(patch)) {
    if (pointer === 'recurrenceRules') {
      if (Array.isArray(value) && value.length > 0) result.recurrenceRule = value[0]
      continue
    }
    if (pointer === 'replyTo' && isJsonObject(value)) {
      const address = pickAddress(value)
      if (address !== undefined) result.organizerCalendarAddress = address
      continue
    }
    if (/^participants\/[^/]+\/sendTo$/.test(pointer) && isJsonObject(value)) {
      const address = pickAddress(value)
      if (address !== undefined) result[pointer.replace(/sendTo$/, 'calendarAddress')] = address
      continue
    }
    if (/^participants\/[^/]+$/.test(pointer) && isJsonObject(value)) {
      const participant = structuredClone(value)
      normalizeParticipant(participant)
      result[pointer] = participant
      continue
    }
    result[pointer] = value
  }
  return result
}

function pickAddress(methods: Record<string, unknown>): string | undefined {
  const imip = methods.imip
  if (typeof imip === 'string') return imip
  return Object.values(methods).find((value): value is string => typeof value === 'string')
}
