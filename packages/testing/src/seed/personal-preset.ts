import { TestServerUsageError } from '../protocol/test-server-usage-error.js'
import type { ServerRuntime } from '../server/server-runtime.js'
import type { SeedHelpers } from './seed-helpers.js'

/**
 * The mailbox roles of the IANA "IMAP Mailbox Name Attributes" registry that RFC 8621 §2
 * points to (RFC 6154, RFC 8457, RFC 9051 and RFC 9208's successors), each given one mailbox.
 *
 * @see RFC 8621 §2, RFC 6154 §2, RFC 8457 §3
 */
export const standardMailboxRoles = [
  'inbox',
  'drafts',
  'sent',
  'junk',
  'trash',
  'archive',
  'all',
  'flagged',
  'important',
  'subscribed',
  'snoozed',
  'scheduled',
  'memos',
] as const

/** A standard mailbox role. */
export type StandardMailboxRole = (typeof standardMailboxRoles)[number]

/** The ids of what `createTestServer({ preset: 'personal' })` put in the primary account. */
export interface PersonalPreset {
  /** The Identity for the session's username (what EmailSubmission needs to send). */
  readonly identityId: string
  /** One mailbox per standard role, by role. */
  readonly mailboxes: Readonly<Record<StandardMailboxRole, string>>
  /** Three messages in the inbox (one unread, one flagged reply thread of two). */
  readonly emailIds: readonly string[]
  /** The default calendar. */
  readonly calendarId: string
  /** Two events in it: a weekly meeting in Europe/Berlin and an all-day event. */
  readonly eventIds: readonly string[]
  /** The inbox task list. */
  readonly taskListId: string
  /** Two tasks in it, one of them completed. */
  readonly taskIds: readonly string[]
}

const titleCase = (role: string): string => role.charAt(0).toUpperCase() + role.slice(1)

/**
 * Fills the primary account the way a mail/calendar/tasks app expects to find it.
 *
 * @throws TestServerUsageError when the server was built without mail, calendars or tasks
 */
export function seedPersonalPreset(
  runtime: ServerRuntime,
  seed: SeedHelpers,
  username: string,
): PersonalPreset {
  const missing = ['Mailbox', 'Identity', 'Calendar', 'TaskList'].filter(
    (type) => !runtime.dataTypes.has(type),
  )
  if (missing.length > 0) {
    throw new TestServerUsageError(
      `preset 'personal' needs mail, submission, calendars and tasks; no ${missing.join(', ')}`,
    )
  }
  const identityId = seed.identity({ name: 'Test User', email: username })
  const mailboxes = Object.fromEntries(
    standardMailboxRoles.map((role, index) => [
      role,
      seed.mailbox({ name: role === 'all' ? 'All Mail' : titleCase(role), role, sortOrder: index }),
    ]),
  ) as Record<StandardMailboxRole, string>
  const emailIds = [
    seed.email({
      mailboxIds: [mailboxes.inbox],
      from: 'Ann Example <ann@example.com>',
      to: username,
      subject: 'Lunch on Friday?',
      text: 'Shall we meet at noon?',
      messageId: 'lunch@example.com',
      sentAt: '2026-01-05T09:00:00Z',
      receivedAt: '2026-01-05T09:00:05Z',
    }),
    seed.email({
      mailboxIds: [mailboxes.inbox],
      from: 'Bob Example <bob@example.com>',
      to: username,
      subject: 'Quarterly report',
      text: 'The report is ready.',
      html: '<p>The report is <b>ready</b>.</p>',
      keywords: ['$seen', '$flagged'],
      messageId: 'report@example.com',
      sentAt: '2026-01-06T10:00:00Z',
      receivedAt: '2026-01-06T10:00:05Z',
    }),
    seed.email({
      mailboxIds: [mailboxes.inbox],
      from: 'Ann Example <ann@example.com>',
      to: username,
      subject: 'Re: Quarterly report',
      text: 'Thanks!',
      keywords: ['$seen'],
      inReplyTo: 'report@example.com',
      sentAt: '2026-01-06T11:00:00Z',
      receivedAt: '2026-01-06T11:00:05Z',
    }),
  ]
  const calendarId = seed.calendar({ name: 'Personal', timeZone: 'Europe/Berlin' })
  const eventIds = [
    seed.calendarEvent({
      calendarIds: { [calendarId]: true },
      uid: 'team-meeting@jmap.test',
      title: 'Team meeting',
      start: '2026-01-05T10:00:00',
      timeZone: 'Europe/Berlin',
      duration: 'PT1H',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 10 }],
    }),
    seed.calendarEvent({
      calendarIds: { [calendarId]: true },
      uid: 'holiday@jmap.test',
      title: 'Holiday',
      start: '2026-01-09T00:00:00',
      duration: 'P1D',
      showWithoutTime: true,
    }),
  ]
  const taskListId = seed.taskList({ name: 'Tasks', role: 'inbox' })
  const taskIds = [
    seed.task({ taskListId, title: 'Buy milk', due: '2026-01-07T18:00:00' }),
    seed.task({
      taskListId,
      title: 'File expenses',
      progress: 'completed',
      percentComplete: 100,
    }),
  ]
  return { identityId, mailboxes, emailIds, calendarId, eventIds, taskListId, taskIds }
}
