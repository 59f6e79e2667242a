import type { Event } from '../jscalendar/event.js'
import type { LocalDateTime } from '../jscalendar/primitives.js'
import type { Task } from '../jscalendar/task.js'
import { formatWallClock, wallClockMs } from '../zoned-time/index.js'

/**
 * Places a copy of a recurring object's properties on one of its occurrences before the
 * override's patch applies: `start` becomes the recurrence id (a Task without start: `due`), and
 * a Task's `due` keeps its wall-clock distance from the start. A patch without `start` thus
 * keeps the instance where the rule put it.
 *
 * @see RFC 8984 §4.3.5
 * @example moveToRecurrenceId({ start: '2026-01-05T09:00:00' }, event, '2026-01-12T09:00:00') // start '2026-01-12T09:00:00'
 */
export function moveToRecurrenceId(
  base: Record<string, unknown>,
  main: Event | Task,
  recurrenceId: LocalDateTime,
): void {
  if (main.start !== undefined) {
    base.start = recurrenceId
    if (main['@type'] === 'Task' && main.due !== undefined) {
      const shift = wallClockMs(recurrenceId) - wallClockMs(main.start)
      const due = wallClockMs(main.due) + shift
      if (!Number.isNaN(due)) base.due = formatWallClock(due)
    }
  } else if (main['@type'] === 'Task' && main.due !== undefined) base.due = recurrenceId
}
