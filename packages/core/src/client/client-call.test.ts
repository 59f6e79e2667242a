import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import {
  type LocalHttpServer,
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { todo } from '../../test/support/todo-capability.js'
import { isResponseValidationError } from '../errors/response-validation-error.js'
import { isMethodCallError } from '../method-errors/method-call-error.js'
import { Id } from '../primitives/id.js'
import type { Invocation, JmapRequest } from '../protocol/request.js'
import { defineCapability } from '../registry/capability-definition.js'
import { createClient } from './create-client.js'

const servers: LocalHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const auth = { basic: { username: 'test', password: 'test' } }

/** A loopback JMAP server whose session allows `maxCallsInRequest` calls per request. */
async function serve(maxCallsInRequest: number, answer: (call: Invocation) => Invocation) {
  const received: JmapRequest[] = []
  const server = await startLocalHttpServer((request, response) => {
    if (request.method === 'GET')
      return sendJson(response, 200, sessionBody({}, { maxCallsInRequest }))
    const body = JSON.parse(request.body) as JmapRequest
    received.push(body)
    sendJson(response, 200, { methodResponses: body.methodCalls.map(answer), sessionState: 's1' })
  })
  servers.push(server)
  return { sessionUrl: `${server.origin}/jmap`, received }
}

const todoList = (callId: string, titles: string[]): Invocation => [
  'Todo/get',
  {
    accountId: 'u1',
    state: 's',
    list: titles.map((title, index) => ({ id: `t${index}`, title })),
    notFound: [],
  },
  callId,
]

describe('client.call', () => {
  it('joins the calls of one tick into one request and types each response', async () => {
    const server = await serve(8, ([, args, callId]) =>
      todoList(callId, [String((args as { ids: string[] }).ids[0])]),
    )
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const [first, second] = await Promise.all([
      jmap.call('Todo/get', { accountId: 'u1', ids: [Id('a')], properties: ['title'] }),
      jmap.call('Todo/get', { accountId: 'u1', ids: [Id('b')], properties: ['title'] }),
    ])
    expectTypeOf(first.list[0]?.title).toEqualTypeOf<string | undefined>()
    expect([first.list[0]?.title, second.list[0]?.title]).toEqual(['a', 'b'])
    expect(server.received).toHaveLength(1)
    expect(server.received[0]?.methodCalls.map(([name]) => name)).toEqual(['Todo/get', 'Todo/get'])
    expect(server.received[0]?.using).toContain('urn:ietf:params:jmap:core')
  })

  it('splits the calls of one tick by maxCallsInRequest', async () => {
    const server = await serve(2, ([, , callId]) => todoList(callId, ['x']))
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const answers = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((id) =>
        jmap.call('Todo/get', { accountId: 'u1', ids: [Id(id)], properties: ['title'] }),
      ),
    )
    expect(answers).toHaveLength(5)
    expect(server.received.map((request) => request.methodCalls.length)).toEqual([2, 2, 1])
  })

  it('throws a MethodCallError for a method error, and only for that call', async () => {
    const server = await serve(8, ([, args, callId]) =>
      (args as { ids: string[] }).ids[0] === 'bad'
        ? ['error', { type: 'invalidArguments', description: 'no' }, callId]
        : todoList(callId, ['fine']),
    )
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const [good, bad] = await Promise.allSettled([
      jmap.call('Todo/get', { accountId: 'u1', ids: [Id('ok')], properties: ['title'] }),
      jmap.call('Todo/get', { accountId: 'u1', ids: [Id('bad')], properties: ['title'] }),
    ])
    expect(good.status).toBe('fulfilled')
    const reason = bad.status === 'rejected' ? bad.reason : undefined
    expect(isMethodCallError(reason) && reason.error.type).toBe('invalidArguments')
    expect(server.received).toHaveLength(1)
  })

  it('validates the response with the method schema and names the call', async () => {
    const server = await serve(8, ([, , callId]) => [
      'Todo/get',
      { accountId: 'u1', state: 's', list: [{ id: 't1', title: 7 }], notFound: [] },
      callId,
    ])
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth, capabilities: [todo] })
    const error = await jmap
      .call('Todo/get', { accountId: 'u1', ids: [Id('t1')], properties: ['title'] })
      .catch((caught: unknown) => caught)
    expect(isResponseValidationError(error) && error.path).toBe(
      'methodResponses[0][1]["list"][0]["title"]',
    )
  })

  it('does not compile an unknown method or a wrong argument', () => {
    const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [todo] })
    const typeOnly = (run: () => unknown) => run
    typeOnly(() =>
      // @ts-expect-error: Todo/gte is not a method
      jmap.call('Todo/gte', { accountId: 'u1' }),
    )
    typeOnly(() =>
      // @ts-expect-error: 'titel' is not a Todo property
      jmap.call('Todo/get', { accountId: 'u1', ids: null, properties: ['titel'] }),
    )
  })
})

// A capability whose response schema is a zod schema (any Standard Schema validator works).
interface Counter {
  readonly id: string
  readonly count: number
}
interface CounterGetMethod {
  readonly capability: 'urn:example:counters'
  readonly args: { readonly accountId: string }
  readonly response: { readonly accountId: string; readonly list: Counter[] }
  readonly '~args': unknown
}
interface CounterMethods {
  'Counter/get': CounterGetMethod
}
declare module '@typed-jmap/core' {
  interface Methods extends CounterMethods {}
}
const counters = defineCapability<'urn:example:counters', CounterMethods>({
  urn: 'urn:example:counters',
  methods: {
    'Counter/get': {
      response: z.object({
        accountId: z.string(),
        list: z.array(z.object({ id: z.string(), count: z.number().int() })),
      }),
    },
  },
})

describe('a capability validated by a zod schema', () => {
  async function counterServer(count: unknown) {
    const server = await startLocalHttpServer((request, response) => {
      if (request.method === 'GET') {
        const body = sessionBody()
        const capabilities = body.capabilities as Record<string, unknown>
        return sendJson(response, 200, {
          ...body,
          capabilities: { ...capabilities, 'urn:example:counters': {} },
        })
      }
      const { methodCalls } = JSON.parse(request.body) as JmapRequest
      sendJson(response, 200, {
        methodResponses: methodCalls.map(([name, , callId]) => [
          name,
          { accountId: 'u1', list: [{ id: 'n1', count }] },
          callId,
        ]),
        sessionState: 's1',
      })
    })
    servers.push(server)
    return createClient({ sessionUrl: `${server.origin}/jmap`, auth, capabilities: [counters] })
  }

  it('returns what the zod schema accepted', async () => {
    const jmap = await counterServer(3)
    const response = await jmap.call('Counter/get', { accountId: 'u1' })
    expect(response.list[0]?.count).toBe(3)
  })

  it('turns a zod issue into a ResponseValidationError that says where', async () => {
    const jmap = await counterServer(2.5)
    const error = await jmap
      .call('Counter/get', { accountId: 'u1' })
      .catch((caught: unknown) => caught)
    expect(isResponseValidationError(error)).toBe(true)
    expect(isResponseValidationError(error) && error.path).toBe(
      'methodResponses[0][1]["list"][0]["count"]',
    )
  })

  it('reports a schema that validates asynchronously instead of awaiting it', async () => {
    const server = await startLocalHttpServer((request, response) => {
      if (request.method === 'GET') {
        const body = sessionBody()
        return sendJson(response, 200, {
          ...body,
          capabilities: { ...(body.capabilities as object), 'urn:example:counters': {} },
        })
      }
      const { methodCalls } = JSON.parse(request.body) as JmapRequest
      sendJson(response, 200, {
        methodResponses: methodCalls.map(([name, , callId]) => [
          name,
          { accountId: 'u1', list: [] },
          callId,
        ]),
        sessionState: 's1',
      })
    })
    servers.push(server)
    const asyncCounters = defineCapability<'urn:example:counters', CounterMethods>({
      urn: 'urn:example:counters',
      methods: {
        'Counter/get': {
          response: z
            .object({
              accountId: z.string(),
              list: z.array(z.object({ id: z.string(), count: z.number() })),
            })
            .refine(async () => true),
        },
      },
    })
    const jmap = createClient({
      sessionUrl: `${server.origin}/jmap`,
      auth,
      capabilities: [asyncCounters],
    })
    const error = await jmap
      .call('Counter/get', { accountId: 'u1' })
      .catch((caught: unknown) => caught)
    expect(isResponseValidationError(error) && error.message).toMatch(/validates asynchronously/)
  })
})
