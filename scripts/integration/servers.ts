import { describe } from 'vitest'
import { deliverRawOverLmtp } from './lmtp-delivery.js'
import {
  envPrefixes,
  type ServerName,
  serverNames,
  suiteTag,
  unavailableVariable,
} from './server-names.js'

export type { ServerName } from './server-names.js'

/** Credentials of one user on a test server. */
export interface TestUser {
  readonly username: string
  readonly password: string
}

/** One running Cyrus test server, as the global setup describes it to the tests. */
export interface TestServer {
  readonly name: ServerName
  /** Upstream Cyrus version, e.g. `'3.10.2'`. */
  readonly version: string
  /** `http://127.0.0.1:<port>/jmap/` */
  readonly sessionUrl: string
  /** `http://127.0.0.1:<port>/.well-known/jmap` */
  readonly wellKnownUrl: string
  /** The main user. */
  readonly user: TestUser
  /** A second user, for sharing tests. */
  readonly otherUser: TestUser
  /** Folder where the SMTP sink stores each submitted message as `N.eml` + `N.json`. */
  readonly smtpSinkDir: string
  /** LMTP port on 127.0.0.1 for delivering mail. */
  readonly lmtpPort: number
  /** IMAP port on 127.0.0.1 (for what JMAP cannot set up, such as mailbox ACLs). */
  readonly imapPort: number
}

function readVariable(name: string): string | undefined {
  const value = process.env[name]
  return value === undefined || value === '' ? undefined : value
}

/**
 * The server described by the `JMAP_CYRUS36_*` / `JMAP_CYRUS310_*` variables,
 * or why there is none.
 */
export function serverFromEnvironment(
  name: ServerName,
): { readonly server: TestServer } | { readonly unavailable: string } {
  const prefix = envPrefixes[name]
  const read = (key: string): string | undefined => readVariable(`${prefix}_${key}`)
  const sessionUrl = read('SESSION_URL')
  if (sessionUrl === undefined) {
    return {
      unavailable:
        readVariable(unavailableVariable(name)) ??
        `${prefix}_SESSION_URL is not set (is the integration global setup configured?)`,
    }
  }
  const missing: string[] = []
  const need = (key: string): string => {
    const value = read(key)
    if (value === undefined) missing.push(`${prefix}_${key}`)
    return value ?? ''
  }
  const server: TestServer = {
    name,
    version: need('VERSION'),
    sessionUrl,
    wellKnownUrl: new URL('/.well-known/jmap', sessionUrl).href,
    user: { username: need('USERNAME'), password: need('PASSWORD') },
    otherUser: { username: need('USERNAME2'), password: need('PASSWORD2') },
    smtpSinkDir: need('SMTP_SINK_DIR'),
    lmtpPort: Number(need('LMTP_PORT')),
    imapPort: Number(need('IMAP_PORT')),
  }
  if (missing.length > 0) return { unavailable: `missing ${missing.join(', ')}` }
  return { server }
}

// Stands in for an unavailable server while the skipped suite's tests are
// collected, so that they are counted (as skipped) instead of vanishing.
function placeholderServer(name: ServerName): TestServer {
  const sessionUrl = 'http://unavailable.invalid/jmap/'
  const user = { username: 'unavailable', password: 'unavailable' }
  return {
    name,
    version: '0.0.0',
    sessionUrl,
    wellKnownUrl: 'http://unavailable.invalid/.well-known/jmap',
    user,
    otherUser: user,
    smtpSinkDir: '/nonexistent',
    lmtpPort: 0,
    imapPort: 0,
  }
}

/**
 * `describe()` bound to one or more servers: one suite per server, titled
 * `[<server>] <title>`. A suite whose server is unavailable is skipped with
 * the reason in its title (under `CI=true` the global setup already failed
 * the run).
 * @example describeOnServer(['cyrus-3.6', 'cyrus-3.10'], 'Core/echo', (server) => { it(…) })
 */
export function describeOnServer(
  servers: ServerName | readonly ServerName[],
  title: string,
  body: (server: TestServer) => void,
): void {
  const names: readonly ServerName[] = typeof servers === 'string' ? [servers] : servers
  for (const name of serverNames.filter((n) => names.includes(n))) {
    const found = serverFromEnvironment(name)
    if ('server' in found) {
      describe(`${suiteTag(name)} ${title}`, () => body(found.server))
    } else {
      describe.skip(`${suiteTag(name)} ${title} (skipped: ${found.unavailable})`, () =>
        body(placeholderServer(name)))
    }
  }
}

/**
 * Delivers a raw RFC 5322 message to a user of the server over LMTP, as an
 * MTA would; it lands in that user's INBOX.
 * @example await deliverOverLmtp(server, server.user.username, 'From: a@example.com\r\nSubject: hi\r\n\r\nhello\r\n')
 */
export function deliverOverLmtp(
  server: TestServer,
  to: string,
  rawMessage: string,
  mailFrom?: string,
): Promise<void> {
  return deliverRawOverLmtp({ host: '127.0.0.1', port: server.lmtpPort }, to, rawMessage, mailFrom)
}
