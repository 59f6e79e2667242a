// `pnpm demo`: a short tour of typed-jmap against a real JMAP server.
//
// Which server: the one named by JMAP_SESSION_URL (or a config-file profile),
// else the local Cyrus 3.10 started by scripts/cyrus (Debian + root), else the
// in-memory server of @typed-jmap/testing. The first line printed says which.
// JMAP_DEMO_SERVER=memory skips the first two (an offline tour).

import { createCalendarApi } from '@typed-jmap/calendars'
import { createContactsApi } from '@typed-jmap/contacts'
import {
  type ConnectionOptions,
  createClient,
  Id,
  isConfigError,
  isErrorOfType,
  type StateChange,
} from '@typed-jmap/core'
import { loadConnectionConfig } from '@typed-jmap/core/node'
import {
  findMailboxByRole,
  isSendEmailDefaultsError,
  mail,
  sendEmail,
  submission,
  syncMailChanges,
} from '@typed-jmap/mail'
import { createTaskApi } from '@typed-jmap/tasks'
import { createTestServer } from '@typed-jmap/testing'
import { makeAvailable, stopServers } from './cyrus/local-servers.js'
import { deliverRawOverLmtp } from './integration/lmtp-delivery.js'

interface DemoServer {
  readonly label: string
  readonly connection: ConnectionOptions
  /** Puts a first message in the INBOX when it is empty, so the tour has mail to read. */
  readonly deliver?: (rawMessage: string) => Promise<void>
  /** The account's mail address, where the server's Identity has none (Cyrus's is empty). */
  readonly address?: string
  readonly close: () => Promise<void>
}

async function configuredServer(): Promise<DemoServer | undefined> {
  try {
    const connection = await loadConnectionConfig()
    return {
      label: `the server configured by the environment (${String(connection.sessionUrl ?? connection.host)})`,
      connection,
      close: async () => {},
    }
  } catch (error) {
    if (isConfigError(error)) return undefined
    throw error
  }
}

async function localCyrus(): Promise<DemoServer | { readonly unavailable: string }> {
  const availability = await makeAvailable('cyrus-3.10')
  const variables = availability.variables
  if (availability.unavailable !== undefined || variables === undefined) {
    return { unavailable: availability.unavailable ?? 'no server variables' }
  }
  const sessionUrl = variables.JMAP_CYRUS310_SESSION_URL ?? ''
  const username = variables.JMAP_CYRUS310_USERNAME ?? ''
  const lmtpPort = Number(variables.JMAP_CYRUS310_LMTP_PORT)
  return {
    label: `local Cyrus ${variables.JMAP_CYRUS310_VERSION} (scripts/cyrus, ${availability.startedHere ? 'started for this demo' : 'already running'})`,
    connection: {
      sessionUrl,
      auth: { basic: { username, password: variables.JMAP_CYRUS310_PASSWORD ?? '' } },
    },
    address: `${username}@localhost`,
    deliver: (rawMessage) =>
      deliverRawOverLmtp({ host: '127.0.0.1', port: lmtpPort }, username, rawMessage),
    close: async () => {
      if (availability.startedHere) await stopServers(['cyrus-3.10'])
    },
  }
}

function inMemoryServer(reason: string): DemoServer {
  const server = createTestServer()
  const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
  server.seed.mailbox({ name: 'Drafts', role: 'drafts' })
  server.seed.mailbox({ name: 'Sent', role: 'sent' })
  server.seed.identity({ email: 'test@example.com', name: 'Demo' })
  server.seed.taskList({ name: 'Tasks', role: 'inbox' })
  server.seed.email({
    mailboxIds: [inbox],
    from: 'ada@example.com',
    subject: 'Welcome to typed-jmap',
    text: 'Every call in this tour was type-checked.',
  })
  server.seed.calendar({ name: 'Personal' })
  const contacts = server.seed.record('AddressBook', { name: 'Contacts' })
  for (const [given, surname, address] of [
    ['Ada', 'Lovelace', 'ada@example.com'],
    ['Grace', 'Hopper', 'grace@example.com'],
  ] as const) {
    server.seed.record('ContactCard', {
      addressBookIds: { [contacts]: true },
      name: {
        components: [
          { kind: 'given', value: given },
          { kind: 'surname', value: surname },
        ],
      },
      emails: { e1: { address } },
    })
  }
  return {
    label: `the in-memory server of @typed-jmap/testing (no real server: ${reason})`,
    connection: { sessionUrl: server.sessionUrl, fetch: server.fetch },
    close: async () => server.close(),
  }
}

const welcomeMessage = [
  'From: Ada <ada@example.com>',
  'To: test@localhost',
  'Subject: Welcome to typed-jmap',
  `Date: ${new Date().toUTCString()}`,
  `Message-ID: <demo-${Date.now()}@typed-jmap.example>`,
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Every call in this tour was type-checked.',
  '',
].join('\r\n')

async function tour(server: DemoServer): Promise<void> {
  const jmap = createClient({ ...server.connection, capabilities: [mail, submission] })
  const session = await jmap.session()
  console.log(
    `Session: ${session.username}, ${Object.keys(session.capabilities).length} capabilities`,
  )
  const accountId = await jmap.connection.accountFor('urn:ietf:params:jmap:mail')

  const inbox = await findMailboxByRole(jmap, { accountId, role: 'inbox' })
  if (inbox !== undefined && inbox.totalEmails === 0 && server.deliver !== undefined) {
    await server.deliver(welcomeMessage)
    console.log('(delivered a welcome message over LMTP)')
  }

  // One HTTP request, three calls chained by result references.
  const { mailboxes, emails, threads } = await jmap.request((b) => {
    const mailboxes = b.call('Mailbox/get', {
      accountId,
      properties: ['name', 'role', 'totalEmails', 'unreadEmails'],
    })
    const found = b.call('Email/query', {
      accountId,
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: 5,
    })
    const emails = b.call('Email/get', {
      accountId,
      ids: found.ref('/ids'),
      properties: ['subject', 'from', 'receivedAt', 'threadId'],
    })
    const threads = b.call('Thread/get', { accountId, ids: emails.ref('/list/*/threadId') })
    return { mailboxes, emails, threads }
  })

  console.log('\nMailboxes')
  for (const mailbox of mailboxes.list) {
    const role = mailbox.role === null ? '' : ` (${mailbox.role})`
    console.log(
      `  ${mailbox.name}${role}: ${mailbox.totalEmails} emails, ${mailbox.unreadEmails} unread`,
    )
  }
  console.log('\nLatest mail (Email/query → Email/get → Thread/get in one request)')
  for (const email of emails.list) {
    const from = email.from?.map((address) => address.email).join(', ') ?? '(no sender)'
    const thread = threads.list.find((candidate) => candidate.id === email.threadId)
    console.log(
      `  ${email.receivedAt}  ${from}  ${email.subject ?? '(no subject)'}  [${thread?.emailIds.length ?? 0} in thread]`,
    )
  }
  if (emails.list.length === 0) console.log('  (no mail)')

  // Push: listen for StateChanges before sending, so the new message arrives as one.
  const states = { mailboxState: mailboxes.state, emailState: emails.state }
  const events = jmap.connection.events({ types: ['Email', 'Mailbox'], ping: 5 })
  const firstPush = firstStateChange(events, accountId, 5_000)

  if (Object.hasOwn(session.capabilities, 'urn:ietf:params:jmap:submission')) {
    // Only the message: the identity and Drafts/Sent are found by sendEmail itself.
    const sending = sendEmail(jmap, {
      accountId,
      email: {
        to: [{ name: null, email: server.address ?? session.username }],
        ...(server.address === undefined
          ? {}
          : { from: [{ name: 'Demo', email: server.address }] }),
        subject: 'Sent by the typed-jmap demo',
        bodyValues: { t: { value: 'Hello from typed-jmap.' } },
        textBody: [{ partId: 't', type: 'text/plain' }],
      },
    }).catch((error: unknown) => {
      // A typed error: the account lacks what sendEmail would default (a Drafts mailbox, say).
      if (isSendEmailDefaultsError(error)) return error
      throw error
    })
    const sent = await sending
    if (isSendEmailDefaultsError(sent))
      console.log(`\nSending: ${sent.problem} (SendEmailDefaultsError): ${sent.message}`)
    else
      console.log(
        sent.sent
          ? `\nSent a message to ${server.address ?? session.username} (draft + submission + move to Sent in one request)`
          : `\nSending was refused at the ${sent.step} step: ${sent.error.type}`,
      )
  } else console.log('\nSending: this server offers no EmailSubmission')

  const pushed = await firstPush
  events.close()
  if (typeof pushed === 'string') console.log(`\nPush: ${pushed}`)
  else {
    console.log(`\nPush: a StateChange arrived: ${JSON.stringify(pushed.changed[accountId])}`)
    // The StateChange only says what changed state; syncMailChanges fetches what changed.
    const changes = await syncMailChanges(jmap, { accountId, ...states })
    console.log(
      `  syncMailChanges: ${changes.createdEmails.length} new, ${changes.updatedEmails.length} updated, ${changes.destroyedEmailIds.length} destroyed emails since the tour began`,
    )
    for (const email of changes.createdEmails) console.log(`    new: ${email.subject ?? ''}`)
  }

  // A typed error: a create the server refuses comes back as a SetError in notCreated (data,
  // not an exception); isErrorOfType narrows it to one type with that type's own members.
  const refused = await jmap.request((b) =>
    b.call('Email/set', {
      accountId,
      create: {
        nowhere: {
          mailboxIds: { [Id('no-such-mailbox')]: true },
          subject: 'Filed in a mailbox that does not exist',
        },
      },
    }),
  )
  const setError = refused.notCreated?.nowhere
  if (isErrorOfType(setError, 'invalidProperties'))
    console.log(
      `\nTyped error: Email/set refused the create: invalidProperties, properties ${JSON.stringify(setError.properties ?? [])}`,
    )
  else if (setError !== undefined)
    console.log(`\nTyped error: Email/set refused the create: ${setError.type}`)
  else console.log('\nTyped error: the server accepted an Email in a mailbox that does not exist')

  if (Object.hasOwn(session.capabilities, 'urn:ietf:params:jmap:tasks')) {
    const taskApi = createTaskApi({ ...server.connection })
    const list = await taskApi.defaultTaskList()
    const due = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10)
    const task = await list.addTask({
      '@type': 'Task',
      uid: `typed-jmap-demo-task-${Date.now()}`,
      title: 'typed-jmap demo: water the plants',
      due: `${due}T09:00:00`,
    })
    await list.completeTask(task.id)
    const [done] = await list.tasks([task.id])
    console.log(`\nTasks: added "${task.title}" (due ${task.due}), now ${done?.progress ?? '?'}`)
  } else console.log('\nTasks: this server offers no JMAP Tasks')

  if (Object.hasOwn(session.capabilities, 'urn:ietf:params:jmap:contacts')) {
    const contacts = createContactsApi({ ...server.connection })
    const cards = await (await contacts.defaultAddressBook()).list({ limit: 5 })
    console.log('\nContacts (ContactCard/query + /get in one request)')
    for (const card of cards) {
      const name =
        card.name?.full ?? card.name?.components?.map((component) => component.value).join(' ')
      const email = Object.values(card.emails ?? {})[0]?.address ?? ''
      console.log(`  ${name ?? '(no name)'}  ${email}`)
    }
  } else console.log('\nContacts: this server offers no RFC 9610 contacts')

  const hasCalendars = Object.keys(session.capabilities).some((urn) => urn.includes('calendars'))
  if (!hasCalendars) {
    console.log('\nCalendars: this server offers none')
    return
  }
  const calendars = createCalendarApi({ ...server.connection })
  const list = await calendars.listCalendars()
  console.log(`\nCalendars (${(await calendars.dialect()).name} dialect)`)
  for (const calendar of list) console.log(`  ${calendar.name}`)
  const calendar = await calendars.defaultCalendar()
  const start = new Date()
  start.setUTCHours(24, 0, 0, 0)
  const uid = `typed-jmap-demo-${start.toISOString().slice(0, 10)}`
  const existing = await calendar.eventByUid(uid)
  const event =
    existing ??
    (await calendar.addEvent({
      '@type': 'Event',
      uid,
      title: 'typed-jmap demo: coffee',
      start: start.toISOString().slice(0, 19),
      timeZone: 'Etc/UTC',
      duration: 'PT30M',
    }))
  const weekEnd = new Date(start.getTime() + 7 * 24 * 3600_000)
  const upcoming = await calendar.search({ after: start, before: weekEnd })
  console.log('Events in the coming week (CalendarEvent/query + /get in one request)')
  for (const event of upcoming) console.log(`  ${event.start}  ${event.title}`)
  const ics = await calendar.exportEvent(event.id)
  console.log(`\nThe demo event as iCalendar:\n${ics.trim()}`)
}

/**
 * The first StateChange for the account, or why none came: push unsupported (a SessionError,
 * as on Cyrus 3.6) or nothing within `deadline` ms.
 */
async function firstStateChange(
  events: AsyncIterable<StateChange>,
  accountId: string,
  deadline: number,
): Promise<StateChange | string> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no StateChange within ${deadline / 1000} s`), deadline)
  })
  const arrival = (async () => {
    for await (const change of events) if (change.changed[accountId] !== undefined) return change
    return 'the push stream ended'
  })().catch((error: unknown) => `unavailable (${error instanceof Error ? error.message : error})`)
  try {
    return await Promise.race([arrival, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function main(): Promise<void> {
  if (process.env.JMAP_DEMO_SERVER === 'memory') {
    return runTour(inMemoryServer('JMAP_DEMO_SERVER=memory'))
  }
  let server = await configuredServer()
  if (server === undefined) {
    const local = await localCyrus()
    server = 'unavailable' in local ? inMemoryServer(local.unavailable) : local
  }
  return runTour(server)
}

async function runTour(server: DemoServer): Promise<void> {
  console.log(`typed-jmap demo, using ${server.label}\n`)
  try {
    await tour(server)
  } finally {
    await server.close()
  }
}

await main()
