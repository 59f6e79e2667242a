/**
 * Local wall-clock time ⇄ UTC in IANA zones, from the platform's Intl time zone data: the one
 * place the project converts between the two (the iCalendar converter, Cyrus's legacy query
 * dialect, recurrence expansion and the test server all use it).
 *
 * @module
 */
export {
  formatWallClock,
  instantToLocalDateTime,
  localDateTimeToInstant,
  wallClockMs,
  wallClockToUtc,
} from './local-date-time.js'
export { isIanaTimeZone, utcOffsetAt } from './utc-offset.js'
