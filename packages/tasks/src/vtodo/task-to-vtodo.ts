import { jscalendarToICalendar, type WriteOptions } from '@typed-jmap/calendars/ical'
import type { Task, TaskWithDefaultProperties } from '../task/task.js'
import type { JSTask } from '../task-notification/task-notification.js'
import { progressUpdatedToCompleted } from './completed-property.js'
import { type TaskInput, taskToJSCalendar } from './jscalendar-version.js'

/**
 * Converts a JMAP Task (or a bare JSTask) into iCalendar text holding one VTODO (plus one per
 * recurrence override): the JMAP properties are dropped, the RFC 8984 shape is normalised to
 * JSCalendar 2.0 and written by the calendars package's converter. By default the output is
 * lossless (what iCalendar cannot say goes into JSPROP), so {@link vtodoToTasks} gives the task
 * back.
 *
 * @throws JSCalendarConversionError when the task cannot be written as iCalendar.
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4
 * @example
 * taskToVTodo({ id: 'T1', taskListId: 'TL1', '@type': 'Task', uid: 't1', title: 'Buy milk', due: '2023-03-12T18:00:00', timeZone: 'Europe/Berlin', … })
 * // 'BEGIN:VCALENDAR\r\n…BEGIN:VTODO\r\nUID:t1\r\nSUMMARY:Buy milk\r\nDUE;TZID=Europe/Berlin:20230312T180000\r\n…END:VTODO\r\nEND:VCALENDAR\r\n'
 */
export function taskToVTodo(
  task: Task | TaskWithDefaultProperties | JSTask | TaskInput,
  options: WriteOptions = {},
): string {
  return jscalendarToICalendar(progressUpdatedToCompleted(taskToJSCalendar(task)), options)
}
