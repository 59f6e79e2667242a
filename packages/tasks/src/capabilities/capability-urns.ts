/**
 * The core of JMAP Tasks: TaskList, Task and TaskNotification and their methods.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.1
 */
export const TASKS_CAPABILITY = 'urn:ietf:params:jmap:tasks' as const

/**
 * Recurring tasks: `recurrenceRules`, `recurrenceOverrides`, `baseTaskId` and expanded queries.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.2
 */
export const TASKS_RECURRENCES_CAPABILITY = 'urn:ietf:params:jmap:tasks:recurrences' as const

/**
 * Assignees: participants, `isOrigin`, `mayInviteSelf`, `mayInviteOthers`, `hideAttendees`.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.3
 */
export const TASKS_ASSIGNEES_CAPABILITY = 'urn:ietf:params:jmap:tasks:assignees' as const

/**
 * Alerts on tasks and the default alerts of a TaskList.
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.4
 */
export const TASKS_ALERTS_CAPABILITY = 'urn:ietf:params:jmap:tasks:alerts' as const

/**
 * Multilingual tasks (`localizations`).
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.5
 */
export const TASKS_MULTILINGUAL_CAPABILITY = 'urn:ietf:params:jmap:tasks:multilingual' as const

/**
 * Custom time zones (`timeZones`).
 *
 * @see draft-ietf-jmap-tasks-06 §1.6.6
 */
export const TASKS_CUSTOM_TIME_ZONES_CAPABILITY =
  'urn:ietf:params:jmap:tasks:customtimezones' as const
