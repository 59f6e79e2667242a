import type { JmapConnection } from '@typed-jmap/core'
import { checkRequest } from '@typed-jmap/core/internal'
import { type CalendarDialect, detectCalendarDialect } from '../cyrus-legacy/calendar-dialect.js'
import {
  dialectArguments,
  dialectCapability,
  fromDialectResponse,
  toDialectRequest,
} from '../cyrus-legacy/dialect-request.js'

/**
 * Wraps a connection so that standard JMAP Calendars requests work on servers that speak a
 * dialect: on Cyrus 3.6 calls go to the legacy namespace (`jsevent`, `calendarId`, UTC query
 * bounds, encoded uid-ids); on Cyrus 3.8–3.12 event writes are spelled RFC 8984, parse and
 * availability use the URNs Cyrus answers to. The dialect is detected from the Session; on a
 * server that speaks the standard, requests pass through unchanged.
 *
 * @see draft-ietf-jmap-calendars §2
 * @example createClient({ connection: withCalendarDialect(createConnection({ sessionUrl, auth })), capabilities: [calendars] })
 */
export function withCalendarDialect(connection: JmapConnection): JmapConnection {
  const dialectOf = async (): Promise<CalendarDialect | undefined> =>
    detectCalendarDialect(await connection.session())
  return {
    session: () => connection.session(),
    refreshSession: () => connection.refreshSession(),
    async send(request, options) {
      const dialect = await dialectOf()
      if (dialect === undefined) return connection.send(request, options)
      // The caller's request is checked as usual; the translated one carries Cyrus 3.6's
      // uid-ids, which are not RFC 8620 Ids, so only its shape is checked on the way out.
      checkRequest(request)
      const response = await connection.send(toDialectRequest(request, dialect), {
        ...options,
        checkIds: false,
      })
      return fromDialectResponse(response, dialect)
    },
    async enqueue(call, options) {
      const dialect = await dialectOf()
      if (dialect === undefined) return connection.enqueue(call, options)
      const translated = {
        name: call.name,
        args: dialectArguments(call.name, call.args, dialect),
        using: [...new Set(call.using.map((urn) => dialectCapability(urn, dialect)))],
      }
      const responses = await connection.enqueue(translated, options)
      return fromDialectResponse({ methodResponses: responses, sessionState: '' }, dialect)
        .methodResponses
    },
    upload: (...args) => connection.upload(...args),
    download: (...args) => connection.download(...args),
    downloadUrl: (...args) => connection.downloadUrl(...args),
    events: (...args) => connection.events(...args),
    webSocket: (...args) => connection.webSocket(...args),
    async accountFor(capabilityUrn) {
      const dialect = await dialectOf()
      return connection.accountFor(
        dialect === undefined ? capabilityUrn : dialectCapability(capabilityUrn, dialect),
      )
    },
  }
}
