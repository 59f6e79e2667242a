import {
  createClient,
  type DataTypeName,
  type EventSourceOptions,
  type JmapWebSocket,
  type WebSocketPushOptions,
} from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { mail, submission } from '../index.js'

const jmap = createClient({
  sessionUrl: 'https://jmap.example/session',
  capabilities: [mail, submission],
})
declare const socket: JmapWebSocket

describe('push data types are the names the registry knows', () => {
  test('mail registers its data types, and the push-only EmailDelivery', () => {
    expectTypeOf<'Email' | 'Mailbox' | 'Thread' | 'EmailSubmission'>().toMatchTypeOf<DataTypeName>()
    expectTypeOf<'EmailDelivery'>().toMatchTypeOf<DataTypeName>()
    expectTypeOf<'Emial'>().not.toMatchTypeOf<DataTypeName>()
    expectTypeOf<EventSourceOptions['types']>().toEqualTypeOf<
      readonly DataTypeName[] | '*' | undefined
    >()
    expectTypeOf<WebSocketPushOptions['dataTypes']>().toEqualTypeOf<
      readonly DataTypeName[] | null | undefined
    >()
  })

  test('known names compile, in EventSource and WebSocket push', () => {
    jmap.connection.events({ types: ['Email', 'Mailbox', 'EmailDelivery'] })
    jmap.connection.events({ types: '*' })
    socket.push({ dataTypes: ['Mailbox', 'Thread'] })
    socket.push({ dataTypes: null })
  })

  test('a misspelt data type does not compile', () => {
    // @ts-expect-error: 'Emial' is no data type (Email)
    jmap.connection.events({ types: ['Emial'] })
    // @ts-expect-error: 'Mialbox' is no data type (Mailbox)
    socket.push({ dataTypes: ['Mialbox'] })
  })
})
