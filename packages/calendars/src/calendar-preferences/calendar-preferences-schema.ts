import { IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import type { CalendarPreferences } from './calendar-preferences.js'

/**
 * The valibot schema of {@link CalendarPreferences}.
 *
 * @see draft-ietf-jmap-calendars-17 §4
 */
export const CalendarPreferencesSchema: v.GenericSchema<unknown, CalendarPreferences> =
  v.looseObject({
    id: IdSchema,
    defaultCalendarId: v.nullable(IdSchema),
    defaultParticipantIdentityId: v.nullable(IdSchema),
  })
