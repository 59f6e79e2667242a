import { IdSchema, type ResponseSchema, type ResponseSchemaFactory } from '@typed-jmap/core'
import * as v from 'valibot'
import { isObject } from '../cyrus-legacy/legacy-calendar.js'
import { EventSchema } from '../jscalendar/event-task-schemas.js'
import { normaliseCalendarEventWire } from './calendar-event-wire.js'

const eventFromWire = v.pipe(v.unknown(), v.transform(normaliseCalendarEventWire), EventSchema)
const partialEventFromWire = v.pipe(
  v.unknown(),
  v.transform(normaliseCalendarEventWire),
  v.record(v.string(), v.unknown()),
)

function parseResponse(event: v.GenericSchema<unknown, unknown>): ResponseSchema {
  return v.looseObject({
    accountId: IdSchema,
    parsed: v.nullish(
      v.record(
        v.string(),
        // Cyrus maps each blob to one event object rather than an array of them.
        v.pipe(
          v.unknown(),
          v.transform((value) => (isObject(value) ? [value] : value)),
          v.array(event),
        ),
      ),
      null,
    ),
    notFound: v.nullish(v.array(IdSchema), null),
    notParsable: v.nullish(v.array(IdSchema), null),
  })
}

const fullParseResponse = parseResponse(eventFromWire)
const narrowedParseResponse = parseResponse(partialEventFromWire)

/**
 * The response schema of `CalendarEvent/parse`: every parsed event is normalised to JSCalendar
 * 2.0 and checked as an Event (or only normalised when `properties` narrowed it).
 *
 * @see draft-ietf-jmap-calendars §5.13
 * @example calendarEventParseResponseSchema({ accountId: 'test', blobIds: ['G1'] })
 */
export const calendarEventParseResponseSchema: ResponseSchemaFactory = (args) =>
  Array.isArray(args.properties) ? narrowedParseResponse : fullParseResponse
