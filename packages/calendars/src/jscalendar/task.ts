import type { Duration, LocalDateTime } from './primitives.js'
import type { SchedulingObject } from './scheduling-object.js'

/**
 * A JSCalendar Task: something to do, maybe by a due date, with a progress.
 *
 * @see draft-ietf-calext-jscalendarbis §5.2
 * @example { "@type": "Task", "uid": "2a358cee", "updated": "2024-03-29T13:30:00Z", "due": "2024-04-05T17:00:00", "timeZone": "Europe/Berlin", "progress": "in-process", "percentComplete": 40 }
 */
export interface Task extends SchedulingObject {
  '@type': 'Task'
  due?: LocalDateTime
  /** Required when the task recurs. */
  start?: LocalDateTime
  estimatedDuration?: Duration
  /** Converted from the DURATION of a VTODO (which JSCalendar 2.0 itself does not define for Task). */
  duration?: Duration
  percentComplete?: number
  /** `needs-action`, `in-process`, `completed`, `failed`, `cancelled`. */
  progress?: string
}
