import { isObject, type JsonObject, toLegacyCalendarWrite } from './legacy-calendar.js'
import { toLegacyEventCreate, toLegacyEventPatch } from './legacy-event.js'
import { toLegacyEventFilter } from './legacy-event-filter.js'
import { decodeLegacyEventId, encodeLegacyEventId } from './legacy-event-id.js'

/**
 * Translates the arguments of a standard JMAP Calendars call for Cyrus's legacy namespace:
 * event creates and patches (`calendarId`, `jsevent`, RFC 8984 addresses), query filters (UTC
 * bounds, `inCalendars`), calendar `shareWith` rights, and event ids that were encoded by
 * {@link fromLegacyResponse}. Arguments of other methods pass through.
 *
 * @see draft-ietf-jmap-calendars §5
 * @example toLegacyArguments('CalendarEvent/query', { accountId: 'test', filter: { after: '2030-01-01T00:00:00' } })
 *   // { accountId: 'test', filter: { after: '2030-01-01T00:00:00Z' } }
 */
export function toLegacyArguments(method: string, args: JsonObject): JsonObject {
  const legacy: JsonObject = { ...args }
  switch (method) {
    case 'Calendar/set':
      if (isObject(args.create)) legacy.create = mapValues(args.create, toLegacyCalendarWrite)
      if (isObject(args.update)) legacy.update = mapValues(args.update, toLegacyCalendarWrite)
      break
    case 'CalendarEvent/get':
      if (Array.isArray(args.ids)) legacy.ids = args.ids.map(decodeId)
      if (Array.isArray(args.properties)) {
        legacy.properties = args.properties.map((property: unknown) =>
          property === 'calendarIds' ? 'calendarId' : property,
        )
      }
      break
    case 'CalendarEvent/set':
      if (isObject(args.create)) legacy.create = mapValues(args.create, toLegacyEventCreate)
      if (isObject(args.update)) {
        const update: JsonObject = {}
        for (const [id, patch] of Object.entries(args.update)) {
          update[decodeLegacyEventId(id)] = isObject(patch) ? toLegacyEventPatch(patch) : patch
        }
        legacy.update = update
      }
      if (Array.isArray(args.destroy)) legacy.destroy = args.destroy.map(decodeId)
      break
    case 'CalendarEvent/query': {
      const timeZone = typeof args.timeZone === 'string' ? args.timeZone : 'Etc/UTC'
      if (isObject(args.filter)) legacy.filter = toLegacyEventFilter(args.filter, timeZone)
      // The legacy namespace predates the timeZone argument; the bounds are now UTC.
      delete legacy.timeZone
      if (typeof args.anchor === 'string') legacy.anchor = decodeLegacyEventId(args.anchor)
      break
    }
    case 'CalendarEvent/copy':
      if (isObject(args.create)) {
        legacy.create = mapValues(args.create, (create) => {
          const legacyCreate = toLegacyEventCreate({ ...create, calendarIds: create.calendarIds })
          return typeof create.id === 'string'
            ? { ...legacyCreate, id: decodeLegacyEventId(create.id) }
            : legacyCreate
        })
      }
      break
  }
  return legacy
}

/**
 * Translates the response of a call made in Cyrus's legacy namespace back into standard
 * terms: every event id becomes a valid JMAP Id (see `encodeLegacyEventId`). The objects
 * themselves are normalised by the wire schemas (`jsevent`, flat rights).
 *
 * @example fromLegacyResponse('CalendarEvent/query', { ids: ['lunch@example.com'], … }).ids
 *   // ['x--bHVuY2hAZXhhbXBsZS5jb20']
 */
export function fromLegacyResponse(method: string, response: JsonObject): JsonObject {
  const standard: JsonObject = { ...response }
  switch (method) {
    case 'CalendarEvent/get':
      if (Array.isArray(response.list)) {
        standard.list = response.list.map((event: unknown) =>
          isObject(event) && typeof event.id === 'string'
            ? { ...event, id: encodeLegacyEventId(event.id) }
            : event,
        )
      }
      encodeIdList(standard, 'notFound')
      break
    case 'CalendarEvent/set':
    case 'CalendarEvent/copy':
      if (isObject(response.created)) {
        standard.created = mapValues(response.created, (created) =>
          typeof created.id === 'string'
            ? { ...created, id: encodeLegacyEventId(created.id) }
            : created,
        )
      }
      for (const key of ['updated', 'notUpdated', 'notDestroyed']) encodeIdKeys(standard, key)
      encodeIdList(standard, 'destroyed')
      break
    case 'CalendarEvent/changes':
      for (const key of ['created', 'updated', 'destroyed']) encodeIdList(standard, key)
      break
    case 'CalendarEvent/query':
      encodeIdList(standard, 'ids')
      break
  }
  return standard
}

function decodeId(id: unknown): unknown {
  return typeof id === 'string' ? decodeLegacyEventId(id) : id
}

function encodeIdList(object: JsonObject, key: string): void {
  const ids = object[key]
  if (Array.isArray(ids)) {
    object[key] = ids.map((id: unknown) => (typeof id === 'string' ? encodeLegacyEventId(id) : id))
  }
}

function encodeIdKeys(object: JsonObject, key: string): void {
  const byId = object[key]
  if (!isObject(byId)) return
  const encoded: JsonObject = {}
  for (const [id, value] of Object.entries(byId)) encoded[encodeLegacyEventId(id)] = value
  object[key] = encoded
}

function mapValues(object: JsonObject, map: (value: JsonObject) => JsonObject): JsonObject {
  const mapped: JsonObject = {}
  for (const [key, value] of Object.entries(object))
    mapped[key] = isObject(value) ? map(value) : value
  return mapped
}
