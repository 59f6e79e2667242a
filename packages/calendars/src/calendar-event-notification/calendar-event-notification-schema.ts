import { IdSchema, UTCDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { EventSchema } from '../jscalendar/event-task-schemas.js'
import { PatchObjectSchema } from '../jscalendar/primitives.js'
import type { CalendarEventNotification } from './calendar-event-notification.js'
import { normaliseCalendarEventNotificationWire } from './calendar-event-notification-wire.js'

/**
 * The valibot schema of a {@link CalendarEventNotification} in the standard shape.
 *
 * @see draft-ietf-jmap-calendars §7
 */
export const CalendarEventNotificationSchema: v.GenericSchema<unknown, CalendarEventNotification> =
  v.looseObject({
    id: IdSchema,
    created: UTCDateSchema,
    changedBy: v.looseObject({
      name: v.string(),
      email: v.nullable(v.string()),
      principalId: v.nullable(IdSchema),
      calendarAddress: v.exactOptional(v.nullable(v.string())),
    }),
    comment: v.exactOptional(v.nullable(v.string())),
    type: v.picklist(['created', 'updated', 'destroyed']),
    calendarEventId: IdSchema,
    isDraft: v.exactOptional(v.boolean()),
    event: EventSchema,
    eventPatch: v.exactOptional(PatchObjectSchema),
  })

/**
 * The valibot schema of a {@link CalendarEventNotification} as servers send it (Cyrus's
 * `calendarPrincipalId` and RFC 8984 events are normalised first).
 *
 * @see draft-ietf-jmap-calendars §7
 * @example v.parse(CalendarEventNotificationWireSchema, { id: 'n1', type: 'created', … })
 */
export const CalendarEventNotificationWireSchema: v.GenericSchema<
  unknown,
  CalendarEventNotification
> = v.pipe(
  v.unknown(),
  v.transform(normaliseCalendarEventNotificationWire),
  CalendarEventNotificationSchema,
)
