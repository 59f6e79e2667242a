import { beforeEach, describe, expect, it } from 'vitest'
import { callOne } from '../../test/support/jmap-call.js'
import { createTestServer, type TestServer } from '../server/create-test-server.js'

let server: TestServer
let inbox: string

beforeEach(() => {
  server = createTestServer()
  inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
})

describe('Quota (RFC 9425)', () => {
  it('serves a mail storage quota whose used counts the octets of the Emails', async () => {
    const get = async () =>
      (await callOne(server, ['Quota/get', { accountId: 'u1', ids: null }, 'g'])).list
    expect(await get()).toEqual([
      expect.objectContaining({
        resourceType: 'octets',
        scope: 'account',
        used: 0,
        types: ['Email'],
      }),
    ])
    server.seed.email({ mailboxIds: [inbox], subject: 'Hello', text: 'Some words' })
    const [quota] = (await get()) as Array<{ used: number; hardLimit: number }>
    expect(quota?.used).toBeGreaterThan(100)
    expect(quota?.hardLimit).toBe(1024 ** 3)
  })

  it('queries by type, resourceType and name, and sorts by used', async () => {
    const count = server.seed.record('Quota', {
      name: 'Mail count',
      resourceType: 'count',
      hardLimit: 10,
      types: ['Email'],
    })
    server.seed.email({ mailboxIds: [inbox], subject: 'one' })
    const query = (filter: Record<string, unknown>) =>
      callOne(server, [
        'Quota/query',
        { accountId: 'u1', filter, sort: [{ property: 'used', isAscending: true }] },
        'q',
      ])
    expect((await query({ resourceType: 'count' })).ids).toEqual([count])
    expect((await query({ name: 'count', type: 'Email' })).ids).toEqual([count])
    expect((await query({ type: 'CalendarEvent' })).ids).toEqual([])
    expect(((await query({})).ids as string[])[0]).toBe(count)
  })

  it('has no Quota/set (quota administration is out of scope) and refuses a bad seed', async () => {
    const result = await callOne(
      server,
      ['Quota/set', { accountId: 'u1', create: { q: { name: 'x' } } }, 's'],
      'error',
    )
    expect(result.type).toBe('unknownMethod')
    expect(() => server.seed.record('Quota', { name: 'x', resourceType: 'pages' })).toThrow(
      /resourceType/,
    )
  })
})
