/**
 * Recurrence expansion of JSCalendar Events and Tasks: occurrences in a time range or as an
 * endless iterator, with RRULE, overrides (moved, added, excluded) and time zones applied. Needs
 * no iCalendar library.
 *
 * @module
 */
export type { Occurrence } from './occurrence.js'
export {
  iterateOccurrences,
  type OccurrenceOptions,
  type OccurrenceRange,
  type OpenOccurrenceRange,
  occurrencesBetween,
  occursBetween,
} from './occurrences.js'
export { recurrenceRuleDates } from './recurrence-rule-dates.js'
