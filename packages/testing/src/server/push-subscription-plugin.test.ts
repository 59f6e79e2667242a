import { describe, expect, it } from 'vitest'
import { callError, callOne, createdId } from '../../test/support/jmap-call.js'
import { createTestServer } from './create-test-server.js'

function recordingServer(): {
  server: ReturnType<typeof createTestServer>
  posts: Array<{ url: string; body: Record<string, unknown> }>
} {
  const posts: Array<{ url: string; body: Record<string, unknown> }> = []
  const server = createTestServer({
    now: () => new Date('2026-01-01T00:00:00Z'),
    pushFetch: async (url, init) => {
      posts.push({ url, body: JSON.parse(String(init.body)) })
    },
  })
  return { server, posts }
}

describe('PushSubscription (RFC 8620 §7.2)', () => {
  it('verifies, then POSTs StateChanges for the subscribed types only', async () => {
    const { server, posts } = recordingServer()
    const created = await callOne(server, [
      'PushSubscription/set',
      {
        create: {
          k: {
            deviceClientId: 'phone',
            url: 'https://push.example/p1',
            types: ['Mailbox'],
            expires: '2030-01-01T00:00:00Z',
          },
        },
      },
      's',
    ])
    const id = createdId(created, 'k')
    // The server clamps expires to at most 7 days.
    expect(created.created).toEqual({ k: { id, expires: '2026-01-08T00:00:00Z' } })
    expect(posts).toEqual([
      {
        url: 'https://push.example/p1',
        body: {
          '@type': 'PushVerification',
          pushSubscriptionId: id,
          verificationCode: expect.any(String),
        },
      },
    ])
    server.seed.mailbox({ name: 'Before verification' })
    expect(posts).toHaveLength(1)

    const wrong = await callOne(server, [
      'PushSubscription/set',
      { update: { [id]: { verificationCode: 'nope' } } },
      's',
    ])
    expect(wrong.notUpdated).toEqual({
      [id]: expect.objectContaining({
        type: 'invalidProperties',
        properties: ['verificationCode'],
      }),
    })
    const code = posts[0]?.body.verificationCode
    expect(
      (
        await callOne(server, [
          'PushSubscription/set',
          { update: { [id]: { verificationCode: code } } },
          's',
        ])
      ).updated,
    ).toEqual({ [id]: null })

    server.seed.calendar({ name: 'not subscribed' })
    server.seed.mailbox({ name: 'After verification' })
    expect(posts.slice(1)).toEqual([
      {
        url: 'https://push.example/p1',
        body: { '@type': 'StateChange', changed: { u1: { Mailbox: expect.any(String) } } },
      },
    ])
  })

  it('never returns url or keys, and asking for them is forbidden', async () => {
    const { server } = recordingServer()
    const id = createdId(
      await callOne(server, [
        'PushSubscription/set',
        { create: { k: { deviceClientId: 'd', url: 'https://push.example/x' } } },
        's',
      ]),
      'k',
    )
    expect((await callOne(server, ['PushSubscription/get', { ids: null }, 'g'])).list).toEqual([
      {
        id,
        deviceClientId: 'd',
        verificationCode: null,
        expires: '2026-01-08T00:00:00Z',
        types: null,
      },
    ])
    expect(
      await callError(server, ['PushSubscription/get', { ids: null, properties: ['url'] }, 'g']),
    ).toMatchObject({ type: 'forbidden' })
  })

  it('rejects a non-https url, a verificationCode on create, keys, and url changes; destroys', async () => {
    const { server } = recordingServer()
    const result = await callOne(server, [
      'PushSubscription/set',
      {
        create: {
          a: { deviceClientId: 'd', url: 'http://push.example/x' },
          b: { deviceClientId: 'd', url: 'https://push.example/x', verificationCode: 'x' },
          c: {
            deviceClientId: 'd',
            url: 'https://push.example/x',
            keys: { p256dh: 'a', auth: 'b' },
          },
          d: { deviceClientId: 'd', url: 'https://push.example/x' },
        },
      },
      's',
    ])
    expect(result.notCreated).toEqual({
      a: expect.objectContaining({ properties: ['url'] }),
      b: expect.objectContaining({ properties: ['verificationCode'] }),
      c: expect.objectContaining({ properties: ['keys'] }),
    })
    const id = createdId(result, 'd')
    const update = await callOne(server, [
      'PushSubscription/set',
      { update: { [id]: { url: 'https://elsewhere.example/' } }, destroy: [id, 'Pnope'] },
      's',
    ])
    expect(update.notUpdated).toEqual({
      [id]: expect.objectContaining({ type: 'invalidProperties', properties: ['url'] }),
    })
    expect(update).toMatchObject({ destroyed: [id], notDestroyed: { Pnope: { type: 'notFound' } } })
  })
})
