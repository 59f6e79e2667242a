import {
  type CapabilityDefinition,
  changesResponseSchema,
  defineCapability,
  queryChangesResponseSchema,
  queryResponseSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import type {
  CalendarChangesMethod,
  CalendarGetMethod,
  CalendarSetMethod,
} from '../calendar/calendar-methods.js'
import { CalendarSchema } from '../calendar/calendar-schema.js'
import { normaliseCalendarWire } from '../calendar/calendar-wire.js'
import { calendarEventCopyResponseSchema } from '../calendar-event/calendar-event-copy-response-schema.js'
import type {
  CalendarEventChangesMethod,
  CalendarEventCopyMethod,
  CalendarEventGetMethod,
  CalendarEventQueryChangesMethod,
  CalendarEventQueryMethod,
  CalendarEventSetMethod,
} from '../calendar-event/calendar-event-methods.js'
import { CalendarEventSchema } from '../calendar-event/calendar-event-schema.js'
import { normaliseCalendarEventWire } from '../calendar-event/calendar-event-wire.js'
import type {
  CalendarEventNotificationChangesMethod,
  CalendarEventNotificationGetMethod,
  CalendarEventNotificationQueryChangesMethod,
  CalendarEventNotificationQueryMethod,
  CalendarEventNotificationSetMethod,
} from '../calendar-event-notification/calendar-event-notification-methods.js'
import { CalendarEventNotificationSchema } from '../calendar-event-notification/calendar-event-notification-schema.js'
import { normaliseCalendarEventNotificationWire } from '../calendar-event-notification/calendar-event-notification-wire.js'
import { normalisedGetResponseSchema } from '../normalised-response/normalised-get-response-schema.js'
import { normalisedSetResponseSchema } from '../normalised-response/normalised-set-response-schema.js'
import type {
  ParticipantIdentityChangesMethod,
  ParticipantIdentityGetMethod,
  ParticipantIdentitySetMethod,
} from '../participant-identity/participant-identity-methods.js'
import { ParticipantIdentitySchema } from '../participant-identity/participant-identity-schema.js'
import { normaliseParticipantIdentityWire } from '../participant-identity/participant-identity-wire.js'
import type { CalendarsAccountCapability, EmptyCapability } from './calendars-capability.js'
import { CALENDARS_CAPABILITY } from './capability-urns.js'

/**
 * The methods of `urn:ietf:params:jmap:calendars`.
 *
 * @see draft-ietf-jmap-calendars §2.1
 */
export interface CalendarsMethods {
  'Calendar/get': CalendarGetMethod
  'Calendar/changes': CalendarChangesMethod
  'Calendar/set': CalendarSetMethod
  'CalendarEvent/get': CalendarEventGetMethod
  'CalendarEvent/changes': CalendarEventChangesMethod
  'CalendarEvent/set': CalendarEventSetMethod
  'CalendarEvent/copy': CalendarEventCopyMethod
  'CalendarEvent/query': CalendarEventQueryMethod
  'CalendarEvent/queryChanges': CalendarEventQueryChangesMethod
  'CalendarEventNotification/get': CalendarEventNotificationGetMethod
  'CalendarEventNotification/changes': CalendarEventNotificationChangesMethod
  'CalendarEventNotification/set': CalendarEventNotificationSetMethod
  'CalendarEventNotification/query': CalendarEventNotificationQueryMethod
  'CalendarEventNotification/queryChanges': CalendarEventNotificationQueryChangesMethod
  'ParticipantIdentity/get': ParticipantIdentityGetMethod
  'ParticipantIdentity/changes': ParticipantIdentityChangesMethod
  'ParticipantIdentity/set': ParticipantIdentitySetMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends CalendarsMethods {}
  interface Capabilities {
    'urn:ietf:params:jmap:calendars': {
      readonly session: EmptyCapability
      readonly account: CalendarsAccountCapability
    }
  }
}

/**
 * The runtime table of `urn:ietf:params:jmap:calendars`: how each method's response is
 * validated (Cyrus's spellings are normalised before the check).
 *
 * @see draft-ietf-jmap-calendars §2.1
 * @example createClient({ sessionUrl, capabilities: [calendars] })
 */
export const calendars: CapabilityDefinition<typeof CALENDARS_CAPABILITY, CalendarsMethods> =
  defineCapability<typeof CALENDARS_CAPABILITY, CalendarsMethods>({
    urn: CALENDARS_CAPABILITY,
    methods: {
      'Calendar/get': {
        response: normalisedGetResponseSchema(CalendarSchema, normaliseCalendarWire),
      },
      'Calendar/changes': { response: changesResponseSchema() },
      'Calendar/set': {
        response: normalisedSetResponseSchema(CalendarSchema, normaliseCalendarWire),
      },
      'CalendarEvent/get': {
        // Typed present when asked for (CalendarEventAsAskedFor), so checked present.
        response: normalisedGetResponseSchema(CalendarEventSchema, normaliseCalendarEventWire, {
          computedWhenAsked: ['utcStart', 'utcEnd'],
        }),
      },
      'CalendarEvent/changes': { response: changesResponseSchema() },
      'CalendarEvent/set': {
        response: normalisedSetResponseSchema(CalendarEventSchema, normaliseCalendarEventWire),
      },
      'CalendarEvent/copy': { response: calendarEventCopyResponseSchema },
      'CalendarEvent/query': { response: queryResponseSchema() },
      'CalendarEvent/queryChanges': { response: queryChangesResponseSchema() },
      'CalendarEventNotification/get': {
        response: normalisedGetResponseSchema(
          CalendarEventNotificationSchema,
          normaliseCalendarEventNotificationWire,
        ),
      },
      'CalendarEventNotification/changes': { response: changesResponseSchema() },
      'CalendarEventNotification/set': { response: setResponseSchema() },
      'CalendarEventNotification/query': { response: queryResponseSchema() },
      'CalendarEventNotification/queryChanges': { response: queryChangesResponseSchema() },
      'ParticipantIdentity/get': {
        response: normalisedGetResponseSchema(
          ParticipantIdentitySchema,
          normaliseParticipantIdentityWire,
        ),
      },
      'ParticipantIdentity/changes': { response: changesResponseSchema() },
      'ParticipantIdentity/set': {
        response: normalisedSetResponseSchema(
          ParticipantIdentitySchema,
          normaliseParticipantIdentityWire,
        ),
      },
    },
  })
