import { IdSchema, type ResponseSchema, SetErrorSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { normalisedSetResponseSchema } from '../normalised-response/normalised-set-response-schema.js'
import { CalendarEventSchema } from './calendar-event-schema.js'
import { normaliseCalendarEventWire } from './calendar-event-wire.js'

/**
 * The response schema of `CalendarEvent/copy`: the server-set properties of each copy are
 * normalised like those of `/set`; a missing `newState` (Cyrus) reads as null, as in core's
 * standard `/copy` schema.
 *
 * @see RFC 8620 §5.4
 * @example v.parse(calendarEventCopyResponseSchema, { fromAccountId: 'test', accountId: 'other', created: null, notCreated: { c: { type: 'notFound' } } })
 */
export const calendarEventCopyResponseSchema: ResponseSchema = normalisedSetResponseSchema(
  CalendarEventSchema,
  normaliseCalendarEventWire,
  v.looseObject({
    fromAccountId: IdSchema,
    accountId: IdSchema,
    oldState: v.nullish(v.string(), null),
    newState: v.nullish(v.string(), null),
    created: v.nullish(v.record(v.string(), v.looseObject({ id: IdSchema })), null),
    notCreated: v.nullish(v.record(v.string(), SetErrorSchema), null),
  }),
)
