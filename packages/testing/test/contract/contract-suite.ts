import { calendars, createCalendarApi } from '@typed-jmap/calendars'
import {
  blob,
  blobText,
  createClient,
  createConnection,
  Id,
  type JmapConnection,
  type StateChange,
} from '@typed-jmap/core'
import {
  findMailboxByRole,
  mail,
  mdn,
  openMailboxPage,
  openThread,
  quota,
  searchWithSnippets,
  sendEmail,
  submission,
  syncMailChanges,
  vacationResponse,
} from '@typed-jmap/mail'
import { createTaskApi, tasks } from '@typed-jmap/tasks'
import { beforeAll, describe, expect, it } from 'vitest'

// One contract suite for the SDK's high-level helpers and typed methods, run against the
// in-memory server (src/contract.test.ts, unit project) and Cyrus 3.10
// (test/integration/contract-cyrus.test.ts). A test a target cannot run is skipped with the
// reason the target gives in `skips`; nothing is skipped silently.

/** The tests of the suite, by name, so a target can say which it skips and why. */
export type ContractTest =
  | 'mail: finds the standard mailboxes by role'
  | 'mail: a delivered message shows in the mailbox page, the search and its thread'
  | 'mail: syncMailChanges reports a delivery'
  | 'mail: sendEmail submits and files the message in Sent'
  | 'mail: sendEmail finds the identity and Drafts/Sent itself, once per client and account'
  | 'mail: MDN/parse reads the RFC 8098 example report'
  | 'calendars: addEvent from iCalendar, computed UTC times, search, update, export, delete'
  | 'calendars: exportEvent keeps the recurrence rule'
  | 'calendars: changesSince reports an added event'
  | 'calendars: a search bound in UTC (trailing Z) is refused'
  | 'calendars: addEvent surfaces the SetError that refused it'
  | 'calendars: search with expandRecurrences gives each instance, whose id reads, updates and deletes it'
  | 'tasks: addTask, search, completeTask, exportTask, deleteTask'
  | 'push: EventSource sends a StateChange after a change'
  | 'methods: Mailbox/query, /get, /set, /changes'
  | 'methods: Email/query, /get, /set, /changes and Thread/get'
  | 'methods: SearchSnippet/get'
  | 'methods: Identity/get, EmailSubmission/get and /query'
  | 'methods: VacationResponse/get and /set'
  | 'methods: Calendar/get, CalendarEvent/query, /get, /changes'
  | 'methods: TaskList/get, Task/query and /get'
  | 'methods: Quota/get'
  | 'methods: Blob/upload and Blob/get'

/** What the suite needs to talk to one server. */
export interface ContractTarget {
  readonly name: string
  readonly sessionUrl: string
  readonly fetch: typeof globalThis.fetch
  /** The address of the user's Identity, for From. */
  readonly userEmail: string
  /** Puts a raw RFC 5322 message in the user's inbox as a delivery would. */
  readonly deliver: (raw: string) => Promise<void>
  /** Tests this target skips, each with the reason. */
  readonly skips: ReadonlyMap<ContractTest, string>
  /** Wraps the typed-method client's connection (Cyrus: its blob capability dialect). */
  readonly adaptConnection?: (connection: JmapConnection) => JmapConnection
}

/** A word no earlier run used, for subjects, uids and search terms. */
function uniqueWord(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/** Polls until `probe` gives a value (a real server indexes deliveries asynchronously). */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const rfc8098Report = (originalMessageId: string): string =>
  [
    'Date: Wed, 20 Sep 1995 00:19:00 -0400',
    'From: Joe Recipient <Joe_Recipient@mega.edu>',
    'Message-Id: <199509200019.12345@mega.edu>',
    'Subject: Disposition notification',
    'To: Jane Sender <Jane_Sender@huge.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=disposition-notification;',
    '    boundary="RAA14128.773615765/mega.edu"',
    '',
    '--RAA14128.773615765/mega.edu',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'The message has been displayed.',
    '',
    '--RAA14128.773615765/mega.edu',
    'Content-Type: message/disposition-notification',
    '',
    'Reporting-UA: joes-pc.cs.mega.edu; Foomail 97.1',
    'Original-Recipient: rfc822;Joe_Recipient@mega.edu',
    'Final-Recipient: rfc822;Joe_Recipient@mega.edu',
    `Original-Message-ID: ${originalMessageId}`,
    'Disposition: manual-action/MDN-sent-manually; displayed',
    '',
    '--RAA14128.773615765/mega.edu--',
    '',
  ].join('\r\n')

const berlinEvent = (uid: string, summary: string): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//typed-jmap//contract//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20300101T000000Z',
    'DTSTART;TZID=Europe/Berlin:20310304T100000',
    'DURATION:PT1H',
    `SUMMARY:${summary}`,
    'RRULE:FREQ=WEEKLY;COUNT=3',
    'ORGANIZER;CN=Ann:mailto:ann@example.com',
    'ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION:mailto:bob@example.com',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT15M',
    'DESCRIPTION:Reminder',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')

/** Registers the contract tests for a target (resolved lazily, inside beforeAll). */
export function defineContractSuite(
  getTarget: () => ContractTarget | Promise<ContractTarget>,
): void {
  let target: ContractTarget
  const clientOf = () =>
    createClient({
      sessionUrl: target.sessionUrl,
      fetch: target.fetch,
      capabilities: [mail, submission, mdn],
    })
  let jmap: ReturnType<typeof clientOf>
  let accountId: string

  beforeAll(async () => {
    target = await getTarget()
    jmap = clientOf()
    accountId = await jmap.connection.accountFor('urn:ietf:params:jmap:mail')
  })

  /** `it`, skipped (with the target's reason in the log) where the target says so. */
  const contract = (name: ContractTest, body: () => Promise<void>): void => {
    it(name, async (context) => {
      const reason = target.skips.get(name)
      if (reason !== undefined) context.skip(`${target.name}: ${reason}`)
      await body()
    })
  }

  const mailbox = async (role: string) => {
    const found = await findMailboxByRole(jmap, { accountId, role })
    if (found === undefined) throw new Error(`no ${role} mailbox on ${target.name}`)
    return found
  }

  const deliverUnique = async (word: string) => {
    const messageId = `${word}@contract.test`
    await target.deliver(
      [
        'From: Ann <ann@example.com>',
        `To: ${target.userEmail}`,
        `Subject: Contract ${word}`,
        `Message-ID: <${messageId}>`,
        'Date: Mon, 5 Jan 2026 09:00:00 +0000',
        'Content-Type: text/plain; charset=utf-8',
        '',
        `The body says ${word} once.`,
        '',
      ].join('\r\n'),
    )
    return messageId
  }

  describe('mail', () => {
    contract('mail: finds the standard mailboxes by role', async () => {
      for (const role of ['inbox', 'drafts', 'sent', 'trash']) {
        expect((await mailbox(role)).role).toBe(role)
      }
    })

    contract(
      'mail: a delivered message shows in the mailbox page, the search and its thread',
      async () => {
        const word = uniqueWord('page')
        await deliverUnique(word)
        const inbox = await mailbox('inbox')
        const hit = await eventually(async () => {
          const { hits } = await searchWithSnippets(jmap, { accountId, filter: { body: word } })
          return hits[0]
        })
        expect(hit.subject).toBe(`Contract ${word}`)
        const page = await openMailboxPage(jmap, { accountId, mailboxId: inbox.id, limit: 50 })
        expect(page.emails.map((email) => email.id)).toContain(hit.id)
        const opened = await openThread(jmap, { accountId, threadId: hit.threadId })
        expect(opened.emails.map((email) => email.id)).toContain(hit.id)
        const email = opened.emails.find((candidate) => candidate.id === hit.id)
        const bodyPart = email?.textBody[0]?.partId
        expect(
          bodyPart === undefined || bodyPart === null ? '' : email?.bodyValues[bodyPart]?.value,
        ).toContain(word)
      },
    )

    contract('mail: syncMailChanges reports a delivery', async () => {
      const states = await jmap.request((b) => ({
        mailboxes: b.call('Mailbox/get', { accountId, ids: [] }),
        emails: b.call('Email/get', { accountId, ids: [] }),
      }))
      const word = uniqueWord('sync')
      await deliverUnique(word)
      const changes = await eventually(async () => {
        const found = await syncMailChanges(jmap, {
          accountId,
          mailboxState: states.mailboxes.state,
          emailState: states.emails.state,
        })
        return found.createdEmails.some((email) => email.subject === `Contract ${word}`)
          ? found
          : undefined
      })
      expect(changes.next.emailState).not.toBe(states.emails.state)
    })

    contract('mail: sendEmail submits and files the message in Sent', async () => {
      const identities = await jmap.request((b) => b.call('Identity/get', { accountId }))
      const identity = identities.list[0]
      if (identity === undefined) throw new Error(`no Identity on ${target.name}`)
      const [drafts, sent] = [await mailbox('drafts'), await mailbox('sent')]
      const subject = uniqueWord('send')
      const result = await sendEmail(jmap, {
        accountId,
        identityId: identity.id,
        draftsMailboxId: drafts.id,
        sentMailboxId: sent.id,
        email: {
          from: [{ name: 'Test', email: target.userEmail }],
          to: [{ name: 'Bob', email: 'bob@example.test' }],
          subject,
          bodyValues: { body: { value: `Hello Bob, ${subject}.` } },
          textBody: [{ partId: 'body', type: 'text/plain' }],
        },
      })
      if (!result.sent) throw new Error(`not sent at ${result.step}: ${result.error.type}`)
      const filed = await jmap.request((b) =>
        b.call('Email/get', {
          accountId,
          ids: [result.emailId],
          properties: ['mailboxIds', 'keywords'],
        }),
      )
      expect(filed.list[0]?.mailboxIds).toEqual({ [sent.id]: true })
      expect(filed.list[0]?.keywords.$draft).toBeUndefined()
    })

    contract(
      'mail: sendEmail finds the identity and Drafts/Sent itself, once per client and account',
      async () => {
        // A client of its own, counting its API requests, so the lookup is not cached yet.
        let requests = 0
        const counted = createClient({
          sessionUrl: target.sessionUrl,
          fetch: (input, init) => {
            const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
            if (method === 'POST') requests += 1
            return target.fetch(input, init)
          },
          capabilities: [mail, submission],
        })
        const [drafts, sent] = [await mailbox('drafts'), await mailbox('sent')]
        const send = (subject: string) =>
          sendEmail(counted, {
            accountId,
            email: {
              from: [{ name: 'Test', email: target.userEmail }],
              to: [{ name: 'Bob', email: 'bob@example.test' }],
              subject,
              bodyValues: { body: { value: `Hello Bob, ${subject}.` } },
              textBody: [{ partId: 'body', type: 'text/plain' }],
            },
          })
        await counted.session()
        const first = await send(uniqueWord('defaults'))
        expect(requests).toBe(2)
        const second = await send(uniqueWord('defaults'))
        expect(requests).toBe(3)
        for (const result of [first, second]) {
          if (!result.sent) throw new Error(`not sent at ${result.step}: ${result.error.type}`)
          const filed = await jmap.request((b) =>
            b.call('Email/get', { accountId, ids: [result.emailId], properties: ['mailboxIds'] }),
          )
          expect(filed.list[0]?.mailboxIds).toEqual({ [sent.id]: true })
        }
        expect(drafts.id).not.toBe(sent.id)
      },
    )

    contract('mail: MDN/parse reads the RFC 8098 example report', async () => {
      const report = rfc8098Report(`<${uniqueWord('mdn')}@contract.test>`)
      const blob = await jmap.connection.upload(accountId, new TextEncoder().encode(report), {
        type: 'message/rfc822',
      })
      const parsed = await jmap.request((b) =>
        b.call('MDN/parse', { accountId, blobIds: [Id(blob.blobId)] }),
      )
      expect(parsed.parsed?.[Id(blob.blobId)]).toMatchObject({
        reportingUA: 'joes-pc.cs.mega.edu; Foomail 97.1',
        finalRecipient: 'rfc822;Joe_Recipient@mega.edu',
        disposition: {
          actionMode: 'manual-action',
          sendingMode: 'mdn-sent-manually',
          type: 'displayed',
        },
      })
    })
  })

  describe('calendars', () => {
    const calendarApi = () =>
      createCalendarApi({ sessionUrl: target.sessionUrl, fetch: target.fetch })

    contract(
      'calendars: addEvent from iCalendar, computed UTC times, search, update, export, delete',
      async () => {
        const api = calendarApi()
        const calendar = await api.defaultCalendar()
        const uid = `${uniqueWord('cal')}@contract.test`
        const added = await calendar.addEvent(berlinEvent(uid, 'Contract meeting'))
        expect(added).toMatchObject({
          uid,
          start: '2031-03-04T10:00:00',
          timeZone: 'Europe/Berlin',
          recurrenceRule: { frequency: 'weekly', count: 3 },
        })
        // 10:00 in Berlin on 4 March (CET, UTC+1) is 09:00Z: both servers compute it.
        const calendarAccount = await calendar.accountId()
        const times = await api.client.request((b) =>
          b.call('CalendarEvent/get', {
            accountId: calendarAccount,
            ids: [added.id],
            properties: ['utcStart', 'utcEnd'],
          }),
        )
        expect(times.list[0]).toMatchObject({
          utcStart: '2031-03-04T09:00:00Z',
          utcEnd: '2031-03-04T10:00:00Z',
        })
        const found = await calendar.search({
          after: '2031-03-04T08:30:00',
          before: '2031-03-04T09:30:00',
          timeZone: 'Etc/UTC',
        })
        expect(found.map((event) => event.uid)).toContain(uid)
        await calendar.updateEvent(added.id, { title: 'Contract meeting, moved' })
        expect((await calendar.eventByUid(uid))?.title).toBe('Contract meeting, moved')
        expect(await calendar.exportEvent(added.id)).toContain(`UID:${uid}`)
        await calendar.deleteEvent(added.id)
        expect(await calendar.eventByUid(uid)).toBeUndefined()
      },
    )

    contract('calendars: exportEvent keeps the recurrence rule', async () => {
      const calendar = await calendarApi().defaultCalendar()
      const added = await calendar.addEvent(
        berlinEvent(`${uniqueWord('rrule')}@contract.test`, 'R'),
      )
      try {
        // Servers spell the rule's defaults out (Cyrus 3.10 writes INTERVAL=1;RSCALE=GREGORIAN;
        // SKIP=OMIT;WKST=MO): compare the parts that carry the rule, not the line's text.
        const exported = await calendar.exportEvent(added.id)
        // The event's RRULE, not one of its VTIMEZONE's.
        const rule = /^RRULE:(.*)$/m.exec(exported.slice(exported.indexOf('BEGIN:VEVENT')))?.[1]
        expect(rule?.split(';')).toEqual(expect.arrayContaining(['FREQ=WEEKLY', 'COUNT=3']))
      } finally {
        await calendar.deleteEvent(added.id)
      }
    })

    contract('calendars: changesSince reports an added event', async () => {
      const api = calendarApi()
      const token = await api.syncToken()
      const calendar = await api.defaultCalendar()
      const added = await calendar.addEvent(
        berlinEvent(`${uniqueWord('sync')}@contract.test`, 'Sync'),
      )
      const changes = await api.changesSince(token)
      expect(changes.created.map((event) => event.id)).toContain(added.id)
      await calendar.deleteEvent(added.id)
    })

    contract('calendars: a search bound in UTC (trailing Z) is refused', async () => {
      // draft-ietf-jmap-calendars: after/before are LocalDateTimes in the query's timeZone.
      const calendar = await calendarApi().defaultCalendar()
      const refused = await calendar
        .search({ after: '2031-03-04T08:30:00Z', before: '2031-03-04T09:30:00Z' })
        .catch((error: unknown) => error)
      expect(refused).toMatchObject({ error: { type: 'invalidArguments' } })
    })

    contract('calendars: addEvent surfaces the SetError that refused it', async () => {
      const calendar = await calendarApi().defaultCalendar()
      const refused = await calendar
        .addEvent({
          uid: `${uniqueWord('bad')}@contract.test`,
          title: 'Bad',
          start: '2031-03-04T10:00:00',
          timeZone: 'Mars/Olympus_Mons',
        } as never)
        .catch((error: unknown) => error)
      expect(refused).toMatchObject({
        operation: 'create',
        setError: { type: 'invalidProperties' },
      })
    })
  })

  describe('tasks', () => {
    contract('tasks: addTask, search, completeTask, exportTask, deleteTask', async () => {
      const api = createTaskApi({ sessionUrl: target.sessionUrl, fetch: target.fetch })
      const list = await api.defaultTaskList()
      const uid = `${uniqueWord('task')}@contract.test`
      const added = await list.addTask({
        uid,
        title: 'Contract task',
        due: '2031-03-05T18:00:00',
        timeZone: 'Europe/Berlin',
      })
      expect(added).toMatchObject({ uid, title: 'Contract task' })
      const found = await list.search({ text: 'Contract task' })
      expect(found.map((task) => task.uid)).toContain(uid)
      await list.completeTask(added.id)
      expect((await list.taskByUid(uid))?.progress).toBe('completed')
      expect(await list.exportTask(added.id)).toContain(`UID:${uid}`)
      await list.deleteTask(added.id)
      expect(await list.taskByUid(uid)).toBeUndefined()
    })
  })

  describe('calendars, instances', () => {
    contract(
      'calendars: search with expandRecurrences gives each instance, whose id reads, updates and deletes it',
      async () => {
        const api = createCalendarApi({ sessionUrl: target.sessionUrl, fetch: target.fetch })
        const calendar = await api.defaultCalendar()
        const uid = `${uniqueWord('expand')}@contract.test`
        const added = await calendar.addEvent(berlinEvent(uid, 'Expanded'))
        try {
          const instances = (
            await calendar.search({
              after: '2031-03-01T00:00:00',
              before: '2031-04-01T00:00:00',
              timeZone: 'Europe/Berlin',
              expandRecurrences: true,
            })
          ).filter((event) => event.uid === uid)
          // RRULE:FREQ=WEEKLY;COUNT=3 from 4 March 2031 10:00 Berlin: three instances, each with
          // an id of its own, the base event's id as baseEventId and its own start.
          expect(instances.map((event) => event.start)).toEqual([
            '2031-03-04T10:00:00',
            '2031-03-11T10:00:00',
            '2031-03-18T10:00:00',
          ])
          expect(instances.map((event) => event.recurrenceId)).toEqual([
            '2031-03-04T10:00:00',
            '2031-03-11T10:00:00',
            '2031-03-18T10:00:00',
          ])
          expect(new Set(instances.map((event) => event.id)).size).toBe(3)
          expect(instances.every((event) => event.baseEventId === added.id)).toBe(true)
          const second = instances[1]
          if (second === undefined) throw new Error('no second instance')
          const [again] = await calendar.events([second.id])
          expect(again).toMatchObject({ start: '2031-03-11T10:00:00', baseEventId: added.id })
          // An instance id takes updates and deletes too: the server changes that instance's
          // override on the base event, or excludes the instance (draft §5.8).
          await calendar.updateEvent(second.id, { title: 'Just this one' })
          await calendar.deleteEvent(instances[2]?.id ?? second.id)
          const after = (
            await calendar.search({
              after: '2031-03-01T00:00:00',
              before: '2031-04-01T00:00:00',
              timeZone: 'Europe/Berlin',
              expandRecurrences: true,
            })
          ).filter((event) => event.uid === uid)
          expect(after.map((event) => [event.start, event.title])).toEqual([
            ['2031-03-04T10:00:00', 'Expanded'],
            ['2031-03-11T10:00:00', 'Just this one'],
          ])
        } finally {
          await calendar.deleteEvent(added.id)
        }
      },
    )
  })

  describe('push', () => {
    contract('push: EventSource sends a StateChange after a change', async () => {
      const before = await jmap.request((b) => b.call('Mailbox/get', { accountId, ids: [] }))
      const events = jmap.connection.events({ types: ['Mailbox'], ping: 5 })
      const iterator = events[Symbol.asyncIterator]()
      const mailboxChanged = async (): Promise<StateChange> => {
        for (;;) {
          const next = await iterator.next()
          if (next.done === true) throw new Error('the event stream ended')
          const state = next.value.changed[accountId]?.Mailbox
          if (state !== undefined && state !== before.state) return next.value
        }
      }
      const deadline = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no StateChange within 15 s')), 15_000),
      )
      const waiting = Promise.race([mailboxChanged(), deadline])
      // Let the stream connect first: a change before it would only show as the initial state.
      await new Promise((resolve) => setTimeout(resolve, 500))
      const made = await jmap.request((b) =>
        b.call('Mailbox/set', { accountId, create: { m: { name: uniqueWord('push') } } }),
      )
      try {
        const change = await waiting
        expect(change['@type']).toBe('StateChange')
      } finally {
        events.close()
        const id = made.created?.m?.id
        if (id !== undefined)
          await jmap.request((b) => b.call('Mailbox/set', { accountId, destroy: [id] }))
      }
    })
  })

  describe('typed methods', () => {
    const methodsClient = () =>
      createClient({
        connection: (target.adaptConnection ?? ((connection) => connection))(
          createConnection({ sessionUrl: target.sessionUrl, fetch: target.fetch }),
        ),
        capabilities: [mail, submission, vacationResponse, quota, blob, calendars, tasks],
      })

    contract('methods: Mailbox/query, /get, /set, /changes', async () => {
      const client = methodsClient()
      const name = uniqueWord('box')
      const made = await client.request((b) => {
        const created = b.call('Mailbox/set', { accountId, create: { m: { name } } })
        const found = b.call('Mailbox/query', { accountId, filter: { name } })
        return { created, found }
      })
      const id = made.created.created?.m?.id
      if (id === undefined) throw new Error(`not created: ${JSON.stringify(made.created)}`)
      expect(made.found.ids).toEqual([id])
      const renamed = await client.request((b) => {
        const update = b.call('Mailbox/set', { accountId, update: { [id]: { name: `${name}2` } } })
        const changes = b.call('Mailbox/changes', { accountId, sinceState: made.created.newState })
        const got = b.call('Mailbox/get', { accountId, ids: [id], properties: ['name'] })
        return { update, changes, got }
      })
      expect(renamed.changes.updated).toContain(id)
      expect(renamed.got.list).toEqual([{ id, name: `${name}2` }])
      const gone = await client.request((b) => b.call('Mailbox/set', { accountId, destroy: [id] }))
      expect(gone.destroyed).toEqual([id])
    })

    contract('methods: Email/query, /get, /set, /changes and Thread/get', async () => {
      const client = methodsClient()
      const word = uniqueWord('email')
      const messageId = await deliverUnique(word)
      const found = await eventually(async () => {
        const { ids } = await client.request((b) =>
          b.call('Email/query', { accountId, filter: { header: ['Message-ID', messageId] } }),
        )
        return ids[0]
      })
      const { list, state } = await client.request((b) =>
        b.call('Email/get', {
          accountId,
          ids: [found],
          properties: ['subject', 'threadId', 'keywords', 'messageId'],
        }),
      )
      const email = list[0]
      expect(email).toMatchObject({ subject: `Contract ${word}`, messageId: [messageId] })
      const flagged = await client.request((b) => {
        const set = b.call('Email/set', {
          accountId,
          update: { [found]: { 'keywords/$flagged': true } },
        })
        const changes = b.call('Email/changes', { accountId, sinceState: state })
        const thread = b.call('Thread/get', { accountId, ids: [email?.threadId ?? Id('none')] })
        return { set, changes, thread }
      })
      expect(flagged.set.updated).toHaveProperty(found)
      expect(flagged.changes.updated).toContain(found)
      expect(flagged.thread.list[0]?.emailIds).toContain(found)
    })

    contract('methods: SearchSnippet/get', async () => {
      const client = methodsClient()
      const word = uniqueWord('snippet')
      await deliverUnique(word)
      const snippet = await eventually(async () => {
        const { ids } = await client.request((b) =>
          b.call('Email/query', { accountId, filter: { body: word } }),
        )
        if (ids.length === 0) return undefined
        const { list } = await client.request((b) =>
          b.call('SearchSnippet/get', { accountId, filter: { body: word }, emailIds: ids }),
        )
        return list[0]
      })
      expect(snippet.preview).toContain(word)
    })

    contract('methods: Identity/get, EmailSubmission/get and /query', async () => {
      const client = methodsClient()
      const { list: identities } = await client.request((b) =>
        b.call('Identity/get', { accountId }),
      )
      // Cyrus 3.10 as configured here gives its Identity an empty email: only its shape is common.
      expect(identities.length).toBeGreaterThan(0)
      expect(identities.every((identity) => typeof identity.mayDelete === 'boolean')).toBe(true)
      const [drafts, sent] = [await mailbox('drafts'), await mailbox('sent')]
      const identity = identities[0]
      if (identity === undefined) throw new Error(`no Identity on ${target.name}`)
      const result = await sendEmail(client, {
        accountId,
        identityId: identity.id,
        draftsMailboxId: drafts.id,
        sentMailboxId: sent.id,
        email: {
          from: [{ name: 'Test', email: target.userEmail }],
          to: [{ name: 'Bob', email: 'bob@example.test' }],
          subject: uniqueWord('submission'),
          bodyValues: { body: { value: 'Hello.' } },
          textBody: [{ partId: 'body', type: 'text/plain' }],
        },
      })
      if (!result.sent) throw new Error(`not sent at ${result.step}: ${result.error.type}`)
      const submissions = await client.request((b) => {
        // Cyrus 3.10 leaves `envelope` out of the record (RFC 8621 §7 lists it), so the call names
        // the properties both servers return.
        const got = b.call('EmailSubmission/get', {
          accountId,
          ids: [result.submissionId],
          properties: ['emailId', 'identityId', 'undoStatus'],
        })
        const query = b.call('EmailSubmission/query', {
          accountId,
          filter: { emailIds: [result.emailId] },
        })
        return { got, query }
      })
      expect(submissions.got.list[0]).toMatchObject({
        id: result.submissionId,
        emailId: result.emailId,
        identityId: identity.id,
      })
      expect(submissions.query.ids).toContain(result.submissionId)
    })

    contract('methods: VacationResponse/get and /set', async () => {
      const client = methodsClient()
      const subject = uniqueWord('away')
      const answer = await client.request((b) => {
        const set = b.call('VacationResponse/set', {
          accountId,
          update: { [Id('singleton')]: { isEnabled: false, subject } },
        })
        const got = b.call('VacationResponse/get', { accountId, ids: null })
        return { set, got }
      })
      expect(answer.set.updated).toHaveProperty('singleton')
      expect(answer.got.list).toEqual([
        expect.objectContaining({ id: 'singleton', isEnabled: false, subject }),
      ])
    })

    contract('methods: Calendar/get, CalendarEvent/query, /get, /changes', async () => {
      const client = methodsClient()
      const calendarAccount = await client.connection.accountFor('urn:ietf:params:jmap:calendars')
      const { list: calendarList, state: calendarState } = await client.request((b) =>
        b.call('Calendar/get', { accountId: calendarAccount }),
      )
      const calendar = calendarList[0]
      if (calendar === undefined) throw new Error(`no calendar on ${target.name}`)
      const { state } = await client.request((b) =>
        b.call('CalendarEvent/get', { accountId: calendarAccount, ids: [] }),
      )
      expect(calendarState).toEqual(expect.any(String))
      const uid = `${uniqueWord('method')}@contract.test`
      const made = await client.request((b) =>
        b.call('CalendarEvent/set', {
          accountId: calendarAccount,
          create: {
            e: {
              '@type': 'Event',
              uid,
              calendarIds: { [calendar.id]: true },
              title: 'Typed',
              start: '2031-05-06T10:00:00',
              timeZone: 'Europe/Berlin',
              duration: 'PT30M',
            },
          },
        }),
      )
      const id = made.created?.e?.id
      if (id === undefined) throw new Error(`not created: ${JSON.stringify(made.notCreated)}`)
      try {
        const read = await client.request((b) => {
          const query = b.call('CalendarEvent/query', {
            accountId: calendarAccount,
            filter: { after: '2031-05-06T00:00:00', before: '2031-05-07T00:00:00' },
          })
          const got = b.call('CalendarEvent/get', {
            accountId: calendarAccount,
            ids: [id],
            properties: ['uid', 'title', 'utcStart'],
          })
          const changes = b.call('CalendarEvent/changes', {
            accountId: calendarAccount,
            sinceState: state,
          })
          return { query, got, changes }
        })
        expect(read.query.ids).toContain(id)
        expect(read.got.list[0]).toMatchObject({
          uid,
          title: 'Typed',
          utcStart: '2031-05-06T08:00:00Z',
        })
        expect(read.changes.created).toContain(id)
      } finally {
        await client.request((b) =>
          b.call('CalendarEvent/set', { accountId: calendarAccount, destroy: [id] }),
        )
      }
    })

    contract('methods: TaskList/get, Task/query and /get', async () => {
      const client = methodsClient()
      const taskAccount = await client.connection.accountFor('urn:ietf:params:jmap:tasks')
      const { list: taskLists } = await client.request((b) =>
        b.call('TaskList/get', { accountId: taskAccount }),
      )
      const taskList = taskLists[0]
      if (taskList === undefined) throw new Error(`no task list on ${target.name}`)
      const uid = `${uniqueWord('task')}@contract.test`
      const made = await client.request((b) =>
        b.call('Task/set', {
          accountId: taskAccount,
          create: { t: { '@type': 'Task', uid, taskListId: taskList.id, title: 'Typed task' } },
        }),
      )
      const id = made.created?.t?.id
      if (id === undefined) throw new Error(`not created: ${JSON.stringify(made.notCreated)}`)
      const read = await client.request((b) => {
        const query = b.call('Task/query', { accountId: taskAccount, filter: { uid } })
        const got = b.call('Task/get', { accountId: taskAccount, ids: [id], properties: ['title'] })
        return { query, got }
      })
      expect(read.query.ids).toEqual([id])
      expect(read.got.list).toEqual([{ id, title: 'Typed task' }])
      await client.request((b) => b.call('Task/set', { accountId: taskAccount, destroy: [id] }))
    })

    contract('methods: Quota/get', async () => {
      const client = methodsClient()
      const { list } = await client.request((b) => b.call('Quota/get', { accountId, ids: null }))
      expect(list.length).toBeGreaterThan(0)
      for (const entry of list) {
        expect(['count', 'octets']).toContain(entry.resourceType)
        expect(entry.used).toBeGreaterThanOrEqual(0)
      }
    })

    contract('methods: Blob/upload and Blob/get', async () => {
      const client = methodsClient()
      const text = `contract ${uniqueWord('blob')}`
      const answer = await client.request((b) => {
        const upload = b.call('Blob/upload', {
          accountId,
          create: { k: { data: [blobText(text)], type: 'text/plain' } },
        })
        const got = b.call('Blob/get', {
          accountId,
          ids: [upload.created('k')],
          properties: ['data:asText', 'size'],
        })
        return { upload, got }
      })
      expect(answer.got.list[0]).toMatchObject({ 'data:asText': text, size: text.length })
    })
  })
}
