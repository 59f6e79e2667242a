import { IdSchema, UnsignedIntSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { AlertSchema } from '../jscalendar/alert.js'
import type { Calendar, CalendarRights } from './calendar.js'
import { normaliseCalendarWire } from './calendar-wire.js'

/**
 * The valibot schema of {@link CalendarRights}.
 *
 * @see draft-ietf-jmap-calendars §4
 * @example v.parse(CalendarRightsSchema, { mayReadItems: true, … })
 */
export const CalendarRightsSchema: v.GenericSchema<unknown, CalendarRights> = v.looseObject({
  mayReadFreeBusy: v.boolean(),
  mayReadItems: v.boolean(),
  mayWriteAll: v.boolean(),
  mayWriteOwn: v.boolean(),
  mayUpdatePrivate: v.boolean(),
  mayRSVP: v.boolean(),
  mayShare: v.boolean(),
  mayDelete: v.boolean(),
})

const alertsById = v.nullable(v.record(v.string(), AlertSchema))

/**
 * The valibot schema of a {@link Calendar} in the standard shape.
 *
 * @see draft-ietf-jmap-calendars §4
 */
export const CalendarSchema: v.GenericSchema<unknown, Calendar> = v.looseObject({
  id: IdSchema,
  name: v.string(),
  description: v.nullable(v.string()),
  color: v.nullable(v.string()),
  sortOrder: UnsignedIntSchema,
  isSubscribed: v.boolean(),
  isVisible: v.boolean(),
  isDefault: v.exactOptional(v.boolean()),
  includeInAvailability: v.picklist(['all', 'attending', 'none']),
  defaultAlertsWithTime: alertsById,
  defaultAlertsWithoutTime: alertsById,
  timeZone: v.nullable(v.string()),
  shareWith: v.nullable(v.record(v.string(), CalendarRightsSchema)),
  myRights: CalendarRightsSchema,
})

/**
 * The valibot schema of a {@link Calendar} as servers send it; Cyrus's spellings (legacy
 * flat rights, `mayAdmin`, omitted defaults) are normalised before validation.
 *
 * @see draft-ietf-jmap-calendars §4
 * @example v.parse(CalendarWireSchema, { id: 'Default', name: 'personal', … })
 */
export const CalendarWireSchema: v.GenericSchema<unknown, Calendar> = v.pipe(
  v.unknown(),
  v.transform(normaliseCalendarWire),
  CalendarSchema,
)
