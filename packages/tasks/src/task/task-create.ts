import type { Id } from '@typed-jmap/core'
import type { Task } from './task.js'

/**
 * The properties a client may give when creating a Task: `taskListId` is required; `@type`,
 * `uid` and `created` are filled in by the server when left out; `id`, `baseTaskId` and
 * `isOrigin` are server-set. `null` means "absent".
 *
 * @see draft-ietf-jmap-tasks-06 §4.8
 * @example { "taskListId": "TL1", "@type": "Task", "title": "Buy groceries", "due": "2023-03-12T18:00:00", "timeZone": "Europe/Berlin" }
 */
export interface TaskCreate
  extends Partial<Omit<Task, 'id' | 'taskListId' | 'baseTaskId' | 'isOrigin' | '@type' | 'uid'>> {
  readonly taskListId: Id
  readonly '@type'?: 'Task'
  readonly uid?: string
}
