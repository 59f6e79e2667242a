import type { Task as JSCalendarTask } from '@typed-jmap/calendars'
import { icalendarStreamToJSCalendar, type ReadOptions } from '@typed-jmap/calendars/ical'
import { completedToProgressUpdated } from './completed-property.js'
import { type TaskInput, taskFromJSCalendar } from './jscalendar-version.js'

/**
 * Converts iCalendar text into tasks ready for `Task/set`: each VTODO series (a main VTODO and
 * its RECURRENCE-ID overrides) becomes one RFC 8984 JSTask, through the calendars package's
 * converter (DUE, DTSTART, PERCENT-COMPLETE, STATUS, RELATED-TO, VALARM, RRULE and what has no
 * JSCalendar equivalent kept in `iCalendar`) and then into the draft's RFC 8984 shape. VEVENTs
 * are skipped. The same text always gives the same tasks.
 *
 * @throws ICalendarParseError when the text is not iCalendar.
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.2.5, draft-ietf-jmap-tasks-06 §4
 * @example
 * vtodoToTasks('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTODO\r\nUID:t1\r\nDTSTAMP:20230310T100000Z\r\nDUE;TZID=Europe/Berlin:20230312T180000\r\nSUMMARY:Buy milk\r\nEND:VTODO\r\nEND:VCALENDAR\r\n')
 * // → [{ "@type": "Task", "uid": "t1", "updated": "2023-03-10T10:00:00Z", "due": "2023-03-12T18:00:00", "timeZone": "Europe/Berlin", "title": "Buy milk", … }]
 */
export function vtodoToTasks(text: string | Uint8Array, options: ReadOptions = {}): TaskInput[] {
  return icalendarStreamToJSCalendar(text, options)
    .flatMap((group) => group.entries)
    .filter((entry): entry is JSCalendarTask => entry['@type'] === 'Task')
    .map((task) => taskFromJSCalendar(completedToProgressUpdated(task)))
}
