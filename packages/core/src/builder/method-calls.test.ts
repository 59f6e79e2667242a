import { loadFixture } from '@typed-jmap/fixtures'
import { describe, expect, it } from 'vitest'
import {
  type ScriptedJmapServer,
  startScriptedJmapServer,
} from '../../test/support/scripted-jmap-server.js'
import { todo } from '../../test/support/todo-capability.js'
import { createClient } from '../client/create-client.js'
import type { Id } from '../primitives/id.js'
import type { JmapResponse } from '../protocol/response.js'
import { isRequestBuildError } from './request-build-error.js'

const offline = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [todo] })
const someId = 'T1' as Id

describe('calls by data type (t.Todo.get) send what call sends', () => {
  it('builds the same request as call: ids, references, creations, options, using', () => {
    const byCall = offline.prepare((b) => {
      const found = b.call('Todo/query', { accountId: 'x', filter: { title: 'a' }, limit: 10 })
      const todos = b.call('Todo/get', { accountId: 'x', ids: found.ref('/ids') })
      const set = b.call('Todo/set', {
        accountId: 'x',
        create: { k1: { title: 'b' } },
        update: { [someId]: { 'keywords/done': true } },
      })
      b.call('TodoList/get', { accountId: 'x', ids: [set.created('k1')] }, { callId: 'last' })
      return todos
    })
    const byDataType = offline.prepare((_b, t) => {
      const found = t.Todo.query({ accountId: 'x', filter: { title: 'a' }, limit: 10 })
      const todos = t.Todo.get({ accountId: 'x', ids: found.ref('/ids') })
      const set = t.Todo.set({
        accountId: 'x',
        create: { k1: { title: 'b' } },
        update: { [someId]: { 'keywords/done': true } },
      })
      t.TodoList.get({ accountId: 'x', ids: [set.created('k1')] }, { callId: 'last' })
      return todos
    })
    expect(byDataType).toEqual(byCall)
    expect(byDataType.methodCalls.map(([name, , callId]) => `${callId} ${name}`)).toEqual([
      'c0 Todo/query',
      'c1 Todo/get',
      'c2 Todo/set',
      'last TodoList/get',
    ])
  })

  it('the two shapes share one request: call ids count on, references cross', () => {
    const built = offline.prepare((b, t) => {
      const found = t.Todo.query({ accountId: 'x' })
      return b.call('Todo/get', { accountId: 'x', ids: found.ref('/ids') })
    })
    expect(built.methodCalls).toEqual([
      ['Todo/query', { accountId: 'x' }, 'c0'],
      [
        'Todo/get',
        { accountId: 'x', '#ids': { resultOf: 'c0', name: 'Todo/query', path: '/ids' } },
        'c1',
      ],
    ])
  })

  it('a method the client has no table for fails as call fails, when called', () => {
    const untyped = offline as unknown as {
      prepare(
        build: (b: unknown, t: Record<string, Record<string, (args: object) => void>>) => void,
      ): void
    }
    let thrown: unknown
    try {
      untyped.prepare((_b, t) => t.Mailbox?.get?.({ accountId: 'x' }))
    } catch (error) {
      thrown = error
    }
    expect(isRequestBuildError(thrown) && thrown.message).toBe(
      "unknown method 'Mailbox/get': no capability table of this client has it",
    )
  })

  it('symbol keys name no method: the proxies read them as absent, and nothing is added', () => {
    const built = offline.prepare((_b, t) => {
      const todo = (t as unknown as Record<string | symbol, unknown>).Todo as object
      expect((t as unknown as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined()
      expect((todo as Record<symbol, unknown>)[Symbol.toPrimitive]).toBeUndefined()
      // With no Symbol.toPrimitive, String() asks for toString: a method name like any other,
      // refused as call refuses it (not a TypeError from a symbol in a template).
      let thrown: unknown
      try {
        String(todo)
      } catch (error) {
        thrown = error
      }
      expect(isRequestBuildError(thrown) && thrown.message).toBe(
        "unknown method 'Todo/toString': no capability table of this client has it",
      )
    })
    expect(built.methodCalls).toEqual([])
  })

  it('the builder itself gains no members', () => {
    offline.prepare((b, t) => {
      expect(t).not.toBe(b)
      expect((b as unknown as Record<string, unknown>).Todo).toBeUndefined()
    })
  })

  it('decodes the responses of calls by data type (RFC 8620 §5.7 example)', async () => {
    const fixture = loadFixture('core', 'rfc8620', '5.7-todo-query-get').fixture
    const servers: ScriptedJmapServer[] = []
    const server = await startScriptedJmapServer(() => fixture.response?.body as JmapResponse)
    servers.push(server)
    try {
      const jmap = createClient({
        sessionUrl: server.sessionUrl,
        auth: { basic: { username: 'test', password: 'test' } },
        capabilities: [todo],
      })
      const { todos } = await jmap.request((_b, t) => {
        const query = t.Todo.query({ accountId: 'x', limit: 10 }, { callId: '0' })
        const todos = t.Todo.get({ accountId: 'x', ids: query.ref('/ids') }, { callId: '1' })
        return { todos }
      })
      expect(todos.list.map((item) => item.title)).toEqual([
        'Practise Piano',
        'Watch Daft Punk music video',
      ])
    } finally {
      await Promise.all(servers.map((running) => running.close()))
    }
  })
})
