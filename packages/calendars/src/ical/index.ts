/**
 * iCalendar ⇄ JSCalendar conversion (draft-ietf-calext-jscalendar-icalendar-25), lossless by
 * default: what one format cannot say travels in the other's `iCalendar` property or in
 * JSID/JSPROP, so a round trip gives back what went in.
 *
 * @example
 * import { icalendarToJSCalendar, jscalendarToICalendar } from '@typed-jmap/calendars/ical'
 * const group = icalendarToJSCalendar(icsText) // { "@type": "Group", "entries": [Event | Task, …] }
 * const ics = jscalendarToICalendar(group)     // "BEGIN:VCALENDAR\r\n…"
 *
 * @module @typed-jmap/calendars/ical
 */

export { jscalendarIdNamespace, uuidV5 } from '@typed-jmap/core/internal'
export { ICalendarParseError, isICalendarParseError } from './icalendar-parse-error.js'
export { icalendarStreamToJSCalendar, icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
export type { ICalendarWarning } from './icalendar-warning.js'
export {
  isJSCalendarConversionError,
  JSCalendarConversionError,
} from './jscalendar-conversion-error.js'
export { jscalendarToICalendar, type WriteOptions } from './jscalendar-to-icalendar.js'
export type { ReadOptions } from './read-calendar.js'
