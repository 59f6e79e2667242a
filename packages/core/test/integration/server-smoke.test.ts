import { readdirSync } from 'node:fs'
import { expect, it } from 'vitest'
import {
  deliverOverLmtp,
  describeOnServer,
  type TestServer,
  type TestUser,
} from '../../../../scripts/integration/servers.js'

// Proves the integration harness itself with plain fetch: the servers answer,
// both users exist, credentials are checked, LMTP delivery reaches the INBOX.

function basicAuth(user: TestUser): string {
  return `Basic ${btoa(`${user.username}:${user.password}`)}`
}

interface JmapApiResponse {
  readonly methodResponses: ReadonlyArray<readonly [string, Record<string, unknown>, string]>
}

async function callApi(
  server: TestServer,
  methodCalls: ReadonlyArray<readonly [string, Record<string, unknown>, string]>,
  using: readonly string[] = ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail'],
): Promise<JmapApiResponse> {
  const response = await fetch(server.sessionUrl, {
    method: 'POST',
    headers: { authorization: basicAuth(server.user), 'content-type': 'application/json' },
    body: JSON.stringify({ using, methodCalls }),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as JmapApiResponse
}

async function fetchSession(server: TestServer, user: TestUser): Promise<Record<string, unknown>> {
  const response = await fetch(server.sessionUrl, { headers: { authorization: basicAuth(user) } })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return (await response.json()) as Record<string, unknown>
}

describeOnServer(['cyrus-3.6', 'cyrus-3.10'], 'server smoke', (server) => {
  it('redirects /.well-known/jmap to the session resource', async () => {
    const response = await fetch(server.wellKnownUrl, {
      headers: { authorization: basicAuth(server.user) },
      redirect: 'manual',
    })
    expect([301, 302, 307, 308]).toContain(response.status)
    const location = response.headers.get('location')
    expect(location).not.toBeNull()
    // Cyrus answers an absolute URL without the trailing slash of the session URL.
    const target = new URL(location ?? '', server.wellKnownUrl)
    expect(target.pathname.replace(/\/$/, '')).toBe(
      new URL(server.sessionUrl).pathname.replace(/\/$/, ''),
    )
    const followed = await fetch(target, { headers: { authorization: basicAuth(server.user) } })
    expect(followed.status).toBe(200)
    expect(((await followed.json()) as { username?: unknown }).username).toBe(server.user.username)
  })

  it('serves a session with the capabilities the tests rely on', async () => {
    const session = (await fetchSession(server, server.user)) as {
      capabilities: Record<string, unknown>
      accounts: Record<string, { isPersonal?: boolean }>
      primaryAccounts: Record<string, string>
      username: string
      apiUrl: string
    }
    const capabilities = Object.keys(session.capabilities)
    expect(capabilities).toEqual(
      expect.arrayContaining([
        'urn:ietf:params:jmap:core',
        'urn:ietf:params:jmap:mail',
        // only advertised when the SMTP sink answers
        'urn:ietf:params:jmap:submission',
        'urn:ietf:params:jmap:vacationresponse',
      ]),
    )
    if (server.name === 'cyrus-3.10') {
      expect(capabilities).toEqual(
        expect.arrayContaining([
          'urn:ietf:params:jmap:calendars',
          'urn:ietf:params:jmap:principals',
        ]),
      )
    } else {
      expect(capabilities).toContain('https://cyrusimap.org/ns/jmap/calendars')
      expect(capabilities).not.toContain('urn:ietf:params:jmap:calendars')
    }
    expect(session.username).toBe(server.user.username)
    const mailAccount = session.primaryAccounts['urn:ietf:params:jmap:mail']
    expect(mailAccount).toBeDefined()
    expect(session.accounts[mailAccount ?? '']?.isPersonal).toBe(true)
    expect(session.apiUrl).toMatch(/\/jmap\/$/)
  })

  it('knows the second user', async () => {
    const session = (await fetchSession(server, server.otherUser)) as { username: string }
    expect(session.username).toBe(server.otherUser.username)
    expect(server.otherUser.username).not.toBe(server.user.username)
  })

  it('echoes Core/echo arguments unchanged', async () => {
    const args = { hello: 'world', n: [1, 2, 3], nested: { ok: true } }
    const body = await callApi(server, [['Core/echo', args, 'c0']], ['urn:ietf:params:jmap:core'])
    expect(body.methodResponses).toEqual([['Core/echo', args, 'c0']])
  })

  it('answers 401 to a wrong password and to no credentials', async () => {
    const wrong = await fetch(server.sessionUrl, {
      headers: { authorization: basicAuth({ ...server.user, password: 'wrong-password' }) },
    })
    expect(wrong.status).toBe(401)
    await wrong.arrayBuffer()
    const anonymous = await fetch(server.sessionUrl)
    expect(anonymous.status).toBe(401)
    await anonymous.arrayBuffer()
  })

  it('delivers mail over LMTP into the INBOX', async () => {
    const subject = `smoke ${server.name} ${Date.now()}`
    await deliverOverLmtp(
      server,
      server.user.username,
      `From: sender@example.com\r\nTo: ${server.user.username}@localhost\r\nSubject: ${subject}\r\n` +
        `Message-ID: <${Date.now()}.smoke@example.com>\r\n\r\n.leading dot survives\r\n`,
    )
    const account = server.user.username
    const body = await callApi(server, [
      [
        'Email/query',
        { accountId: account, sort: [{ property: 'receivedAt', isAscending: false }], limit: 5 },
        'q',
      ],
      [
        'Email/get',
        {
          accountId: account,
          '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
          properties: ['subject'],
        },
        'g',
      ],
    ])
    const list = (body.methodResponses[1]?.[1].list ?? []) as ReadonlyArray<{ subject: string }>
    expect(list.map((email) => email.subject)).toContain(subject)
  })

  it('has an SMTP sink folder', () => {
    expect(() => readdirSync(server.smtpSinkDir)).not.toThrow()
  })
})
