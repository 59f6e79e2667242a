// Covers on Cyrus 3.10: Principal/set, Principal/changes, Principal/query,
// Principal/queryChanges, ShareNotification/query, ShareNotification/queryChanges,
// ShareNotification/get, all through the typed client with the `principals` table.
import { createClient, Id } from '@typed-jmap/core'
import { expect, it } from 'vitest'
import {
  describeOnServer,
  type TestServer,
  type TestUser,
} from '../../../../scripts/integration/servers.js'
import { createCalendarApi } from '../../src/calendar-api/calendar-api.js'
import { principals } from '../../src/capabilities/principals-registry.js'

function principalsClient(server: TestServer, user: TestUser = server.user) {
  return createClient({
    sessionUrl: server.sessionUrl,
    auth: { basic: user },
    capabilities: [principals],
  })
}

function stamp(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
}

describeOnServer('cyrus-3.10', 'JMAP Principals protocol (RFC 9670)', (server) => {
  it('Principal/set changes the own timeZone and refuses what the user may not change', async () => {
    const client = principalsClient(server)
    const accountId = await client.connection.accountFor('urn:ietf:params:jmap:principals')
    const me = Id(server.user.username)
    const before = await client.request((b) =>
      b.call('Principal/get', { accountId, ids: [me], properties: ['timeZone'] }),
    )
    // Cyrus ignores `timeZone: null` (neither updated nor notUpdated), so each run flips the
    // zone between two values instead of restoring the original null.
    const timeZone =
      before.list[0]?.timeZone === 'Europe/Berlin' ? 'America/New_York' : 'Europe/Berlin'
    const results = await client.request((b) => {
      const set = b.call('Principal/set', { accountId, update: { [me]: { timeZone } } })
      const readBack = b.call('Principal/get', { accountId, ids: [me], properties: ['timeZone'] })
      return { set, readBack }
    })
    expect(results.set.updated).toHaveProperty(me)
    expect(results.set.notUpdated).toBeNull()
    expect(results.set.newState).not.toBe(results.set.oldState)
    expect(results.readBack.list[0]?.timeZone).toBe(timeZone)
    expect(results.readBack.state).not.toBe(before.state)

    // Cyrus lets a user change only timeZone: name and description come back as
    // invalidProperties, another user's Principal as forbidden, destroy as forbidden.
    const other = Id(server.otherUser.username)
    const refused = await client.request((b) =>
      b.call('Principal/set', {
        accountId,
        update: {
          [me]: { name: `Renamed ${stamp()}`, description: 'not allowed' },
          [other]: { timeZone: 'Europe/Berlin' },
        },
        destroy: [me],
      }),
    )
    expect(refused.updated).toBeNull()
    expect(refused.notUpdated?.[me]).toEqual({
      type: 'invalidProperties',
      properties: expect.arrayContaining(['name', 'description']),
    })
    expect(refused.notUpdated?.[other]?.type).toBe('forbidden')
    expect(refused.notDestroyed?.[me]?.type).toBe('forbidden')

    // Cyrus 3.10 keeps no Principal change log: Principal/changes answers
    // cannotCalculateChanges ("invalid sinceState") even for the state Principal/get just gave.
    const changes = await client.requestSettled((b) =>
      b.call('Principal/changes', { accountId, sinceState: before.state }),
    )
    if (changes.ok) {
      expect(changes.response.updated).toContain(me)
    } else {
      expect(changes.error.type).toBe('cannotCalculateChanges')
    }
  })

  it('Principal/query finds the user; Principal/queryChanges from its queryState', async () => {
    const client = principalsClient(server)
    const accountId = await client.connection.accountFor('urn:ietf:params:jmap:principals')
    const query = await client.request((b) =>
      b.call('Principal/query', { accountId, filter: { type: 'individual' } }),
    )
    expect(query.ids).toContain(server.user.username)
    // Cyrus 3.10 sorts Principals by `id` only; `name`, `email` and `type` are unsupportedSort.
    const sorted = await client.requestSettled((b) => {
      const byId = b.call('Principal/query', { accountId, sort: [{ property: 'id' }] })
      const byName = b.call('Principal/query', { accountId, sort: [{ property: 'name' }] })
      return { byId, byName }
    })
    const byId = sorted.byId.ok ? sorted.byId.response.ids : sorted.byId.error.type
    expect(byId).toEqual(expect.arrayContaining([server.user.username]))
    expect(byId).toEqual([...byId].sort())
    expect(sorted.byName.ok ? 'sorted' : sorted.byName.error.type).toBe('unsupportedSort')

    const queryChanges = await client.requestSettled((b) =>
      b.call('Principal/queryChanges', {
        accountId,
        filter: { type: 'individual' },
        sinceQueryState: query.queryState,
      }),
    )
    // Cyrus says canCalculateChanges: false and keeps its word.
    expect(query.canCalculateChanges).toBe(false)
    expect(queryChanges.ok ? 'calculated' : queryChanges.error.type).toBe('cannotCalculateChanges')
  })

  it('ShareNotification/query lists a share from the other user, sorted by created', async () => {
    const client = principalsClient(server)
    const accountId = await client.connection.accountFor('urn:ietf:params:jmap:principals')
    const sharer = createCalendarApi({
      sessionUrl: server.sessionUrl,
      auth: { basic: server.otherUser },
    })
    const sharerAccount = Id(await sharer.accountId())
    const created = await sharer.client.request((b) =>
      b.call('Calendar/set', {
        accountId: sharerAccount,
        create: { cal: { name: `Shared with test ${stamp()}` } },
      }),
    )
    const calendarId = created.created?.cal?.id
    if (calendarId === undefined) throw new Error('calendar not created')
    try {
      await sharer.calendar(calendarId).shareWith(Id(server.user.username), {
        mayReadFreeBusy: true,
        mayReadItems: true,
      })
      const results = await client.request((b) => {
        const ascending = b.call('ShareNotification/query', {
          accountId,
          filter: { objectType: 'Calendar', objectAccountId: sharerAccount },
          sort: [{ property: 'created', isAscending: true }],
        })
        const descending = b.call('ShareNotification/query', {
          accountId,
          filter: { objectType: 'Calendar', objectAccountId: sharerAccount },
          sort: [{ property: 'created', isAscending: false }],
        })
        const notifications = b.call('ShareNotification/get', {
          accountId,
          ids: ascending.ref('/ids'),
        })
        return { ascending, descending, notifications }
      })
      const { ascending, descending, notifications } = results
      const forCalendar = notifications.list.find((n) => n.objectId === calendarId)
      expect(forCalendar).toMatchObject({
        objectType: 'Calendar',
        objectAccountId: sharerAccount,
        changedBy: { principalId: server.otherUser.username },
        newRights: { mayReadItems: true },
      })
      expect(ascending.ids).toContain(forCalendar?.id)
      expect(ascending.total).toBe(ascending.ids.length)
      // `get` returns the list in the order of the ids asked for, i.e. the query order.
      const createdTimes = notifications.list.map((n) => n.created)
      expect(createdTimes).toEqual([...createdTimes].sort())
      expect(descending.ids).toEqual([...ascending.ids].reverse())

      // RFC 9670: `after` is inclusive, `before` exclusive.
      const created = forCalendar?.created ?? null
      const bounded = await client.request((b) => {
        const after = b.call('ShareNotification/query', { accountId, filter: { after: created } })
        const before = b.call('ShareNotification/query', {
          accountId,
          filter: { before: created },
        })
        return { after, before }
      })
      expect(bounded.after.ids).toContain(forCalendar?.id)
      expect(bounded.before.ids).not.toContain(forCalendar?.id)

      const queryChanges = await client.requestSettled((b) =>
        b.call('ShareNotification/queryChanges', {
          accountId,
          filter: { objectType: 'Calendar', objectAccountId: sharerAccount },
          sort: [{ property: 'created', isAscending: true }],
          sinceQueryState: ascending.queryState,
        }),
      )
      // Cyrus 3.10 answers canCalculateChanges: false and then cannotCalculateChanges.
      if (queryChanges.ok) {
        expect(queryChanges.response.oldQueryState).toBe(ascending.queryState)
      } else {
        expect(ascending.canCalculateChanges).toBe(false)
        expect(queryChanges.error.type).toBe('cannotCalculateChanges')
      }
    } finally {
      await sharer.client.request((b) =>
        b.call('Calendar/set', {
          accountId: sharerAccount,
          destroy: [calendarId],
          onDestroyRemoveEvents: true,
        }),
      )
    }
  })
})
