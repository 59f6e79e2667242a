import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  blob,
  createClient,
  createConnection,
  type Id,
  isSetOperationError,
  withCyrusBlobDialect,
} from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { deliverOverLmtp, describeOnServer } from '../../../../scripts/integration/servers.js'
import { eventually, uniqueWord } from '../../../mail/test/integration/mail-client.js'
import {
  activateSieveScript,
  isInvalidSieveError,
  isSieveIsActiveError,
  readSieveScript,
  sieve,
  validateSieveScript,
  withCyrusSieveDialect,
  writeSieveScript,
} from '../../src/index.js'

// Cyrus 3.10 serves RFC 9661 under https://cyrusimap.org/ns/jmap/sieve and RFC 9404 under
// its blob URN; the application writes the standard ones. The scripts really filter: mail
// delivered over LMTP is filed, and the vacation reply reaches the SMTP sink.
describeOnServer('cyrus-3.10', 'Sieve (RFC 9661) through the Cyrus dialect', (server) => {
  const connection = withCyrusSieveDialect(
    withCyrusBlobDialect(
      createConnection({ sessionUrl: server.sessionUrl, auth: { basic: server.user } }),
    ),
  )
  const jmap = createClient({
    connection,
    capabilities: [sieve, blob, mail],
  })
  const accountId = server.user.username
  const written: Id[] = []
  const deliver = (subject: string, from: string) =>
    deliverOverLmtp(
      server,
      server.user.username,
      `From: ${from}\r\nTo: ${server.user.username}@localhost\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@typed-jmap.test>\r\nDate: ${new Date().toUTCString()}\r\n\r\nHello\r\n`,
      from,
    )
  const findEmail = (subject: string) =>
    eventually(async () => {
      const found = await jmap.request((b) => {
        const query = b.call('Email/query', { accountId, filter: { subject } })
        return b.call('Email/get', {
          accountId,
          ids: query.ref('/ids'),
          properties: ['mailboxIds'],
        })
      })
      return found.list[0]
    })

  beforeAll(async () => {
    // Cyrus caps the scripts a user may keep (sieve_maxscripts, 5): scripts an interrupted earlier
    // run left behind would make our writes fail with overQuota. Only this suite writes scripts.
    // Untyped calls: a leftover may carry a name-derived id that is no RFC 8620 Id.
    await activateSieveScript(jmap, { accountId, id: null })
    const using = ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:sieve']
    const found = await connection.send({
      using,
      methodCalls: [['SieveScript/get', { accountId, ids: null, properties: ['id'] }, 'g']],
    })
    const list = (found.methodResponses[0]?.[1].list ?? []) as ReadonlyArray<{ id: string }>
    if (list.length > 0) {
      await connection.send(
        {
          using,
          methodCalls: [
            ['SieveScript/set', { accountId, destroy: list.map((script) => script.id) }, 's'],
          ],
        },
        { checkIds: false },
      )
    }
  })

  afterAll(async () => {
    // Leave the shared user without an active script, and remove ours.
    await activateSieveScript(jmap, { accountId, id: null })
    await jmap.request((b) => b.call('SieveScript/set', { accountId, destroy: written }))
  })

  it('validates: null for good Sieve, invalidScript with the line for bad', async () => {
    expect(await validateSieveScript(jmap, { accountId, text: 'keep;\r\n' })).toBeNull()
    const error = await validateSieveScript(jmap, {
      accountId,
      text: 'keep;\r\nif true { bogus; }',
    })
    expect(isInvalidSieveError(error)).toBe(true)
    expect(error?.description).toMatch(/line 2/)
  })

  it('a filing rule files delivered mail into the mailbox it names', async () => {
    const word = uniqueWord('filed')
    const { folder } = await jmap.request((b) => ({
      folder: b.call('Mailbox/set', { accountId, create: { f: { name: word } } }),
    }))
    const folderId = folder.created?.f?.id ?? expect.fail('mailbox not created')
    const text = [
      'require ["fileinto", "mailboxid"];',
      `if header :contains "subject" "${word}" {`,
      `  fileinto :mailboxid "${folderId}" "INBOX";`,
      '}',
      '',
    ].join('\r\n')
    const script = await writeSieveScript(jmap, { accountId, name: word, text, activate: true })
    written.push(script.id)
    expect(script.isActive).toBe(true)
    expect(await readSieveScript(jmap, { accountId, active: true })).toMatchObject({
      id: script.id,
      name: word,
      text,
    })

    await deliver(`${word} invoice`, 'billing@example.test')
    await deliver(`other ${word.split('').reverse().join('')}`, 'friend@example.test')
    expect((await findEmail(`${word} invoice`)).mailboxIds).toEqual({ [folderId]: true })
    const inbox = await findEmail(`other ${word.split('').reverse().join('')}`)
    expect(Object.keys(inbox.mailboxIds)).not.toContain(folderId)
  })

  it('a vacation rule answers delivered mail through SMTP', async () => {
    const word = uniqueWord('vacation')
    const text = [
      'require ["vacation"];',
      `vacation :days 1 :addresses ["${server.user.username}@localhost"] :subject "Away ${word}" "Back next week.";`,
      '',
    ].join('\r\n')
    const script = await writeSieveScript(jmap, { accountId, name: word, text, activate: true })
    written.push(script.id)
    const sender = `${word}@example.test`
    await deliver(`question ${word}`, sender)
    await findEmail(`question ${word}`)
    const reply = await eventually(async () => {
      for (const file of (await readdir(server.smtpSinkDir)).filter((name) =>
        name.endsWith('.eml'),
      )) {
        const message = await readFile(join(server.smtpSinkDir, file), 'utf8')
        if (message.includes(`Away ${word}`)) return message
      }
      return undefined
    })
    expect(reply).toMatch(new RegExp(`^To: .*${sender}`, 'mi'))
    expect(reply).toContain('Back next week.')
  })

  it('refuses invalid Sieve and destroying the active script, as typed SetErrors', async () => {
    const refused = await writeSieveScript(jmap, {
      accountId,
      name: uniqueWord('bad'),
      text: 'if true {',
    }).catch((error: unknown) => error)
    expect(isSetOperationError(refused) && isInvalidSieveError(refused.setError)).toBe(true)
    const active = written.at(-1) ?? expect.fail('no script written')
    const destroy = await jmap.request((b) =>
      b.call('SieveScript/set', { accountId, destroy: [active] }),
    )
    expect(isSieveIsActiveError(destroy.notDestroyed?.[active])).toBe(true)
  })

  it('answers SieveScript/changes with unknownMethod (Cyrus 3.10 has no /changes)', async () => {
    const settled = await jmap.requestSettled((b) =>
      b.call('SieveScript/changes', { accountId, sinceState: '0' }),
    )
    expect(settled.ok ? 'ok' : settled.error.type).toBe('unknownMethod')
  })
})
