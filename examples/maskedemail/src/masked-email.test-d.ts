import { createClient, type Id, type UTCDate } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { type MaskedEmail, maskedEmail } from './index.js'

declare const accountId: string
declare const someId: Id

const jmap = createClient({
  sessionUrl: 'https://api.fastmail.com/jmap/session',
  capabilities: [maskedEmail],
})
const withoutIt = createClient({ sessionUrl: 'https://api.fastmail.com/jmap/session' })

describe('MaskedEmail, registered from outside core', () => {
  test('MaskedEmail/get narrows to the properties asked for', async () => {
    const got = await jmap.request((b) =>
      b.call('MaskedEmail/get', { accountId, ids: null, properties: ['email', 'state'] }),
    )
    expectTypeOf(got.list).toEqualTypeOf<Pick<MaskedEmail, 'id' | 'email' | 'state'>[]>()
    const whole = await jmap.request((b) => b.call('MaskedEmail/get', { accountId, ids: null }))
    expectTypeOf(whole.list[0]?.lastMessageAt).toEqualTypeOf<UTCDate | null | undefined>()
  })

  test('MaskedEmail/set creates, then updates by creation id in a later call', async () => {
    const { created, enabled } = await jmap.request((b) => {
      const created = b.call('MaskedEmail/set', {
        accountId,
        create: {
          k1: { forDomain: 'https://shop.example', state: 'pending', emailPrefix: 'shop' },
        },
      })
      const enabled = b.call('MaskedEmail/set', {
        accountId,
        update: { [created.created('k1')]: { state: 'enabled' } },
      })
      return { created, enabled }
    })
    expectTypeOf(created.created).toEqualTypeOf<Record<
      string,
      import('./index.js').MaskedEmailCreated
    > | null>()
    expectTypeOf(enabled.newState).toEqualTypeOf<string>()
  })

  test('its mistakes are compile errors like core’s', () => {
    jmap.prepare((b) => {
      // @ts-expect-error: MaskedEmail has no 'domain' (it is forDomain)
      b.call('MaskedEmail/get', { accountId, properties: ['domain'] })
      // @ts-expect-error: 'active' is not a MaskedEmailState
      b.call('MaskedEmail/set', { accountId, update: { [someId]: { state: 'active' } } })
      // @ts-expect-error: 'email' is server-set, not creatable
      b.call('MaskedEmail/set', { accountId, create: { k1: { email: 'me@example.com' } } })
      return b.call('MaskedEmail/set', { accountId, destroy: [someId] })
    })
  })

  test('a client created without the MaskedEmail table cannot call it', () => {
    withoutIt.prepare((b) => {
      // @ts-expect-error: the client was not created with maskedEmail
      b.call('MaskedEmail/get', { accountId })
      return b.call('Core/echo', {})
    })
  })
})
