import { isObject, type JsonObject } from './legacy-calendar.js'
import { LegacyDialectError } from './legacy-dialect-error.js'
import { toRfc8984Patch } from './rfc8984-event.js'

/** Properties Cyrus 3.6 adds to its events that have no place in the standard model. */
const legacyOnlyEventProperties = new Set(['participantId', 'calendarId', 'debugBlobId'])

/**
 * Turns a `jsevent` from Cyrus's legacy namespace into a standard CalendarEvent: `@type` becomes
 * `"Event"`, the single `calendarId` becomes `calendarIds`, `isDraft`/`isOrigin` are filled in,
 * `recurrenceRule` gets its `@type`. RFC 8984 spellings (`replyTo`, `sendTo`) are left to the
 * JSCalendar normalisation that runs after this.
 *
 * @see draft-ietf-jmap-calendars §5
 * @example normaliseLegacyEvent({ '@type': 'jsevent', calendarId: 'Default', … }).calendarIds
 *   // { Default: true }
 */
export function normaliseLegacyEvent(legacy: JsonObject): JsonObject {
  const event: JsonObject = {}
  for (const [key, value] of Object.entries(legacy)) {
    if (legacyOnlyEventProperties.has(key)) continue
    event[key] = value
  }
  if (legacy['@type'] === 'jsevent') event['@type'] = 'Event'
  if (typeof legacy.calendarId === 'string') event.calendarIds = { [legacy.calendarId]: true }
  if (isObject(legacy.recurrenceRule) && !('@type' in legacy.recurrenceRule)) {
    event.recurrenceRule = { '@type': 'RecurrenceRule', ...legacy.recurrenceRule }
  }
  // The legacy namespace predates isDraft/isOrigin. Cyrus 3.6 names the participant that is the
  // current user in `participantId`: the event originates here when it has no organizer or when
  // that participant owns it.
  if ('id' in legacy && !('isDraft' in legacy)) event.isDraft = false
  if ('id' in legacy && !('isOrigin' in legacy)) event.isOrigin = isLegacyOrigin(legacy)
  return event
}

function isLegacyOrigin(legacy: JsonObject): boolean {
  if (legacy.replyTo === undefined || legacy.replyTo === null) return true
  const me = typeof legacy.participantId === 'string' ? legacy.participantId : undefined
  if (me === undefined || !isObject(legacy.participants)) return false
  const participant = legacy.participants[me]
  return isObject(participant) && isObject(participant.roles) && participant.roles.owner === true
}

/**
 * Translates a standard CalendarEvent create into Cyrus's legacy `jsevent`: exactly one calendar
 * (`calendarId`), `@type: "jsevent"`, and the organizer/participant addresses in their RFC 8984
 * spelling (`replyTo`, `sendTo`).
 *
 * @throws {LegacyDialectError} when the event is in more or fewer than one calendar.
 * @example toLegacyEventCreate({ calendarIds: { Default: true }, title: 'Lunch', … })
 *   // { calendarId: 'Default', '@type': 'jsevent', title: 'Lunch', … }
 */
export function toLegacyEventCreate(event: JsonObject): JsonObject {
  const legacy: JsonObject = {}
  for (const [key, value] of Object.entries(event)) {
    if (value === null) continue // draft-27: null on create means "omit"
    legacy[key] = value
  }
  delete legacy.calendarIds
  delete legacy.isDraft
  if ('calendarIds' in event) legacy.calendarId = singleCalendarId(event.calendarIds)
  legacy['@type'] = 'jsevent'
  return toLegacyAddresses(legacy)
}

/**
 * Translates a standard CalendarEvent patch into Cyrus's legacy namespace: a new `calendarIds`
 * set (whole, or one `calendarIds/<id>: true` key) moves the event with `calendarId`.
 *
 * @throws {LegacyDialectError} when the patch would leave the event in several calendars.
 * @example toLegacyEventPatch({ 'calendarIds/Work': true, 'calendarIds/Default': null })
 *   // { calendarId: 'Work' }
 */
export function toLegacyEventPatch(patch: JsonObject): JsonObject {
  const legacy: JsonObject = {}
  const addedCalendars: string[] = []
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'calendarIds') {
      legacy.calendarId = singleCalendarId(value)
    } else if (key.startsWith('calendarIds/')) {
      if (value === true) addedCalendars.push(key.slice('calendarIds/'.length))
    } else if (key !== 'isDraft') {
      legacy[key] = value
    }
  }
  if (addedCalendars.length > 1) {
    throw new LegacyDialectError(
      `an event in Cyrus's legacy calendars belongs to exactly one calendar; the patch adds ${addedCalendars.length}`,
    )
  }
  if (addedCalendars[0] !== undefined) legacy.calendarId = addedCalendars[0]
  return toLegacyAddresses(legacy)
}

function singleCalendarId(calendarIds: unknown): string {
  const ids = isObject(calendarIds)
    ? Object.keys(calendarIds).filter((id) => calendarIds[id] === true)
    : []
  if (ids.length !== 1 || ids[0] === undefined) {
    throw new LegacyDialectError(
      `an event in Cyrus's legacy calendars belongs to exactly one calendar, got ${ids.length} in calendarIds`,
    )
  }
  return ids[0]
}

/**
 * JSCalendar 2.0 addresses → the RFC 8984 spelling the legacy namespace understands; its
 * recurrence rule stays singular (`recurrenceRule`), as Cyrus 3.6 spells it.
 */
function toLegacyAddresses(event: JsonObject): JsonObject {
  const { recurrenceRule, ...rest } = event
  const written = toRfc8984Patch(rest)
  if (recurrenceRule !== undefined) written.recurrenceRule = recurrenceRule
  return written
}
