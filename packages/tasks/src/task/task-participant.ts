import { type Participant, ParticipantSchema } from '@typed-jmap/calendars'
import * as v from 'valibot'

/**
 * A participant of a task as RFC 8984 (the draft's base) writes it: the JSCalendar model's
 * {@link Participant} plus the 1.0 members JSCalendar 2.0 renamed or dropped. The assignees
 * extension adds the `assignee` role.
 *
 * @see RFC 8984 §4.4.6, draft-ietf-jmap-tasks-06 §4.5.2
 * @example { "@type": "Participant", "name": "Jane", "sendTo": { "imip": "mailto:jane@example.com" }, "roles": { "assignee": true }, "progress": "in-process" }
 */
export interface TaskParticipant extends Participant {
  /** Scheduling addresses by method (`imip`, `other`); 2.0 calls the address `calendarAddress`. */
  sendTo?: { [method: string]: string }
  scheduleAgent?: string
  scheduleForceSend?: boolean
  scheduleStatus?: string[]
  invitedBy?: string
  locationId?: string
  language?: string
  participationComment?: string
  progressUpdated?: string
}

/**
 * Validates a {@link TaskParticipant}; unknown members are kept.
 *
 * @see RFC 8984 §4.4.6
 */
export const TaskParticipantSchema: v.GenericSchema<unknown, TaskParticipant> = v.intersect([
  ParticipantSchema,
  v.looseObject({
    sendTo: v.exactOptional(v.record(v.string(), v.string())),
    scheduleAgent: v.exactOptional(v.string()),
    scheduleForceSend: v.exactOptional(v.boolean()),
    scheduleStatus: v.exactOptional(v.array(v.string())),
    invitedBy: v.exactOptional(v.string()),
    locationId: v.exactOptional(v.string()),
    language: v.exactOptional(v.string()),
    participationComment: v.exactOptional(v.string()),
    progressUpdated: v.exactOptional(v.string()),
  }),
])
