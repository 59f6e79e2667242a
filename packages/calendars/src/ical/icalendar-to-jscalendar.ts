import type { Group } from '../jscalendar/group.js'
import { decodeUtf8 } from './decode-utf8.js'
import { ICalendarParseError, isICalendarParseError } from './icalendar-parse-error.js'
import type { ICalendarWarning } from './icalendar-warning.js'
import { type ParsedComponent, parseICalendar } from './parse-icalendar.js'
import { type ReadOptions, readCalendar } from './read-calendar.js'

/**
 * Converts iCalendar text (or its UTF-8 bytes) holding one VCALENDAR into a JSCalendar Group.
 *
 * Every VEVENT becomes an Event and every VTODO a Task in `entries`; what JSCalendar cannot say
 * is kept in `iCalendar` properties so {@link jscalendarToICalendar} gives it back. The same input
 * always gives the same output (ids are derived from the data). A malformed property is left out
 * and reported to `options.onWarning` (unless `strict`); input that is not iCalendar throws an
 * {@link ICalendarParseError} with the line.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3
 * @example
 * const group = icalendarToJSCalendar('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240101T100000Z\r\nSUMMARY:Hi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')
 * // → { "@type": "Group", "version": "2.0", "entries": [{ "@type": "Event", "uid": "1", "start": "2024-01-01T10:00:00", "timeZone": "Etc/UTC", "title": "Hi" }] }
 */
export function icalendarToJSCalendar(
  input: string | Uint8Array,
  options: ReadOptions = {},
): Group {
  const groups = icalendarStreamToJSCalendar(input, options)
  const [group, second] = groups
  if (group === undefined)
    throw new ICalendarParseError({ line: 1, reason: 'no VCALENDAR in the input' })
  if (second !== undefined) {
    throw new ICalendarParseError({
      line: 1,
      reason: `${groups.length} VCALENDARs in the input; use icalendarStreamToJSCalendar for a stream`,
    })
  }
  return group
}

/**
 * Converts an iCalendar stream of one or more VCALENDARs into one Group each.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.1.1
 * @example icalendarStreamToJSCalendar(text).flatMap((group) => group.entries)
 */
export function icalendarStreamToJSCalendar(
  input: string | Uint8Array,
  options: ReadOptions = {},
): Group[] {
  const text = typeof input === 'string' ? input : decodeUtf8(input)
  const warn =
    options.strict === true
      ? undefined
      : (warning: ICalendarWarning) => options.onWarning?.(warning)
  const roots = parseICalendar(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, warn)
  const calendars = warn === undefined ? roots : wrapBareComponents(roots, warn)
  return calendars.map((calendar) => {
    try {
      return readCalendar(calendar, options)
    } catch (error) {
      if (isICalendarParseError(error)) throw error
      // Whatever slipped past the checks (a VTIMEZONE ical.js cannot use, say) still comes out
      // as the documented error, pointing at the calendar.
      const reason = error instanceof Error ? error.message : String(error)
      throw new ICalendarParseError(
        { line: calendar.line, reason: `cannot convert: ${reason}` },
        { cause: error },
      )
    }
  })
}

/** The components RFC 5545 (and RFC 7953) put directly in a VCALENDAR. */
const calendarComponents = new Set([
  'vevent',
  'vtodo',
  'vjournal',
  'vfreebusy',
  'vtimezone',
  'vavailability',
])

/**
 * Leniently, components outside any VCALENDAR (a lone VEVENT, VTODO or VTIMEZONE, as some
 * producers and test suites write them) are read as if the VCALENDAR were there: each run of
 * them becomes one calendar, reported to `warn`.
 */
function wrapBareComponents(
  roots: readonly ParsedComponent[],
  warn: (warning: ICalendarWarning) => void,
): ParsedComponent[] {
  const calendars: ParsedComponent[] = []
  let implicit: ParsedComponent | undefined
  for (const root of roots) {
    if (!calendarComponents.has(root.name)) {
      // A VCALENDAR, or something that is not iCalendar at all (a VCARD): refused as it is.
      implicit = undefined
      calendars.push(root)
      continue
    }
    if (implicit === undefined) {
      warn({
        line: root.line,
        reason: `BEGIN:${root.name.toUpperCase()} outside of a VCALENDAR; read as if in one`,
      })
      implicit = { name: 'vcalendar', line: root.line, properties: [], components: [] }
      calendars.push(implicit)
    }
    implicit.components.push(root)
  }
  return calendars
}
