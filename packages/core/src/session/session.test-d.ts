import type { CoreCapability, Session, TypedSession } from '@typed-jmap/core'
import type { MailAccountCapability } from '@typed-jmap/mail'
import { describe, expectTypeOf, test } from 'vitest'
import { createConnection } from '../connection/connection.js'

describe('Session typed from the Capabilities registry', () => {
  test('the connection’s session types registered capabilities', async () => {
    const connection = createConnection({ sessionUrl: 'https://jmap.example/session' })
    const session = await connection.session({ signal: AbortSignal.timeout(1000) })
    expectTypeOf(session.capabilities['urn:ietf:params:jmap:core']).toEqualTypeOf<CoreCapability>()
    expectTypeOf(session.capabilities['urn:example:unregistered']).toEqualTypeOf<unknown>()
    const account = session.accounts.u1
    expectTypeOf(account?.accountCapabilities['urn:ietf:params:jmap:mail']).toEqualTypeOf<
      MailAccountCapability | undefined
    >()
    // @ts-expect-error: the mail account capability has no `maxFoo`
    account?.accountCapabilities['urn:ietf:params:jmap:mail']?.maxFoo
  })

  test('the client’s TypedSession and the connection’s Session are interchangeable', () => {
    expectTypeOf<TypedSession>().toMatchTypeOf<Session>()
    expectTypeOf<Session>().toMatchTypeOf<TypedSession>()
  })

  test('session() takes only an options object', () => {
    const connection = createConnection({ sessionUrl: 'https://jmap.example/session' })
    // @ts-expect-error: the signal goes inside an options object
    connection.session(AbortSignal.timeout(1000))
  })
})
