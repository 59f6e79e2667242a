import type { Id } from '@typed-jmap/core'

/**
 * A Task/query filter condition. The draft defines Task/query as CalendarEvent/query
 * (draft-ietf-jmap-calendars-12 §5.8.1) and leaves its own filters TODO, so these are
 * CalendarEvent's conditions with `inTaskLists` for `inCalendars`. All given conditions must
 * match.
 *
 * @see draft-ietf-jmap-tasks-06 §4.10
 * @example { "inTaskLists": ["TL1"], "after": "2023-03-01T00:00:00", "before": "2023-04-01T00:00:00", "text": "groceries" }
 */
export interface TaskFilterCondition {
  /** The task is in any of these lists. */
  readonly inTaskLists?: readonly Id[] | null
  /** The task (or one of its recurrences) ends (is due) after this LocalDate. */
  readonly after?: string | null
  /** The task (or one of its recurrences) starts before this LocalDate. */
  readonly before?: string | null
  /** Text in the title, description, locations, participants or other text. */
  readonly text?: string | null
  readonly title?: string | null
  readonly description?: string | null
  readonly location?: string | null
  /** Name or email of a participant with the `owner` role. */
  readonly owner?: string | null
  /** Name or email of a participant with the `attendee` role. */
  readonly attendee?: string | null
  /** Exact uid match. */
  readonly uid?: string
}

/**
 * The properties Task/query sorts by: CalendarEvent/query's (`start`, `uid`, `recurrenceId`
 * MUST; `created`, `updated` SHOULD), plus `due`, the task's counterpart of an event's end.
 *
 * @see draft-ietf-jmap-tasks-06 §4.10
 * @example "due"
 */
export type TaskSortProperty = 'start' | 'due' | 'uid' | 'recurrenceId' | 'created' | 'updated'
