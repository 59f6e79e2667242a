import {
  type AccountCapabilityOf,
  type ArgumentsOf,
  type BlobCopyArguments,
  type CapabilityDefinition,
  type CapabilityOf,
  type CoreCapability,
  core,
  createClient,
  defineCapability,
  type MethodName,
  type MethodNameOf,
  type ResponseOf,
  type ResponseSchema,
  type SessionCapabilityOf,
} from '@typed-jmap/core'
import * as v from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'
import type { TodoMethods } from '../../test/support/todo-capability.js'

describe('Methods registry', () => {
  test('core registers Core/echo and Blob/copy', () => {
    expectTypeOf<'Core/echo'>().toMatchTypeOf<MethodName>()
    expectTypeOf<'Blob/copy'>().toMatchTypeOf<MethodName>()
    expectTypeOf<CapabilityOf<'Blob/copy'>>().toEqualTypeOf<'urn:ietf:params:jmap:core'>()
    expectTypeOf<ArgumentsOf<'Blob/copy'>>().toEqualTypeOf<BlobCopyArguments>()
  })

  test('a response is computed from the arguments of the call', () => {
    expectTypeOf<ResponseOf<'Core/echo', { ping: 1 }>>().toEqualTypeOf<{ ping: 1 }>()
    expectTypeOf<
      ResponseOf<'Todo/get', { properties: readonly ['title'] }>['list'][number]
    >().toEqualTypeOf<{ readonly id: import('@typed-jmap/core').Id; readonly title: string }>()
  })

  test('methods are listed by capability', () => {
    expectTypeOf<'Core/echo'>().toMatchTypeOf<MethodNameOf<'urn:ietf:params:jmap:core'>>()
  })
})

describe('Capabilities registry', () => {
  test('types the core session capability', () => {
    expectTypeOf<SessionCapabilityOf<'urn:ietf:params:jmap:core'>>().toEqualTypeOf<CoreCapability>()
    expectTypeOf<AccountCapabilityOf<'urn:ietf:params:jmap:core'>>().toEqualTypeOf<{}>()
  })
})

describe('typed session', () => {
  test('client.session() types capabilities from the registry', async () => {
    const jmap = createClient({ sessionUrl: 'https://jmap.example/session' })
    const session = await jmap.session()
    expectTypeOf(session.capabilities['urn:ietf:params:jmap:core']).toEqualTypeOf<CoreCapability>()
    expectTypeOf(session.capabilities['urn:example:unregistered']).toEqualTypeOf<unknown>()
  })
})

describe('runtime tables', () => {
  test('core is a table for its own methods', () => {
    expectTypeOf(core.urn).toEqualTypeOf<'urn:ietf:params:jmap:core'>()
  })

  test('a registered method without its runtime entry does not compile', () => {
    // An erased schema (output `any`) is not compared with the declared responses.
    const response: ResponseSchema = v.looseObject({})
    const _table: CapabilityDefinition<'urn:ietf:params:jmap:core', TodoMethods> = defineCapability<
      'urn:ietf:params:jmap:core',
      TodoMethods
    >({
      urn: 'urn:ietf:params:jmap:core',
      // @ts-expect-error: 'TodoList/get' has no runtime entry
      methods: {
        'Todo/get': { response },
        'Todo/changes': { response },
        'Todo/set': { response },
        'Todo/copy': { response },
        'Todo/query': { response },
        'Todo/queryChanges': { response },
      },
    })
  })

  test('a runtime entry for a method that is not registered does not compile', () => {
    defineCapability<'urn:ietf:params:jmap:core', Pick<TodoMethods, 'Todo/get'>>({
      urn: 'urn:ietf:params:jmap:core',
      methods: {
        'Todo/get': { response: v.looseObject({}) as ResponseSchema },
        // @ts-expect-error: there is no Todo/gte in the registry
        'Todo/gte': { response: v.looseObject({}) as ResponseSchema },
      },
    })
  })
})
