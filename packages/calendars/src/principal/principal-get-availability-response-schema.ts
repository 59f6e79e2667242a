import { IdSchema, type ResponseSchema, UTCDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { normaliseCalendarEventWire } from '../calendar-event/calendar-event-wire.js'

/**
 * The response schema of `Principal/getAvailability`: busy periods, with any event detail
 * normalised to JSCalendar 2.0 (Cyrus sends it in RFC 8984 spelling).
 *
 * @see draft-ietf-jmap-calendars §2.5
 * @example v.parse(principalGetAvailabilityResponseSchema, { list: [{ utcStart: '2030-01-15T08:00:00Z', utcEnd: '2030-01-15T09:00:00Z' }] })
 */
export const principalGetAvailabilityResponseSchema: ResponseSchema = v.looseObject({
  accountId: v.exactOptional(IdSchema),
  list: v.array(
    v.looseObject({
      utcStart: UTCDateSchema,
      utcEnd: UTCDateSchema,
      busyStatus: v.exactOptional(v.picklist(['confirmed', 'tentative', 'unavailable'])),
      event: v.exactOptional(
        v.nullable(
          v.pipe(
            v.record(v.string(), v.unknown()),
            v.transform((event) => normaliseCalendarEventWire(event) as Record<string, unknown>),
          ),
        ),
      ),
      accountId: v.exactOptional(v.nullable(IdSchema)),
    }),
  ),
})
