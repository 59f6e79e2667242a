import { IdSchema, UTCDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { EventSchema } from '../jscalendar/event-task-schemas.js'
import type { CalendarEvent } from './calendar-event.js'
import { normaliseCalendarEventWire } from './calendar-event-wire.js'

// The properties the calendars draft adds to a JSCalendar Event.
const calendarEventJmapEntries = {
  id: IdSchema,
  baseEventId: v.exactOptional(v.nullable(IdSchema)),
  calendarIds: v.record(v.string(), v.literal(true)),
  isDraft: v.boolean(),
  isOrigin: v.boolean(),
  utcStart: v.exactOptional(UTCDateSchema),
  utcEnd: v.exactOptional(UTCDateSchema),
  useDefaultAlerts: v.exactOptional(v.boolean()),
  mayInviteSelf: v.exactOptional(v.boolean()),
  mayInviteOthers: v.exactOptional(v.boolean()),
  hideAttendees: v.exactOptional(v.boolean()),
}

// The JSCalendar Event schema is published as a GenericSchema (its entries' inferred type
// cannot be exported under isolatedDeclarations); at run time it is an object schema, and its
// entries are what lets a `/get` response be checked against only the requested properties.
const eventEntries = (EventSchema as unknown as { readonly entries: v.ObjectEntries }).entries

/**
 * The valibot schema of a {@link CalendarEvent} in the standard shape: a JSCalendar 2.0 Event
 * plus the JMAP properties.
 *
 * @see draft-ietf-jmap-calendars §5
 */
export const CalendarEventSchema: v.GenericSchema<unknown, CalendarEvent> = v.looseObject({
  ...eventEntries,
  ...calendarEventJmapEntries,
}) as unknown as v.GenericSchema<unknown, CalendarEvent>

/**
 * The valibot schema of a {@link CalendarEvent} as servers send it: Cyrus 3.6 `jsevent`s,
 * Cyrus's RFC 8984 spellings and its `null`s for absent properties are normalised first.
 *
 * @see draft-ietf-jmap-calendars §5
 * @example v.parse(CalendarEventWireSchema, { '@type': 'Event', id: 'E-1', uid: 'x', calendarIds: { Default: true }, isDraft: false, isOrigin: true, keywords: null })
 */
export const CalendarEventWireSchema: v.GenericSchema<unknown, CalendarEvent> = v.pipe(
  v.unknown(),
  v.transform(normaliseCalendarEventWire),
  CalendarEventSchema,
)
