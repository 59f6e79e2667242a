import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTestServer, type TestServer } from '@typed-jmap/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../client/create-client.js'
import { isSetOperationError } from '../errors/set-operation-error.js'
import { UTCDate } from '../primitives/utc-date.js'
import { createPushInbox, type PushInbox, PushVerificationTimeoutError } from './push-inbox.js'
import type { StateChange } from './state-change.js'
import { pushRenewalDue, renewPushSubscription, subscribeToPush } from './subscribe-to-push.js'

/** A real HTTP endpoint on loopback that feeds every POSTed body to `onBody`. */
async function callbackEndpoint(onBody: (body: unknown) => void): Promise<{
  url: string
  close: () => Promise<void>
}> {
  const server: Server = createServer((request, response) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      text += chunk
    })
    request.on('end', () => {
      onBody(JSON.parse(text))
      response.writeHead(201).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/push`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function setup(feed: (inbox: PushInbox, body: unknown) => void = (i, b) => i.receive(b)) {
  const server: TestServer = createTestServer()
  const listening = await server.listen()
  const inbox = createPushInbox()
  const received: unknown[] = []
  const endpoint = await callbackEndpoint((body) => {
    received.push(body)
    feed(inbox, body)
  })
  cleanups.push(endpoint.close, () => server.close())
  const jmap = createClient({ sessionUrl: listening.sessionUrl })
  const subscriptions = async () =>
    (await jmap.request((b) => b.call('PushSubscription/get', { ids: null }))).list
  return { server, jmap, inbox, endpoint, received, subscriptions }
}

describe('subscribeToPush against the in-memory server, callback on loopback', () => {
  it('creates, verifies through the callback, then receives StateChanges for the asked types', async () => {
    const { server, jmap, inbox, endpoint, received, subscriptions } = await setup()
    const subscription = await subscribeToPush(jmap, inbox, {
      deviceClientId: 'backend-1',
      url: endpoint.url,
      types: ['Mailbox'],
      verificationTimeoutMs: 5_000,
    })
    expect(received).toEqual([
      {
        '@type': 'PushVerification',
        pushSubscriptionId: subscription.id,
        verificationCode: expect.any(String),
      },
    ])
    // The server capped the lifetime (7 days) and said so.
    expect(subscription.expires).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const [stored] = await subscriptions()
    expect(stored).toMatchObject({
      id: subscription.id,
      deviceClientId: 'backend-1',
      verificationCode: (received[0] as { verificationCode: string }).verificationCode,
      types: ['Mailbox'],
    })

    const changes = inbox
      .stateChanges({ signal: AbortSignal.timeout(5_000) })
      [Symbol.asyncIterator]()
    server.seed.mailbox({ name: 'Pushed' })
    const first = await changes.next()
    expect(first.done).toBe(false)
    expect(first.value).toMatchObject({ '@type': 'StateChange' })
    const change: StateChange | undefined = first.value
    const changed = Object.values(change?.changed ?? {})
    expect(changed.flatMap((types) => Object.keys(types))).toEqual(['Mailbox'])
    await changes.return?.()
  })

  it('destroys the subscription and throws when no verification arrives in time', async () => {
    // The endpoint receives the POST but never hands it to the inbox.
    const { jmap, inbox, endpoint, received, subscriptions } = await setup(() => undefined)
    const attempt = subscribeToPush(jmap, inbox, {
      deviceClientId: 'lost',
      url: endpoint.url,
      verificationTimeoutMs: 200,
    })
    await expect(attempt).rejects.toBeInstanceOf(PushVerificationTimeoutError)
    expect(received).toHaveLength(1)
    expect(await subscriptions()).toEqual([])
  })

  it('destroys the subscription when the server refuses the code', async () => {
    const { jmap, endpoint, subscriptions } = await setup()
    const lying: Pick<PushInbox, 'verification'> = {
      verification: async (id) => ({
        '@type': 'PushVerification',
        pushSubscriptionId: id,
        verificationCode: 'guessed',
      }),
    }
    const error = await subscribeToPush(jmap, lying, {
      deviceClientId: 'd',
      url: endpoint.url,
    }).catch((caught: unknown) => caught)
    expect(isSetOperationError(error) && error.setError).toMatchObject({
      type: 'invalidProperties',
      properties: ['verificationCode'],
    })
    expect(await subscriptions()).toEqual([])
  })

  it('surfaces a refused creation (encrypted push the server cannot do) as a SetOperationError', async () => {
    const { jmap, inbox, endpoint, received } = await setup()
    const error = await subscribeToPush(jmap, inbox, {
      deviceClientId: 'browser',
      url: endpoint.url,
      keys: {
        p256dh: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcx',
        auth: 'BTBZMqHH6r4Tts7J_aSIgg',
      },
    }).catch((caught: unknown) => caught)
    expect(isSetOperationError(error) && [error.operation, error.setError.type]).toEqual([
      'create',
      'invalidProperties',
    ])
    expect(received).toEqual([])
  })

  it('renews: the server keeps at most its own limit, and renewal needs no new verification', async () => {
    const { jmap, inbox, endpoint, received } = await setup()
    const subscription = await subscribeToPush(jmap, inbox, {
      deviceClientId: 'd',
      url: endpoint.url,
      expires: UTCDate(new Date(Date.now() + 3_600_000)),
    })
    expect(pushRenewalDue(subscription.expires)).toBe(true)
    const asked = UTCDate(new Date(Date.now() + 30 * 86_400_000))
    const kept = await renewPushSubscription(jmap, subscription.id, asked)
    expect(kept).not.toBeNull()
    expect(Date.parse(kept ?? '')).toBeLessThan(Date.parse(asked))
    expect(Date.parse(kept ?? '')).toBeGreaterThan(Date.now() + 6 * 86_400_000)
    expect(pushRenewalDue(kept)).toBe(false)
    expect(received).toHaveLength(1)
  })
})

describe('createPushInbox', () => {
  it('keeps a verification that arrives before anyone waits for it', async () => {
    const inbox = createPushInbox()
    const body = { '@type': 'PushVerification', pushSubscriptionId: 'P1', verificationCode: 'c' }
    expect(inbox.receive(body).kind).toBe('verification')
    await expect(inbox.verification('P1')).resolves.toEqual(body)
  })

  it('answers a malformed body with a problem that says where', () => {
    const inbox = createPushInbox()
    expect(inbox.receive({ '@type': 'StateChange', changed: { u1: { Email: 7 } } })).toEqual({
      kind: 'invalid',
      problem: expect.stringContaining('StateChange at changed.u1.Email'),
    })
    expect(inbox.receive({ hello: 1 })).toEqual({
      kind: 'invalid',
      problem: '@type is missing, not "PushVerification" or "StateChange"',
    })
  })

  it('stops waiting when the signal aborts', async () => {
    const inbox = createPushInbox()
    const controller = new AbortController()
    const waiting = inbox.verification('P9', { signal: controller.signal })
    controller.abort(new Error('shutting down'))
    await expect(waiting).rejects.toThrow('shutting down')
  })
})
