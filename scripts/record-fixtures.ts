/**
 * Records real JMAP exchanges from the Cyrus test servers into
 * `fixtures/data/<area>/cyrus-3.6/` and `…/cyrus-3.10/`.
 *
 *   pnpm record-fixtures            # fresh private servers on other ports, removed afterwards
 *   pnpm record-fixtures --reuse    # the servers scripts/cyrus/start.sh runs (shared state)
 *
 * Fresh servers make the recordings independent of whatever other tests left
 * in the shared accounts. Every value the script sends is fixed (dates,
 * subjects, bodies); ids, states and server timestamps stay as recorded.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseFixture } from '../fixtures/src/parse-fixture.js'
import {
  envPrefixes,
  type ServerName,
  serverNames,
  versionTags,
} from './integration/server-names.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }
type Invocation = [string, JsonObject, string]

type Area = 'session' | 'core' | 'mail' | 'calendars'

interface RecordedRequest {
  method: 'GET' | 'POST'
  path: string
  body?: Json
  bodyText?: string
}

interface RecordedResponse {
  status: number
  contentType?: string
  location?: string
  body?: Json
  bodyText?: string
}

interface Exchange {
  readonly request: RecordedRequest
  readonly response: RecordedResponse
}

interface Target {
  readonly name: ServerName
  readonly sessionUrl: string
  readonly username: string
  readonly password: string
  /** e.g. `cyrus-imapd 3.10.2-1+deb13u2 (Debian trixie)` */
  readonly packageName: string
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const reuse = process.argv.includes('--reuse')
const recordRunDir = '/tmp/typed-jmap-cyrus-record'
// Ports of the private recording servers: clear of the shared ones (18xxx).
const recordPorts: Readonly<Record<ServerName, Record<string, string>>> = {
  'cyrus-3.6': {
    CYRUS36_HTTP_PORT: '28680',
    CYRUS36_IMAP_PORT: '28643',
    CYRUS36_LMTP_PORT: '28624',
    CYRUS36_SMTP_PORT: '28625',
  },
  'cyrus-3.10': {
    CYRUS310_HTTP_PORT: '28180',
    CYRUS310_IMAP_PORT: '28143',
    CYRUS310_LMTP_PORT: '28124',
    CYRUS310_SMTP_PORT: '28125',
  },
}
const today = new Date().toISOString().slice(0, 10)
const core = 'urn:ietf:params:jmap:core'
const mail = 'urn:ietf:params:jmap:mail'
const submission = 'urn:ietf:params:jmap:submission'
const vacation = 'urn:ietf:params:jmap:vacationresponse'
const calendarsUrn = 'urn:ietf:params:jmap:calendars'
const principalsUrn = 'urn:ietf:params:jmap:principals'
const legacyCalendars = 'https://cyrusimap.org/ns/jmap/calendars'

function cyrusScript(action: 'start' | 'stop', name: ServerName): void {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CYRUS_RUN_DIR: recordRunDir,
    ...recordPorts[name],
  }
  if (action === 'start') env.CYRUS_FRESH = '1'
  else env.CYRUS_PURGE = '1'
  const run = spawnSync('bash', [join(repoRoot, `scripts/cyrus/${action}.sh`), versionTags[name]], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (run.status !== 0) throw new Error(`scripts/cyrus/${action}.sh ${versionTags[name]} failed`)
}

function targetFor(name: ServerName): Target {
  const base = reuse ? (process.env.CYRUS_RUN_DIR ?? '/tmp/typed-jmap-cyrus') : recordRunDir
  const variables = new Map<string, string>()
  for (const line of readFileSync(`${base}/${versionTags[name]}/server.env`, 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    if (eq > 0) variables.set(line.slice(0, eq), line.slice(eq + 1))
  }
  const read = (key: string): string => {
    const value = variables.get(`${envPrefixes[name]}_${key}`)
    if (value === undefined) throw new Error(`${name}: ${envPrefixes[name]}_${key} missing`)
    return value
  }
  return {
    name,
    sessionUrl: read('SESSION_URL'),
    username: read('USERNAME'),
    password: read('PASSWORD'),
    packageName: read('PACKAGE'),
  }
}

class FixtureRecorder {
  private written = 0
  readonly account: string

  constructor(readonly target: Target) {
    this.account = target.username
  }

  get count(): number {
    return this.written
  }

  private auth(password = this.target.password): string {
    return `Basic ${btoa(`${this.target.username}:${password}`)}`
  }

  /** One HTTP exchange, as the fixture records it. */
  async send(
    method: 'GET' | 'POST',
    url: string,
    options: { body?: string; contentType?: string; password?: string; anonymous?: boolean } = {},
  ): Promise<Exchange> {
    const headers: Record<string, string> = {}
    if (options.anonymous !== true) headers.authorization = this.auth(options.password)
    if (options.contentType !== undefined) headers['content-type'] = options.contentType
    const init: RequestInit = { method, headers, redirect: 'manual' }
    if (options.body !== undefined) init.body = options.body
    const response = await fetch(url, init)
    const text = await response.text()
    const contentType = response.headers.get('content-type')
    const recorded: RecordedResponse = { status: response.status }
    if (contentType !== null) recorded.contentType = contentType
    const location = response.headers.get('location')
    if (location !== null) recorded.location = location
    // Request-level errors come as application/problem+json (RFC 7807).
    if (
      contentType !== null &&
      /^application\/([a-z+.-]*\+)?json\b/.test(contentType) &&
      text !== ''
    ) {
      recorded.body = JSON.parse(text) as Json
    } else {
      recorded.bodyText = text
    }
    const parsed = new URL(url)
    const request: RecordedRequest = { method, path: parsed.pathname + parsed.search }
    if (options.body !== undefined) {
      try {
        request.body = JSON.parse(options.body) as Json
      } catch {
        request.bodyText = options.body
      }
    }
    return { request, response: recorded }
  }

  /** A JMAP API request; fails the recording on an unexpected HTTP status. */
  async api(using: string[], methodCalls: Invocation[], expectStatus = 200): Promise<Exchange> {
    const exchange = await this.send('POST', this.target.sessionUrl, {
      body: JSON.stringify({ using, methodCalls }),
      contentType: 'application/json',
    })
    if (exchange.response.status !== expectStatus) {
      throw new Error(
        `${this.target.name}: ${methodCalls.map((c) => c[0]).join(', ')} answered ${exchange.response.status}: ${JSON.stringify(exchange.response.body ?? exchange.response.bodyText)}`,
      )
    }
    return exchange
  }

  write(
    area: Area,
    name: string,
    description: string,
    exchange: Exchange,
    withRequest = true,
  ): void {
    const fixture: JsonObject = {
      description,
      source: `${this.target.packageName}, recorded ${today} by scripts/record-fixtures.ts`,
    }
    if (withRequest) fixture.request = exchange.request as unknown as JsonObject
    fixture.response = exchange.response as unknown as JsonObject
    const path = join(repoRoot, 'fixtures/data', area, this.target.name, `${name}.json`)
    const text = `${JSON.stringify(fixture, null, 2)}\n`
    // The fixtures loader's schema is the contract: a recording it would reject is not written.
    parseFixture(text, path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    this.written += 1
  }
}

/** The arguments of the n-th method response of a recorded API exchange. */
function result(exchange: Exchange, index: number): JsonObject {
  const body = exchange.response.body as { methodResponses?: Invocation[] } | undefined
  const invocation = body?.methodResponses?.[index]
  if (invocation === undefined) throw new Error(`no method response #${index}`)
  if (invocation[0] === 'error') {
    throw new Error(`method response #${index} is an error: ${JSON.stringify(invocation[1])}`)
  }
  return invocation[1]
}

function stringAt(object: JsonObject, ...path: string[]): string {
  let value: Json | undefined = object
  for (const key of path) {
    value =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined
  }
  if (typeof value !== 'string') throw new Error(`no string at ${path.join('.')}`)
  return value
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

const importedMessage = [
  'From: Alice Example <alice@example.com>',
  'To: Test User <test@localhost>',
  'Subject: Quarterly report',
  'Date: Mon, 13 Jan 2030 10:00:00 +0000',
  'Message-ID: <quarterly-report@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello Test,',
  '',
  'the quarterly figures are attached in spirit: revenue zephyrine grew nicely.',
  '',
  'Alice',
  '',
].join('\r\n')

async function recordSessionAndCore(r: FixtureRecorder): Promise<JsonObject> {
  const { target } = r
  const wellKnown = new URL('/.well-known/jmap', target.sessionUrl).href
  r.write(
    'session',
    'well-known-redirect',
    'GET /.well-known/jmap redirects to the session resource.',
    await r.send('GET', wellKnown),
  )
  const session = await r.send('GET', target.sessionUrl)
  r.write('session', 'session', 'The session object of user "test".', session)
  r.write(
    'session',
    'wrong-password',
    'GET of the session resource with a wrong password is refused with 401.',
    await r.send('GET', target.sessionUrl, { password: 'wrong-password' }),
  )
  r.write(
    'core',
    'core-echo',
    'Core/echo returns its arguments unchanged.',
    await r.api([core], [['Core/echo', { hello: 'world', n: [1, 2, 3] }, 'c0']]),
  )
  r.write(
    'core',
    'request-error-unknown-capability',
    'A request using a capability the server does not know is rejected with urn:ietf:params:jmap:error:unknownCapability.',
    await r.api([core, 'urn:example:no-such-capability'], [['Core/echo', {}, 'c0']], 400),
  )
  const notJson = await r.send('POST', target.sessionUrl, {
    body: '{"using": ["urn:ietf:params:jmap:core"], "methodCalls": [',
    contentType: 'application/json',
  })
  r.write(
    'core',
    'request-error-not-json',
    'A request body that is not valid JSON is rejected with urn:ietf:params:jmap:error:notJSON.',
    notJson,
  )
  r.write(
    'core',
    'request-error-not-request',
    'A JSON body that is not a Request object is rejected with urn:ietf:params:jmap:error:notRequest.',
    await r.send('POST', target.sessionUrl, {
      body: JSON.stringify({ using: [core], calls: [] }),
      contentType: 'application/json',
    }),
  )
  const sessionBody = session.response.body as JsonObject
  const coreCapability = (sessionBody.capabilities as JsonObject)[core] as JsonObject
  const maxCalls = coreCapability.maxCallsInRequest as number
  const tooMany: Invocation[] = Array.from({ length: maxCalls + 1 }, (_, i) => [
    'Core/echo',
    {},
    `c${i}`,
  ])
  r.write(
    'core',
    'request-error-limit-max-calls',
    `A request with maxCallsInRequest + 1 (${maxCalls + 1}) method calls is rejected with urn:ietf:params:jmap:error:limit.`,
    await r.api([core], tooMany, 400),
  )
  r.write(
    'core',
    'method-error-unknown-method',
    'A call of a method the server does not implement answers the unknownMethod method error.',
    await r.api([core, mail], [['Nothing/get', { accountId: r.account }, 'u']]),
  )
  r.write(
    'core',
    'method-error-invalid-arguments',
    'Mailbox/get with an argument of the wrong type answers the invalidArguments method error.',
    await r.api([core, mail], [['Mailbox/get', { accountId: r.account, ids: 'not-a-list' }, 'i']]),
  )
  r.write(
    'core',
    'method-error-account-not-found',
    'Mailbox/get on an account id that does not exist answers the accountNotFound method error.',
    await r.api([core, mail], [['Mailbox/get', { accountId: 'no-such-account', ids: null }, 'a']]),
  )
  return sessionBody
}

async function recordMail(r: FixtureRecorder, session: JsonObject): Promise<void> {
  const acc = r.account
  const mailboxes = await r.api([core, mail], [['Mailbox/get', { accountId: acc, ids: null }, 'm']])
  r.write(
    'mail',
    'mailbox-get',
    'Mailbox/get of all mailboxes of a freshly provisioned user.',
    mailboxes,
  )
  const list = result(mailboxes, 0).list as JsonObject[]
  const roleId = (role: string): string => {
    const found = list.find((m) => m.role === role)
    if (found === undefined) throw new Error(`no ${role} mailbox`)
    return found.id as string
  }
  const inbox = roleId('inbox')
  const drafts = roleId('drafts')
  const sent = roleId('sent')
  const before = result(
    await r.api([core, mail], [['Email/get', { accountId: acc, ids: [] }, 's']]),
    0,
  )
  const sinceState = stringAt(before, 'state')

  const draft = await r.api(
    [core, mail],
    [
      [
        'Email/set',
        {
          accountId: acc,
          create: {
            d1: {
              mailboxIds: { [drafts]: true },
              keywords: { $draft: true, $seen: true },
              from: [{ name: 'Test User', email: 'test@localhost' }],
              to: [{ name: 'Bob', email: 'bob@example.test' }],
              subject: 'Draft: lunch on Friday?',
              sentAt: '2030-01-14T12:00:00Z',
              bodyValues: { b: { value: 'Shall we have lunch on Friday?\n' } },
              textBody: [{ partId: 'b', type: 'text/plain' }],
            },
          },
        },
        'd',
      ],
    ],
  )
  r.write('mail', 'email-set-draft', 'Email/set creates a draft in the Drafts mailbox.', draft)
  const draftId = stringAt(result(draft, 0), 'created', 'd1', 'id')

  const uploadUrl = new URL(
    (session.uploadUrl as string).replace('{accountId}', encodeURIComponent(acc)),
    r.target.sessionUrl,
  ).href
  const upload = await r.send('POST', uploadUrl, {
    body: importedMessage,
    contentType: 'message/rfc822',
  })
  if (upload.response.status !== 201 && upload.response.status !== 200) {
    throw new Error(`upload answered ${upload.response.status}`)
  }
  r.write(
    'core',
    'upload',
    'Uploading a raw RFC 5322 message to the uploadUrl returns its blobId.',
    upload,
  )
  const blobId = stringAt(upload.response.body as JsonObject, 'blobId')
  const imported = await r.api(
    [core, mail],
    [
      [
        'Email/import',
        {
          accountId: acc,
          emails: {
            i1: {
              blobId,
              mailboxIds: { [inbox]: true },
              keywords: {},
              receivedAt: '2030-01-13T10:00:05Z',
            },
          },
        },
        'imp',
      ],
    ],
  )
  r.write('mail', 'email-import', 'Email/import of the uploaded message into the INBOX.', imported)
  const importedEmail = result(imported, 0).created as JsonObject
  const emailId = stringAt(importedEmail, 'i1', 'id')

  r.write(
    'mail',
    'email-query-get',
    'Email/query of the INBOX, newest first, with Email/get of the result through a back-reference.',
    await r.api(
      [core, mail],
      [
        [
          'Email/query',
          {
            accountId: acc,
            filter: { inMailbox: inbox },
            sort: [{ property: 'receivedAt', isAscending: false }],
            calculateTotal: true,
          },
          'q',
        ],
        [
          'Email/get',
          {
            accountId: acc,
            '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
            properties: [
              'threadId',
              'mailboxIds',
              'keywords',
              'from',
              'to',
              'subject',
              'receivedAt',
              'sentAt',
              'preview',
              'size',
            ],
          },
          'g',
        ],
      ],
    ),
  )
  r.write(
    'mail',
    'email-changes',
    'Email/changes since the state before the draft and the import were created.',
    await r.api([core, mail], [['Email/changes', { accountId: acc, sinceState }, 'ch']]),
  )
  const full = await r.api(
    [core, mail],
    [['Email/get', { accountId: acc, ids: [emailId], properties: ['threadId'] }, 'g']],
  )
  const threadId = stringAt((result(full, 0).list as JsonObject[])[0] ?? {}, 'threadId')
  r.write(
    'mail',
    'thread-get',
    "Thread/get of the imported message's thread.",
    await r.api([core, mail], [['Thread/get', { accountId: acc, ids: [threadId] }, 't']]),
  )

  // Only indexed mail is found by text: the rolling squatter needs a moment.
  let search: Exchange | undefined
  for (let attempt = 0; attempt < 50; attempt++) {
    search = await r.api(
      [core, mail],
      [
        ['Email/query', { accountId: acc, filter: { text: 'zephyrine' } }, 'q'],
        [
          'SearchSnippet/get',
          {
            accountId: acc,
            filter: { text: 'zephyrine' },
            '#emailIds': { resultOf: 'q', name: 'Email/query', path: '/ids' },
          },
          's',
        ],
      ],
    )
    if ((result(search, 0).ids as Json[]).length > 0) break
    await sleep(200)
  }
  if (search === undefined || (result(search, 0).ids as Json[]).length === 0) {
    throw new Error('the imported message was never indexed')
  }
  r.write(
    'mail',
    'search-snippet-get',
    'Email/query by full text with SearchSnippet/get of the matches (highlighted with <mark>).',
    search,
  )

  const identities = await r.api(
    [core, mail, submission],
    [['Identity/get', { accountId: acc, ids: null }, 'i']],
  )
  r.write('mail', 'identity-get', 'Identity/get of the sending identities.', identities)
  const identityId = stringAt((result(identities, 0).list as JsonObject[])[0] ?? {}, 'id')
  r.write(
    'mail',
    'email-submission-set',
    'EmailSubmission/set sends the draft (to a local SMTP sink) and onSuccessUpdateEmail moves it to Sent.',
    await r.api(
      [core, mail, submission],
      [
        [
          'EmailSubmission/set',
          {
            accountId: acc,
            create: {
              s1: {
                emailId: draftId,
                identityId,
                envelope: {
                  mailFrom: { email: 'test@localhost' },
                  rcptTo: [{ email: 'bob@example.test' }],
                },
              },
            },
            onSuccessUpdateEmail: {
              '#s1': {
                [`mailboxIds/${drafts}`]: null,
                [`mailboxIds/${sent}`]: true,
                'keywords/$draft': null,
              },
            },
          },
          'sub',
        ],
      ],
    ),
  )
  r.write(
    'mail',
    'vacation-response-get',
    'VacationResponse/get of the singleton.',
    await r.api([core, vacation], [['VacationResponse/get', { accountId: acc, ids: null }, 'v']]),
  )
  r.write(
    'mail',
    'set-errors',
    'Email/set and Mailbox/set answering SetErrors: notFound on update and destroy, invalidProperties on create, and a refused destroy of a non-empty INBOX.',
    await r.api(
      [core, mail],
      [
        [
          'Email/set',
          {
            accountId: acc,
            create: { bad: { mailboxIds: {}, subject: 42 } },
            update: { Mnosuchemail: { keywords: { $seen: true } } },
            destroy: ['Mnosuchemail2'],
          },
          'e',
        ],
        ['Mailbox/set', { accountId: acc, destroy: [inbox] }, 'm'],
      ],
    ),
  )
  r.write(
    'mail',
    'method-error-state-mismatch',
    'Mailbox/set with an ifInState that is not the current state answers the stateMismatch method error.',
    await r.api(
      [core, mail],
      [['Mailbox/set', { accountId: acc, ifInState: 'not-the-state', update: {} }, 'm']],
    ),
  )
}

async function recordCalendars310(r: FixtureRecorder): Promise<void> {
  const acc = r.account
  const using = [core, calendarsUrn, principalsUrn]
  r.write(
    'calendars',
    'calendar-get',
    'Calendar/get of all calendars (the default calendar of a fresh user).',
    await r.api(using, [['Calendar/get', { accountId: acc, ids: null }, 'c']]),
  )
  const before = result(
    await r.api(using, [['CalendarEvent/get', { accountId: acc, ids: [] }, 's']]),
    0,
  )
  const sinceState = stringAt(before, 'state')
  const created = await r.api(using, [
    [
      'CalendarEvent/set',
      {
        accountId: acc,
        create: {
          ev1: {
            '@type': 'Event',
            calendarIds: { Default: true },
            uid: 'weekly-sdk-sync@typed-jmap.test',
            title: 'Weekly SDK sync',
            description: 'Recorded by scripts/record-fixtures.ts',
            start: '2030-01-15T09:00:00',
            timeZone: 'Europe/Berlin',
            duration: 'PT1H',
            showWithoutTime: false,
            status: 'confirmed',
            recurrenceRules: [
              {
                '@type': 'RecurrenceRule',
                frequency: 'weekly',
                byDay: [{ '@type': 'NDay', day: 'tu' }],
                count: 5,
              },
            ],
            locations: { l1: { '@type': 'Location', name: 'Room 1' } },
            participants: {
              me: {
                '@type': 'Participant',
                name: 'Test User',
                sendTo: { imip: 'mailto:test@localhost' },
                roles: { owner: true, attendee: true },
                participationStatus: 'accepted',
              },
              bob: {
                '@type': 'Participant',
                name: 'Bob',
                sendTo: { imip: 'mailto:bob@example.test' },
                roles: { attendee: true },
                participationStatus: 'needs-action',
                expectReply: true,
              },
            },
            alerts: {
              a1: {
                '@type': 'Alert',
                trigger: { '@type': 'OffsetTrigger', offset: '-PT15M', relativeTo: 'start' },
                action: 'display',
              },
            },
          },
          ev2: {
            '@type': 'Event',
            calendarIds: { Default: true },
            uid: 'all-day-offsite@typed-jmap.test',
            title: 'Offsite',
            start: '2030-02-01T00:00:00',
            duration: 'P1D',
            showWithoutTime: true,
          },
        },
      },
      'set',
    ],
  ])
  r.write(
    'calendars',
    'calendar-event-set',
    'CalendarEvent/set creates a weekly recurring event with participants and an alert, and an all-day event.',
    created,
  )
  const eventId = stringAt(result(created, 0), 'created', 'ev1', 'id')
  r.write(
    'calendars',
    'calendar-event-get',
    'CalendarEvent/get of the recurring event with all properties.',
    await r.api(using, [['CalendarEvent/get', { accountId: acc, ids: [eventId] }, 'g']]),
  )
  r.write(
    'calendars',
    'calendar-event-query',
    'CalendarEvent/query of January 2030 (LocalDateTime bounds) sorted by start, and the same window with expandRecurrences.',
    await r.api(using, [
      [
        'CalendarEvent/query',
        {
          accountId: acc,
          filter: { after: '2030-01-01T00:00:00', before: '2030-02-01T00:00:00' },
          sort: [{ property: 'start', isAscending: true }],
        },
        'q',
      ],
      [
        'CalendarEvent/query',
        {
          accountId: acc,
          filter: { after: '2030-01-01T00:00:00', before: '2030-02-01T00:00:00' },
          expandRecurrences: true,
        },
        'x',
      ],
    ]),
  )
  r.write(
    'calendars',
    'calendar-event-changes',
    'CalendarEvent/changes since the state before the two events were created.',
    await r.api(using, [['CalendarEvent/changes', { accountId: acc, sinceState }, 'ch']]),
  )
  r.write(
    'calendars',
    'principal-get',
    'Principal/query with Principal/get of the found principals through a back-reference.',
    await r.api(using, [
      ['Principal/query', { accountId: acc }, 'q'],
      [
        'Principal/get',
        { accountId: acc, '#ids': { resultOf: 'q', name: 'Principal/query', path: '/ids' } },
        'p',
      ],
    ]),
  )
  r.write(
    'calendars',
    'principal-get-ids-null',
    'Principal/get with ids null: Cyrus refuses to list all principals with requestTooLarge.',
    await r.api(using, [['Principal/get', { accountId: acc, ids: null }, 'p']]),
  )
  r.write(
    'calendars',
    'participant-identity-get',
    'ParticipantIdentity/get of the identities the user takes part in events as.',
    await r.api(using, [['ParticipantIdentity/get', { accountId: acc, ids: null }, 'pi']]),
  )
}

async function recordLegacyCalendars36(r: FixtureRecorder): Promise<void> {
  const acc = r.account
  const using = [core, legacyCalendars]
  r.write(
    'calendars',
    'legacy-calendar-get',
    "Calendar/get under Cyrus' pre-standard namespace https://cyrusimap.org/ns/jmap/calendars.",
    await r.api(using, [['Calendar/get', { accountId: acc, ids: null }, 'c']]),
  )
  const created = await r.api(using, [
    [
      'CalendarEvent/set',
      {
        accountId: acc,
        create: {
          ev1: {
            calendarId: 'Default',
            '@type': 'jsevent',
            uid: 'legacy-sync@typed-jmap.test',
            title: 'Weekly SDK sync',
            description: 'Recorded by scripts/record-fixtures.ts',
            start: '2030-01-15T09:00:00',
            timeZone: 'Europe/Berlin',
            duration: 'PT1H',
            showWithoutTime: false,
            status: 'confirmed',
            recurrenceRule: { frequency: 'weekly', count: 5 },
          },
        },
      },
      'set',
    ],
  ])
  r.write(
    'calendars',
    'legacy-calendar-event-set',
    'CalendarEvent/set creating a recurring "jsevent" under https://cyrusimap.org/ns/jmap/calendars.',
    created,
  )
  const eventId = stringAt(result(created, 0), 'created', 'ev1', 'id')
  r.write(
    'calendars',
    'legacy-calendar-event-get',
    'CalendarEvent/get of a "jsevent" under https://cyrusimap.org/ns/jmap/calendars.',
    await r.api(using, [['CalendarEvent/get', { accountId: acc, ids: [eventId] }, 'g']]),
  )
}

async function recordServer(name: ServerName): Promise<number> {
  const r = new FixtureRecorder(targetFor(name))
  const session = await recordSessionAndCore(r)
  await recordMail(r, session)
  if (name === 'cyrus-3.10') await recordCalendars310(r)
  else await recordLegacyCalendars36(r)
  return r.count
}

const failures: string[] = []
for (const name of serverNames) {
  try {
    if (!reuse) cyrusScript('start', name)
    const count = await recordServer(name)
    process.stdout.write(`${name}: ${count} fixtures written\n`)
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!reuse) {
    try {
      cyrusScript('stop', name)
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
if (failures.length > 0) {
  process.stderr.write(`recording failed:\n  ${failures.join('\n  ')}\n`)
  process.exitCode = 1
}
