import { readdirSync, readFileSync } from 'node:fs'
import { createConnection, Id, UTCDate } from '@typed-jmap/core'
import { expect, it } from 'vitest'
import {
  describeOnServer,
  type TestServer,
  type TestUser,
} from '../../../../scripts/integration/servers.js'
import { type CalendarApi, createCalendarApi } from '../../src/calendar-api/calendar-api.js'
import { withCalendarDialect } from '../../src/calendar-api/calendar-dialect-connection.js'

function apiFor(server: TestServer, user: TestUser = server.user): CalendarApi {
  return createCalendarApi({ sessionUrl: server.sessionUrl, auth: { basic: user } })
}

function stamp(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
}

async function poll<T>(
  read: () => Promise<T | undefined> | T | undefined,
  what: string,
): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = await read()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describeOnServer('cyrus-3.10', 'JMAP Calendars protocol (standard URN)', (server) => {
  it('Calendar/set, get and changes: create, rename and destroy a calendar', async () => {
    const { client } = apiFor(server)
    const accountId = await client.connection.accountFor('urn:ietf:params:jmap:calendars')
    const before = await client.request((b) => b.call('Calendar/get', { accountId, ids: [] }))
    const name = `SDK calendar ${stamp()}`
    const created = await client.request((b) =>
      b.call('Calendar/set', { accountId, create: { cal: { name, color: '#3a87ad' } } }),
    )
    const id = created.created?.cal?.id
    expect(id).toEqual(expect.any(String))
    if (id === undefined) return
    try {
      const got = await client.request((b) =>
        b.call('Calendar/get', { accountId, ids: [id], properties: ['name', 'myRights'] }),
      )
      expect(got.list[0]?.name).toBe(name)
      expect(got.list[0]?.myRights.mayDelete).toBe(true)
      const renamed = await client.request((b) => {
        const set = b.call('Calendar/set', {
          accountId,
          update: { [id]: { name: `${name} (renamed)` } },
        })
        const changes = b.call('Calendar/changes', { accountId, sinceState: before.state })
        return { set, changes }
      })
      expect(renamed.set.updated).toHaveProperty(id)
      expect([...renamed.changes.created, ...renamed.changes.updated]).toContain(id)
    } finally {
      const destroyed = await client.request((b) =>
        b.call('Calendar/set', { accountId, destroy: [id], onDestroyRemoveEvents: true }),
      )
      expect(destroyed.destroyed).toEqual([id])
    }
  })

  it('CalendarEvent/get narrows to the requested properties and computes utcStart/utcEnd', async () => {
    const api = apiFor(server)
    const calendar = api.calendar('Default')
    const event = await calendar.addEvent({
      uid: `utc-${stamp()}@typed-jmap.test`,
      title: 'UTC check',
      start: '2031-07-01T10:00:00',
      timeZone: 'Europe/Berlin',
      duration: 'PT90M',
    })
    try {
      const accountId = await calendar.accountId()
      const got = await api.client.request((b) =>
        b.call('CalendarEvent/get', {
          accountId,
          ids: [event.id],
          properties: ['title', 'utcStart', 'utcEnd'],
        }),
      )
      const [narrowed] = got.list
      expect(narrowed?.utcStart).toBe('2031-07-01T08:00:00Z')
      expect(narrowed?.utcEnd).toBe('2031-07-01T09:30:00Z')
      expect(narrowed?.title).toBe('UTC check')
    } finally {
      await calendar.deleteEvent(event.id)
    }
  })

  it('CalendarEvent/set with sendSchedulingMessages sends an iMIP invitation to the SMTP sink', async () => {
    const api = apiFor(server)
    const calendar = api.calendar('Default')
    const seen = new Set(readdirSync(server.smtpSinkDir))
    const uid = `imip-${stamp()}@typed-jmap.test`
    const event = await calendar.addEvent(
      {
        uid,
        title: 'Invitation from the SDK',
        start: '2031-08-05T09:00:00',
        timeZone: 'Europe/Berlin',
        duration: 'PT1H',
        participants: {
          me: {
            '@type': 'Participant',
            name: 'Test User',
            calendarAddress: `mailto:${server.user.username}@localhost`,
            roles: { owner: true },
            participationStatus: 'accepted',
          },
          bob: {
            '@type': 'Participant',
            name: 'Bob',
            calendarAddress: 'mailto:bob@example.test',
            participationStatus: 'needs-action',
            expectReply: true,
          },
        },
      },
      { sendSchedulingMessages: true },
    )
    try {
      const message = await poll(() => {
        for (const file of readdirSync(server.smtpSinkDir)) {
          if (seen.has(file) || !file.endsWith('.eml')) continue
          const text = readFileSync(`${server.smtpSinkDir}/${file}`, 'utf8')
          if (text.includes(uid)) return text
        }
        return undefined
      }, 'the iMIP invitation')
      expect(message).toMatch(/^To: .*bob@example\.test/m)
      expect(message).toContain('METHOD:REQUEST')
      expect(message).toContain('SUMMARY:Invitation from the SDK')
    } finally {
      await calendar.deleteEvent(event.id)
    }
  })

  it('ParticipantIdentity, CalendarPreferences and Principal methods', async () => {
    const { client } = apiFor(server)
    const accountId = await client.connection.accountFor('urn:ietf:params:jmap:calendars')
    const principalsAccount = await client.connection.accountFor('urn:ietf:params:jmap:principals')
    const results = await client.request((b) => {
      const identities = b.call('ParticipantIdentity/get', { accountId })
      const preferences = b.call('CalendarPreferences/set', {
        accountId,
        update: { [Id('singleton')]: { defaultCalendarId: Id('Default') } },
      })
      const readBack = b.call('CalendarPreferences/get', { accountId })
      const principalQuery = b.call('Principal/query', { accountId: principalsAccount })
      const principal = b.call('Principal/get', {
        accountId: principalsAccount,
        ids: principalQuery.ref('/ids'),
        properties: ['name', 'email', 'type'],
      })
      return { identities, preferences, readBack, principalQuery, principal }
    })
    expect(results.identities.list[0]?.calendarAddress).toBe(
      `mailto:${server.user.username}@localhost`,
    )
    // Cyrus cannot calculate ParticipantIdentity changes from any state; anything else is a bug.
    const identityChanges = await client.requestSettled((b) =>
      b.call('ParticipantIdentity/changes', { accountId, sinceState: results.identities.state }),
    )
    if (!identityChanges.ok) expect(identityChanges.error.type).toBe('cannotCalculateChanges')
    expect(results.readBack.list[0]?.defaultCalendarId).toBe('Default')
    expect(results.principalQuery.ids).toContain(server.user.username)
    const me = results.principal.list.find((principal) => principal.id === server.user.username)
    expect(me?.type).toBe('individual')
    expect(me?.email).toBe(`${server.user.username}@localhost`)
  })

  it('Principal/getAvailability reports the busy time of an event', async () => {
    const api = apiFor(server)
    const calendar = api.calendar('Default')
    const event = await calendar.addEvent({
      uid: `busy-${stamp()}@typed-jmap.test`,
      title: 'Busy block',
      start: '2031-09-10T12:00:00',
      timeZone: 'Etc/UTC',
      duration: 'PT2H',
    })
    try {
      const busy = await api.availability(
        Id(server.user.username),
        UTCDate('2031-09-10T00:00:00Z'),
        UTCDate('2031-09-11T00:00:00Z'),
      )
      expect(busy).toContainEqual(
        expect.objectContaining({
          utcStart: '2031-09-10T12:00:00Z',
          utcEnd: '2031-09-10T14:00:00Z',
        }),
      )
    } finally {
      await calendar.deleteEvent(event.id)
    }
  })

  it('shares a calendar with the second user, who writes to it; the owner is notified', async () => {
    const owner = apiFor(server)
    const sharee = apiFor(server, server.otherUser)
    const ownerAccount = await owner.accountId()
    const { client } = owner
    const created = await client.request((b) =>
      b.call('Calendar/set', {
        accountId: ownerAccount,
        create: { cal: { name: `Shared ${stamp()}` } },
      }),
    )
    const calendarId = created.created?.cal?.id
    if (calendarId === undefined) throw new Error('calendar not created')
    try {
      const notificationsBefore = await owner.syncToken()
      await owner.calendar(calendarId).shareWith(Id(server.otherUser.username), {
        mayReadFreeBusy: true,
        mayReadItems: true,
        mayWriteAll: true,
        mayWriteOwn: true,
        mayUpdatePrivate: true,
        mayRSVP: true,
      })
      const [shared] = await owner
        .listCalendars()
        .then((list) => list.filter((c) => c.id === calendarId))
      expect(shared?.shareWith?.[server.otherUser.username]?.mayWriteAll).toBe(true)

      await sharee.client.connection.refreshSession()
      const reachable = await sharee.sharedCalendars()
      const fromOwner = reachable.find((entry) => entry.accountId === ownerAccount)
      expect(fromOwner?.calendars.map((calendar) => calendar.id)).toContain(calendarId)
      expect(fromOwner?.calendars.find((c) => c.id === calendarId)?.myRights.mayShare).toBe(false)

      const written = await sharee.calendar(calendarId, { accountId: ownerAccount }).addEvent({
        title: 'Written by the sharee',
        start: '2031-10-01T09:00:00',
        duration: 'PT30M',
      })

      // The sharee copies the event into a calendar of their own account.
      const shareeAccount = await sharee.accountId()
      const copy = await sharee.client.request((b) =>
        b.call('CalendarEvent/copy', {
          fromAccountId: ownerAccount,
          accountId: shareeAccount,
          create: { copy: { id: written.id, calendarIds: { Default: true } } },
        }),
      )
      const copiedId = copy.created?.copy?.id
      expect(copy.notCreated).toBeNull()
      expect(copiedId).toEqual(expect.any(String))
      if (copiedId !== undefined) {
        const [copied] = await sharee.calendar('Default').events([copiedId])
        expect(copied?.title).toBe('Written by the sharee')
        await sharee.calendar('Default').deleteEvent(copiedId)
      }

      const notifications = await poll(async () => {
        const list = await owner.notifications()
        return list.some((n) => n.calendarEventId === written.id) ? list : undefined
      }, 'a CalendarEventNotification')
      const notification = notifications.find((n) => n.calendarEventId === written.id)
      expect(notification).toMatchObject({
        type: 'created',
        changedBy: { principalId: server.otherUser.username },
        event: { title: 'Written by the sharee' },
      })

      const accountId = ownerAccount
      const follow = await client.request((b) => {
        const changes = b.call('CalendarEventNotification/changes', {
          accountId,
          sinceState: notificationsBefore,
        })
        const query = b.call('CalendarEventNotification/query', {
          accountId,
          filter: { type: 'created' },
        })
        return { changes, query }
      })
      expect(follow.query.ids).toContain(notification?.id)
      if (notification !== undefined) {
        await owner.dismissNotifications([notification.id])
        const after = await owner.notifications()
        expect(after.map((n) => n.id)).not.toContain(notification.id)
      }

      const shareNotifications = await sharee.shareNotifications()
      expect(shareNotifications.map((n) => n.objectId)).toContain(calendarId)
      const forCalendar = shareNotifications.find((n) => n.objectId === calendarId)
      expect(forCalendar?.objectType).toBe('Calendar')
      expect(forCalendar?.newRights?.mayReadItems).toBe(true)
    } finally {
      await client.request((b) =>
        b.call('Calendar/set', {
          accountId: ownerAccount,
          destroy: [calendarId],
          onDestroyRemoveEvents: true,
        }),
      )
    }
  })

  it('pushes CalendarEvent state changes over EventSource', async () => {
    const connection = withCalendarDialect(
      createConnection({ sessionUrl: server.sessionUrl, auth: { basic: server.user } }),
    )
    const api = createCalendarApi({
      sessionUrl: server.sessionUrl,
      auth: { basic: server.user },
      connection,
    })
    const accountId = await api.accountId()
    const events = connection.events({ types: ['CalendarEvent'], ping: 5 })
    const next = events[Symbol.asyncIterator]().next()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const event = await api
      .calendar('Default')
      .addEvent({ title: 'Pushed', start: '2031-11-01T09:00:00' })
    try {
      const change = await next
      expect(change.done).toBe(false)
      expect(change.value?.changed[accountId]?.CalendarEvent).toEqual(expect.any(String))
    } finally {
      events.close()
      await api.calendar('Default').deleteEvent(event.id)
    }
  })
})
