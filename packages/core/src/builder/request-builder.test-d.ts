import {
  type CallResult,
  core,
  createClient,
  type Id,
  type MethodError,
  type SetError,
  type UnsignedInt,
} from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { type Todo, type TodoList, todo } from '../../test/support/todo-capability.js'

declare const accountId: string
declare const someId: Id
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [todo] })
const coreOnly = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [core] })

describe('response types', () => {
  test('a /get response is narrowed to the properties asked for, without as const, with id', async () => {
    const { got } = await jmap.request((b) => ({
      got: b.call('Todo/get', { accountId, ids: [someId], properties: ['title', 'due'] }),
    }))
    expectTypeOf(got.list).toEqualTypeOf<Pick<Todo, 'id' | 'title' | 'due'>[]>()
    expectTypeOf(got.notFound).toEqualTypeOf<Id[]>()
  })

  test('a properties list written `as const` narrows the same way', async () => {
    const properties = ['title'] as const
    const got = await jmap.request((b) => b.call('Todo/get', { accountId, properties }))
    expectTypeOf(got.list).toEqualTypeOf<Pick<Todo, 'id' | 'title'>[]>()
  })

  test('without properties a /get returns whole records', async () => {
    const got = await jmap.request((b) => b.call('Todo/get', { accountId, ids: null }))
    expectTypeOf(got.list).toEqualTypeOf<Pick<Todo, keyof Todo>[]>()
  })

  test('7. reading a property that was not asked for does not compile', async () => {
    const got = await jmap.request((b) => b.call('Todo/get', { accountId, properties: ['title'] }))
    expectTypeOf(got.list[0]?.title).toEqualTypeOf<string | undefined>()
    // @ts-expect-error: 'priority' was not in `properties`
    got.list[0]?.priority
  })

  test('Core/echo answers with the arguments it was given', async () => {
    const echoed = await coreOnly.request((b) => b.call('Core/echo', { hello: true, high: 5 }))
    expectTypeOf(echoed).toEqualTypeOf<{ readonly hello: true; readonly high: 5 }>()
  })

  test('Core/echo takes any argument, even names other methods check (create, filter)', () => {
    coreOnly.prepare((b) => b.call('Core/echo', { create: { k1: { any: 1 } }, filter: { x: 1 } }))
  })

  test('the returned shape is kept: handles in objects, arrays, or alone', async () => {
    const [a, b2] = await jmap.request((b) => [
      b.call('Todo/query', { accountId }),
      b.call('Todo/changes', { accountId, sinceState: 's1' }),
    ])
    expectTypeOf(a.ids).toEqualTypeOf<Id[]>()
    expectTypeOf(b2.hasMoreChanges).toEqualTypeOf<boolean>()
  })
})

describe('result references', () => {
  test('the chain query → get (ids by reference) → list/get (ids from /list/*/listId)', async () => {
    const { lists } = await jmap.request((b) => {
      const found = b.call('Todo/query', { accountId, filter: { title: 'x' }, limit: 10 })
      const todos = b.call('Todo/get', {
        accountId,
        ids: found.ref('/ids'),
        properties: ['title', 'listId', 'due'],
      })
      const lists = b.call('TodoList/get', { accountId, ids: todos.ref('/list/*/listId') })
      return { todos, lists }
    })
    expectTypeOf(lists.list).toEqualTypeOf<Pick<TodoList, keyof TodoList>[]>()
  })

  test('a path with * maps and flattens arrays', () => {
    jmap.prepare((b) => {
      const lists = b.call('TodoList/get', { accountId })
      expectTypeOf(lists.ref('/list/*/todoIds')['~value']).toEqualTypeOf<Id[]>()
      expectTypeOf(lists.ref('/list/*/name')['~value']).toEqualTypeOf<string[]>()
      expectTypeOf(lists.ref('/list/0/name')['~value']).toEqualTypeOf<string>()
      expectTypeOf(lists.ref('/state')['~value']).toEqualTypeOf<string>()
      return lists
    })
  })

  test('3. a path that does not exist in the referenced response does not compile', () => {
    jmap.prepare((b) => {
      const found = b.call('Todo/query', { accountId })
      // @ts-expect-error: '/idz' is not a result path of Todo/query
      b.call('Todo/get', { accountId, ids: found.ref('/idz') })
      // @ts-expect-error: Todo/query items have no 'title' below /ids/*
      found.ref('/ids/*/title')
      return found
    })
  })

  test('4. a reference whose value does not fit the argument does not compile', () => {
    jmap.prepare((b) => {
      const found = b.call('Todo/query', { accountId, calculateTotal: true })
      // @ts-expect-error: /total is an UnsignedInt, ids takes Id[]
      b.call('Todo/get', { accountId, ids: found.ref('/total') })
      b.call('Todo/get', { accountId, ids: found.ref('/ids') })
      return found
    })
  })

  test('5. a reference to a call of another request does not compile', () => {
    jmap.prepare((outer) => {
      const found = outer.call('Todo/query', { accountId })
      jmap.prepare((inner) =>
        // @ts-expect-error: `found` belongs to the outer request
        inner.call('Todo/get', { accountId, ids: found.ref('/ids') }),
      )
      return found
    })
  })

  test('5. a reference to a call not yet made does not compile', () => {
    jmap.prepare((b) => {
      const early = b.call('Todo/get', {
        accountId,
        // @ts-expect-error: `later` is made after this call (used before its declaration)
        // biome-ignore lint/correctness/noInvalidUseBeforeDeclaration: that use is the mistake under test
        ids: later.ref('/ids'),
      })
      const later = b.call('Todo/query', { accountId })
      return { early, later }
    })
  })
})

describe('method names and arguments', () => {
  test('1. an unknown method name does not compile', () => {
    jmap.prepare((b) => {
      // @ts-expect-error: there is no Todo/gett
      b.call('Todo/gett', { accountId })
      return b.call('Todo/get', { accountId })
    })
  })

  test('a method whose capability the client was not created with does not compile', () => {
    coreOnly.prepare((b) => {
      // @ts-expect-error: Todo/get belongs to a table this client was not given
      b.call('Todo/get', { accountId })
      return b.call('Blob/copy', { fromAccountId: 'a', accountId: 'b', blobIds: [someId] })
    })
  })

  test('a client of several tables, or of an array of tables, can call the methods of each', () => {
    const several = createClient({
      sessionUrl: 'https://jmap.example/s',
      capabilities: [core, todo],
    })
    const nested = createClient({ sessionUrl: 'https://jmap.example/s', capabilities: [[todo]] })
    several.prepare((b) => [b.call('Todo/get', { accountId }), b.call('Core/echo', {})])
    nested.prepare((b) => b.call('TodoList/get', { accountId }))
  })

  test('2. an unknown or mistyped argument does not compile', () => {
    jmap.prepare((b) => {
      // @ts-expect-error: Todo/get takes no `idz`
      b.call('Todo/get', { accountId, idz: [someId] })
      // @ts-expect-error: limit is a number
      b.call('Todo/query', { accountId, limit: 'ten' })
      // @ts-expect-error: accountId is required
      b.call('Todo/query', { limit: 10 })
      return b.call('Todo/query', { accountId, limit: 10 })
    })
  })

  test('6. an unknown property in properties, sort or filter does not compile', () => {
    jmap.prepare((b) => {
      // @ts-expect-error: Todo has no 'titel'
      b.call('Todo/get', { accountId, properties: ['titel'] })
      // @ts-expect-error: 'listId' is not a sort property of Todo/query
      b.call('Todo/query', { accountId, sort: [{ property: 'listId' }] })
      // @ts-expect-error: 'owner' is not a filter property of Todo/query
      b.call('Todo/query', { accountId, filter: { owner: 'me' } })
      b.call('Todo/query', {
        accountId,
        // @ts-expect-error: nested conditions are checked too
        filter: { operator: 'AND', conditions: [{ title: 'a' }, { owner: 'me' }] },
      })
      return b.call('Todo/query', {
        accountId,
        filter: { operator: 'OR', conditions: [{ title: 'a' }, { hasKeyword: 'k' }] },
        sort: [{ property: 'due', isAscending: false }],
      })
    })
  })
})

describe('creation ids and patches', () => {
  test('8. a creation id the request does not make does not compile', () => {
    jmap.prepare((b) => {
      const made = b.call('Todo/set', { accountId, create: { k1: { title: 'new' } } })
      // @ts-expect-error: this Todo/set creates no 'k2'
      made.created('k2')
      // @ts-expect-error: creation ids cannot be written as plain strings
      b.call('Todo/set', { accountId, destroy: ['#k1'] })
      // @ts-expect-error: '#k1' as an update key must come from made.created('k1')
      b.call('Todo/set', { accountId, update: { '#k1': { title: 'x' } } })
      const k1 = made.created('k1')
      expectTypeOf(k1).toEqualTypeOf<`#k1` & Id>()
      return b.call('Todo/set', {
        accountId,
        create: { k2: { title: 'child', subTodoIds: [k1], listId: k1 } },
        update: { [k1]: { title: 'renamed' } },
        destroy: [k1],
      })
    })
  })

  test('9. a patch path that does not exist does not compile', () => {
    jmap.prepare((b) => {
      // @ts-expect-error: Todo has no 'titel'
      b.call('Todo/set', { accountId, update: { [someId]: { titel: 'x' } } })
      // @ts-expect-error: patches cannot point into arrays ('subTodoIds/0')
      b.call('Todo/set', { accountId, update: { [someId]: { 'subTodoIds/0': someId } } })
      return b.call('Todo/set', {
        accountId,
        update: {
          [someId]: { 'keywords/done': true, 'assignee/email': null, due: null, title: 'x' },
        },
      })
    })
  })
})

describe('method errors', () => {
  test('requestSettled gives each call a result or a typed method error', async () => {
    const { made } = await jmap.requestSettled((b) => ({
      made: b.call('Todo/set', { accountId, create: { k1: { title: 'x' } } }),
    }))
    expectTypeOf(made).toMatchTypeOf<CallResult<unknown>>()
    if (made.ok) {
      expectTypeOf(made.response.newState).toEqualTypeOf<string>()
      expectTypeOf(made.response.notCreated).toEqualTypeOf<Record<string, SetError> | null>()
    } else {
      expectTypeOf(made.error).toEqualTypeOf<MethodError>()
    }
  })

  test('a query response has typed totals', async () => {
    const found = await jmap.request((b) => b.call('Todo/query', { accountId }))
    expectTypeOf(found.total).toEqualTypeOf<UnsignedInt | undefined>()
  })
})
