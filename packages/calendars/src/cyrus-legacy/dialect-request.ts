import type { JmapConnection } from '@typed-jmap/core'
import {
  CALENDARS_CAPABILITY,
  CALENDARS_PARSE_CAPABILITY,
  PRINCIPALS_AVAILABILITY_CAPABILITY,
} from '../capabilities/capability-urns.js'
import type { CalendarDialect } from './calendar-dialect.js'
import { isObject, type JsonObject } from './legacy-calendar.js'
import { toCyrusEventFilter } from './legacy-event-filter.js'
import { fromLegacyResponse, toLegacyArguments } from './legacy-invocation.js'
import { toRfc8984Event, toRfc8984Patch } from './rfc8984-event.js'

// Core does not export its wire types (yet); read them off the connection interface.
type JmapRequest = Parameters<JmapConnection['send']>[0]
type JmapResponse = Awaited<ReturnType<JmapConnection['send']>>
type Invocation = JmapRequest['methodCalls'][number]

/**
 * The capability URN a server of this dialect wants in `using` for a standard calendars URN.
 *
 * @example dialectCapability('urn:ietf:params:jmap:calendars', legacy) // 'https://cyrusimap.org/ns/jmap/calendars'
 */
export function dialectCapability(urn: string, dialect: CalendarDialect): string {
  switch (urn) {
    case CALENDARS_CAPABILITY:
      return dialect.capability
    case CALENDARS_PARSE_CAPABILITY:
      return dialect.parseCapability ?? urn
    case PRINCIPALS_AVAILABILITY_CAPABILITY:
      return dialect.availabilityCapability ?? urn
    default:
      return urn
  }
}

/**
 * Translates one standard method call into what a server of this dialect understands.
 *
 * @example dialectArguments('CalendarEvent/set', { create: { e: { recurrenceRule: … } } }, cyrus310)
 *   // { create: { e: { recurrenceRules: [ … ] } } }
 */
export function dialectArguments(
  method: string,
  args: JsonObject,
  dialect: CalendarDialect,
): JsonObject {
  if (dialect.name === 'cyrus-legacy') return toLegacyArguments(method, args)
  const translated: JsonObject = { ...args }
  if (dialect.eventFormat === 'rfc8984' && method === 'CalendarEvent/set') {
    if (isObject(args.create)) translated.create = mapObjects(args.create, toRfc8984Event)
    if (isObject(args.update)) translated.update = mapObjects(args.update, toRfc8984Patch)
  }
  if (
    dialect.eventFormat === 'rfc8984' &&
    method === 'CalendarEvent/copy' &&
    isObject(args.create)
  ) {
    translated.create = mapObjects(args.create, toRfc8984Event)
  }
  if (
    dialect.server === 'cyrus' &&
    (method === 'CalendarEvent/query' || method === 'CalendarEvent/queryChanges') &&
    isObject(args.filter)
  ) {
    translated.filter = toCyrusEventFilter(args.filter)
  }
  // Cyrus answers invalidArguments to an accountId here (it computes availability across accounts).
  if (dialect.server === 'cyrus' && method === 'Principal/getAvailability')
    delete translated.accountId
  return translated
}

/**
 * Translates a whole standard request for a server of this dialect: `using` URNs and every
 * call's arguments.
 *
 * @see draft-ietf-jmap-calendars §2
 * @example toDialectRequest({ using: ['urn:ietf:params:jmap:calendars'], methodCalls: [...] }, legacy)
 */
export function toDialectRequest(request: JmapRequest, dialect: CalendarDialect): JmapRequest {
  const using = [...new Set(request.using.map((urn) => dialectCapability(urn, dialect)))]
  const methodCalls = request.methodCalls.map(
    ([name, args, callId]): Invocation => [name, dialectArguments(name, args, dialect), callId],
  )
  return { ...request, using, methodCalls }
}

/**
 * Translates a response from a server of this dialect back into standard terms (Cyrus 3.6
 * event ids); the objects themselves are normalised by the response schemas.
 *
 * @example fromDialectResponse(response, legacy)
 */
export function fromDialectResponse(
  response: JmapResponse,
  dialect: CalendarDialect,
): JmapResponse {
  if (dialect.name !== 'cyrus-legacy') return response
  return {
    ...response,
    methodResponses: response.methodResponses.map(
      ([name, args, callId]): Invocation => [name, fromLegacyResponse(name, args), callId],
    ),
  }
}

function mapObjects(object: JsonObject, map: (value: JsonObject) => JsonObject): JsonObject {
  const mapped: JsonObject = {}
  for (const [key, value] of Object.entries(object))
    mapped[key] = isObject(value) ? map(value) : value
  return mapped
}
