import { type CapabilityDefinition, defineCapability } from '@typed-jmap/core'
import type { CalendarEventParseMethod } from '../calendar-event/calendar-event-methods.js'
import { calendarEventParseResponseSchema } from '../calendar-event/calendar-event-parse-response-schema.js'
import type { EmptyCapability } from './calendars-capability.js'
import { CALENDARS_CAPABILITY, CALENDARS_PARSE_CAPABILITY } from './capability-urns.js'

/**
 * The methods of `urn:ietf:params:jmap:calendars:parse`.
 *
 * @see draft-ietf-jmap-calendars §2.3
 */
export interface CalendarsParseMethods {
  'CalendarEvent/parse': CalendarEventParseMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends CalendarsParseMethods {}
  interface Capabilities {
    'urn:ietf:params:jmap:calendars:parse': {
      readonly session: EmptyCapability
      readonly account: EmptyCapability
    }
  }
}

/**
 * The runtime table of `urn:ietf:params:jmap:calendars:parse`.
 *
 * @see draft-ietf-jmap-calendars §2.3
 * @example createClient({ sessionUrl, capabilities: [calendars, calendarsParse] })
 */
export const calendarsParse: CapabilityDefinition<
  typeof CALENDARS_PARSE_CAPABILITY,
  CalendarsParseMethods
> = defineCapability<typeof CALENDARS_PARSE_CAPABILITY, CalendarsParseMethods>({
  urn: CALENDARS_PARSE_CAPABILITY,
  methods: {
    'CalendarEvent/parse': {
      response: calendarEventParseResponseSchema,
      using: [CALENDARS_CAPABILITY],
    },
  },
})
