import type { GetMethod, SetMethod } from '@typed-jmap/core'
import type { CALENDARS_PREFERENCES_CAPABILITY } from '../capabilities/capability-urns.js'
import type { CalendarPreferences } from './calendar-preferences.js'

/**
 * `CalendarPreferences/get` (the singleton with id `"singleton"`).
 *
 * @see draft-ietf-jmap-calendars-17 §4
 * @example ["CalendarPreferences/get", { "accountId": "test" }, "c0"]
 */
export interface CalendarPreferencesGetMethod
  extends GetMethod<typeof CALENDARS_PREFERENCES_CAPABILITY, CalendarPreferences> {}

/**
 * `CalendarPreferences/set` (update of the singleton only).
 *
 * @see draft-ietf-jmap-calendars-17 §4
 * @example ["CalendarPreferences/set", { "accountId": "test", "update": { "singleton": { "defaultCalendarId": "Default" } } }, "c0"]
 */
export interface CalendarPreferencesSetMethod
  extends SetMethod<typeof CALENDARS_PREFERENCES_CAPABILITY, CalendarPreferences, never> {}
