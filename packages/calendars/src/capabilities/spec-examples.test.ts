import type { MethodRuntime } from '@typed-jmap/core'
import { validateWithSchema } from '@typed-jmap/core/internal'
import { describe, expect, it } from 'vitest'
import { calendarsParse } from './calendars-parse-registry.js'
import { calendars } from './calendars-registry.js'
import { principals } from './principals-registry.js'

// Methods no server here implements (CalendarEvent/queryChanges, ShareNotification/*, the
// standard array shape of CalendarEvent/parse) are checked against the specs' examples.

function parse(runtime: MethodRuntime, args: Record<string, unknown>, response: unknown): unknown {
  const schema = typeof runtime.response === 'function' ? runtime.response(args) : runtime.response
  const result = validateWithSchema(schema, response)
  if (!result.ok) throw new Error(`at ${result.path}: ${result.message}`)
  return result.value
}

describe('responses as the specifications show them', () => {
  it('Principal/get (RFC 9670 §5 example, the complete principal)', () => {
    const response = parse(
      principals.methods['Principal/get'],
      { accountId: 'u33084183', ids: null },
      {
        accountId: 'u33084183',
        state: '7b8eff5zz',
        list: [
          {
            id: 'P2342fnddd20',
            type: 'individual',
            name: 'Joe Bloggs',
            description: null,
            email: 'joe.bloggs@example.com',
            timeZone: 'Australia/Melbourne',
            capabilities: { 'urn:com.example:jmap:todo': { accountId: null, mayShareWith: true } },
            accounts: null,
          },
        ],
        notFound: [],
      },
    ) as { list: { name: string }[] }
    expect(response.list[0]?.name).toBe('Joe Bloggs')
  })

  it('ShareNotification/get (RFC 9670 §4)', () => {
    const notification = {
      id: 'sn1',
      created: '2026-11-21T22:59:12Z',
      changedBy: { name: 'Jane Doe', email: 'jane@example.com', principalId: 'P105aga511jaa' },
      objectType: 'Calendar',
      objectAccountId: 'u12345678',
      objectId: 'tl01n231',
      oldRights: null,
      newRights: { mayReadItems: true, mayWriteAll: false },
      name: 'Team calendar',
    }
    const runtime = principals.methods['ShareNotification/get']
    expect(
      parse(
        runtime,
        { accountId: 'u33084183' },
        { accountId: 'u33084183', state: 's1', list: [notification], notFound: [] },
      ),
    ).toMatchObject({ list: [notification] })
    expect(() =>
      parse(
        runtime,
        { accountId: 'u33084183' },
        {
          accountId: 'u33084183',
          state: 's1',
          list: [{ ...notification, created: 'yesterday' }],
          notFound: [],
        },
      ),
    ).toThrow()
  })

  it('CalendarEvent/queryChanges (RFC 8620 §5.6 shape; Cyrus does not implement it)', () => {
    const response = parse(
      calendars.methods['CalendarEvent/queryChanges'],
      { accountId: 'a0x9', sinceQueryState: '~206' },
      {
        accountId: 'a0x9',
        oldQueryState: '~206',
        newQueryState: '~207',
        total: 3,
        removed: ['E-07a2b89d'],
        added: [{ id: 'E-01c9626e', index: 0 }],
      },
    )
    expect(response).toMatchObject({ added: [{ id: 'E-01c9626e', index: 0 }] })
  })

  it('CalendarEvent/parse maps each blob to an array of events (draft §5.13)', () => {
    const response = parse(
      calendarsParse.methods['CalendarEvent/parse'],
      { accountId: 'a0x9', blobIds: ['B1'] },
      {
        accountId: 'a0x9',
        parsed: {
          B1: [
            { '@type': 'Event', uid: 'u1', title: 'First', start: '2023-02-03T19:00:00' },
            { '@type': 'Event', uid: 'u2', title: 'Second', start: '2023-02-04T19:00:00' },
          ],
        },
        notFound: null,
        notParsable: ['B2'],
      },
    ) as { parsed: Record<string, unknown[]> }
    expect(response.parsed.B1).toHaveLength(2)
  })

  it('ParticipantIdentity/get (draft §10.1 example)', () => {
    const response = parse(
      calendars.methods['ParticipantIdentity/get'],
      { accountId: 'a0x9' },
      {
        accountId: 'a0x9',
        list: [
          {
            id: '3',
            name: 'Jane Doe',
            calendarAddress: 'mailto:jane@example.com',
            isDefault: true,
          },
        ],
        notFound: [],
        state: 'lgkf:98144:aae',
      },
    )
    expect(response).toMatchObject({ list: [{ isDefault: true }] })
  })
})
