import {
  defaultWebSocketReconnect,
  type WebSocketOptions,
  type WebSocketReconnectOptions,
} from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'

describe('WebSocketOptions.reconnect', () => {
  test('takes bounds, part of them, or false', () => {
    const bounded: WebSocketOptions = {
      reconnect: { attempts: 10, initialDelay: 1000, maxDelay: 60_000 },
    }
    const some: WebSocketOptions = { reconnect: { attempts: 2 } }
    const off: WebSocketOptions = { reconnect: false }
    expectTypeOf(bounded).toEqualTypeOf<WebSocketOptions>()
    expectTypeOf(some).toEqualTypeOf<WebSocketOptions>()
    expectTypeOf(off).toEqualTypeOf<WebSocketOptions>()
    expectTypeOf(defaultWebSocketReconnect).toEqualTypeOf<Required<WebSocketReconnectOptions>>()
  })

  test('refuses true, a misspelt bound and a bound that is not a number', () => {
    // @ts-expect-error: reconnecting is on by default; only false changes it
    const on: WebSocketOptions = { reconnect: true }
    // @ts-expect-error: the bound is `attempts`, not `retries`
    const misspelt: WebSocketOptions = { reconnect: { retries: 3 } }
    // @ts-expect-error: delays are milliseconds, not strings
    const text: WebSocketOptions = { reconnect: { initialDelay: '1s' } }
    expectTypeOf([on, misspelt, text]).toBeArray()
  })

  test('the defaults are not writable', () => {
    // @ts-expect-error: the shared defaults are read-only
    defaultWebSocketReconnect.attempts = 1
  })
})
