import {
  type CapabilityDefinition,
  defineCapability,
  getResponseSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import type {
  CalendarPreferencesGetMethod,
  CalendarPreferencesSetMethod,
} from '../calendar-preferences/calendar-preferences-methods.js'
import { CalendarPreferencesSchema } from '../calendar-preferences/calendar-preferences-schema.js'
import type { EmptyCapability } from './calendars-capability.js'
import { CALENDARS_CAPABILITY, CALENDARS_PREFERENCES_CAPABILITY } from './capability-urns.js'

/**
 * The methods of `urn:ietf:params:jmap:calendars:preferences`.
 *
 * @see draft-ietf-jmap-calendars-17 §2
 */
export interface CalendarsPreferencesMethods {
  'CalendarPreferences/get': CalendarPreferencesGetMethod
  'CalendarPreferences/set': CalendarPreferencesSetMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends CalendarsPreferencesMethods {}
  interface Capabilities {
    'urn:ietf:params:jmap:calendars:preferences': {
      readonly session: EmptyCapability
      readonly account: EmptyCapability
    }
  }
}

/**
 * The runtime table of `urn:ietf:params:jmap:calendars:preferences`.
 *
 * @see draft-ietf-jmap-calendars-17 §2
 * @example createClient({ sessionUrl, capabilities: [calendars, calendarsPreferences] })
 */
export const calendarsPreferences: CapabilityDefinition<
  typeof CALENDARS_PREFERENCES_CAPABILITY,
  CalendarsPreferencesMethods
> = defineCapability<typeof CALENDARS_PREFERENCES_CAPABILITY, CalendarsPreferencesMethods>({
  urn: CALENDARS_PREFERENCES_CAPABILITY,
  methods: {
    'CalendarPreferences/get': {
      response: getResponseSchema(CalendarPreferencesSchema),
      using: [CALENDARS_CAPABILITY],
    },
    'CalendarPreferences/set': {
      response: setResponseSchema(CalendarPreferencesSchema),
      using: [CALENDARS_CAPABILITY],
    },
  },
})
