import { createClient, type Id, type ResponseOf, UTCDate } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'

const jmap = createClient({ sessionUrl: 'https://jmap.example/session' })
declare const id: Id

describe('PushSubscription/get and /set (RFC 8620 §7.2)', () => {
  test('a core-only client calls them without accountId; properties narrow the list', () => {
    jmap.prepare((b) => {
      b.call('PushSubscription/get', { ids: null })
      return b.call('PushSubscription/get', { properties: ['expires'] })
    })
    type All = ResponseOf<'PushSubscription/get', { ids: null }>['list'][number]
    type Some = ResponseOf<'PushSubscription/get', { properties: readonly ['expires'] }>
    expectTypeOf<All>().toHaveProperty('deviceClientId')
    expectTypeOf<keyof Some['list'][number]>().toEqualTypeOf<'id' | 'expires'>()
    expectTypeOf<Some>().not.toHaveProperty('accountId')
    jmap.prepare((b) =>
      b.call('PushSubscription/set', {
        create: { k: { deviceClientId: 'd', url: 'https://push.example/x', types: ['Email'] } },
        update: { [id]: { expires: UTCDate('2030-01-01T00:00:00Z'), verificationCode: 'c' } },
        destroy: [id],
      }),
    )
  })

  test('url and keys are never readable', () => {
    jmap.prepare((b) =>
      // @ts-expect-error: url is write-only; asking for it is a forbidden error on the server
      b.call('PushSubscription/get', { properties: ['url'] }),
    )
    jmap.prepare((b) =>
      // @ts-expect-error: keys are write-only too
      b.call('PushSubscription/get', { properties: ['keys'] }),
    )
  })

  test('subscriptions belong to credentials, not accounts', () => {
    jmap.prepare((b) =>
      // @ts-expect-error: PushSubscription/get takes no accountId
      b.call('PushSubscription/get', { accountId: 'u1', ids: null }),
    )
    jmap.prepare((b) =>
      // @ts-expect-error: PushSubscription/set takes no ifInState (no state)
      b.call('PushSubscription/set', { ifInState: 's1', destroy: [id] }),
    )
  })

  test('url and keys are immutable, expires is a UTCDate', () => {
    jmap.prepare((b) =>
      // @ts-expect-error: url cannot change; destroy and create again
      b.call('PushSubscription/set', { update: { [id]: { url: 'https://other.example/' } } }),
    )
    jmap.prepare((b) =>
      b.call('PushSubscription/set', {
        // @ts-expect-error: expires must be a UTCDate (UTCDate('…')), not any string
        create: { k: { deviceClientId: 'd', url: 'https://push.example/x', expires: 'soon' } },
      }),
    )
    jmap.prepare((b) =>
      b.call('PushSubscription/set', {
        // @ts-expect-error: deviceClientId is required
        create: { k: { url: 'https://push.example/x' } },
      }),
    )
  })
})
