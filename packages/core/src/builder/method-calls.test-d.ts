// The calls by data type, `t.Todo.get(args)`: the same request as
// `b.call('Todo/get', args)`, checked by plain assignability to a parameter
// type fixed per method (TypeScript's own messages), so every check of `call`
// has a test here too.
import { core, createClient, type Id, type UTCDate } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { type Todo, type TodoList, todo } from '../../test/support/todo-capability.js'

declare const accountId: string
declare const someId: Id
declare const due: UTCDate
const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [todo] })
const coreOnly = createClient({ sessionUrl: 'https://jmap.example/session', capabilities: [core] })

describe('valid calls', () => {
  test('the chain query → get (ids by reference) → list/get, responses as with call', async () => {
    const { todos, lists } = await jmap.request((_b, t) => {
      const found = t.Todo.query({ accountId, filter: { title: 'x' }, limit: 10 })
      const todos = t.Todo.get({
        accountId,
        ids: found.ref('/ids'),
        properties: ['title', 'listId', 'due'],
      })
      const lists = t.TodoList.get({ accountId, ids: todos.ref('/list/*/listId') })
      return { todos, lists }
    })
    expectTypeOf(todos.list).toEqualTypeOf<Pick<Todo, 'id' | 'title' | 'listId' | 'due'>[]>()
    expectTypeOf(lists.list).toEqualTypeOf<Pick<TodoList, keyof TodoList>[]>()
  })

  test('a /get without properties returns whole records; properties null too', async () => {
    const { all, nulled } = await jmap.request((_b, t) => ({
      all: t.Todo.get({ accountId, ids: [someId] }),
      nulled: t.Todo.get({ accountId, properties: null }),
    }))
    expectTypeOf(all.list).toEqualTypeOf<Pick<Todo, keyof Todo>[]>()
    expectTypeOf(nulled.list).toEqualTypeOf<Pick<Todo, keyof Todo>[]>()
  })

  test('both shapes mix in one request, references crossing between them', async () => {
    const { lists } = await jmap.request((b, t) => {
      const found = b.call('Todo/query', { accountId })
      const todos = t.Todo.get({ accountId, ids: found.ref('/ids'), properties: ['listId'] })
      return { lists: b.call('TodoList/get', { accountId, ids: todos.ref('/list/*/listId') }) }
    })
    expectTypeOf(lists.list).toEqualTypeOf<Pick<TodoList, keyof TodoList>[]>()
  })

  test('a /set is checked as call checks it: creation ids, created(), patches', async () => {
    const { created } = await jmap.request((_b, t) => {
      const set = t.Todo.set({
        accountId,
        create: { k1: { title: 'a' } },
        update: { [someId]: { 'keywords/done': true, due } },
      })
      return { created: t.Todo.get({ accountId, ids: [set.created('k1')] }) }
    })
    expectTypeOf(created.notFound).toEqualTypeOf<Id[]>()
  })

  test('a filter operator and a sort are accepted', () => {
    jmap.prepare((_b, t) =>
      t.Todo.query({
        accountId,
        filter: { operator: 'OR', conditions: [{ title: 'a' }, { hasKeyword: 'b' }] },
        sort: [{ property: 'due', isAscending: false }],
      }),
    )
  })

  test('Core/echo answers with its arguments', async () => {
    const echoed = await coreOnly.request((_b, t) => t.Core.echo({ hello: true }))
    expectTypeOf(echoed).toEqualTypeOf<{ readonly hello: true }>()
  })

  test('call options are the same as call’s', () => {
    jmap.prepare((_b, t) => t.Todo.get({ accountId }, { callId: 'mine', using: ['urn:x'] }))
  })
})

describe('wrong calls do not compile', () => {
  test('a misspelt data type or verb (TypeScript suggests the name)', () => {
    jmap.prepare((_b, t) => {
      // @ts-expect-error: no data type 'Tood' (did you mean 'Todo'?)
      t.Tood.get({ accountId })
      // @ts-expect-error: Todo has no verb 'gett' (did you mean 'get'?)
      t.Todo.gett({ accountId })
    })
  })

  test('a method of a capability this client was not created with', () => {
    coreOnly.prepare((_b, t) => {
      // @ts-expect-error: Todo/get is not in this client's capability tables (not callable)
      t.Todo.get({ accountId })
    })
  })

  test('a missing required argument', () => {
    // @ts-expect-error: 'accountId' is missing
    jmap.prepare((_b, t) => t.Todo.get({ ids: [someId] }))
  })

  test('an unknown argument, next to known ones and next to an inferred one', () => {
    // @ts-expect-error: Todo/get takes no argument 'idz'
    jmap.prepare((_b, t) => t.Todo.get({ accountId, idz: [someId] }))
    // @ts-expect-error: Todo/query takes no argument 'limits'
    jmap.prepare((_b, t) => t.Todo.query({ accountId, limits: 3 }))
    // @ts-expect-error: Todo/get takes no argument 'extra', even with properties inferred
    jmap.prepare((_b, t) => t.Todo.get({ accountId, properties: ['title'], extra: 1 }))
  })

  test('an argument of the wrong type', () => {
    // @ts-expect-error: limit is a number
    jmap.prepare((_b, t) => t.Todo.query({ accountId, limit: '10' }))
  })

  test('an unknown filter member, even next to a known one', () => {
    // @ts-expect-error: 'titel' is not a filter property of Todo/query
    jmap.prepare((_b, t) => t.Todo.query({ accountId, filter: { title: 'a', titel: 'b' } }))
  })

  test('an unknown sort property', () => {
    // @ts-expect-error: 'size' is not a sort property of Todo/query
    jmap.prepare((_b, t) => t.Todo.query({ accountId, sort: [{ property: 'size' }] }))
  })

  test('an unknown name in properties', () => {
    // @ts-expect-error: 'titel' is not a property Todo/get can return
    jmap.prepare((_b, t) => t.Todo.get({ accountId, properties: ['titel'] }))
  })

  test('reading a property that was not asked for', async () => {
    const got = await jmap.request((_b, t) => t.Todo.get({ accountId, properties: ['title'] }))
    // @ts-expect-error: 'due' was not in `properties`
    got.list[0]?.due
  })

  test('a reference to a path that does not exist', () => {
    jmap.prepare((_b, t) => {
      const found = t.Todo.query({ accountId })
      // @ts-expect-error: Todo/query has no '/idz'
      t.Todo.get({ accountId, ids: found.ref('/idz') })
    })
  })

  test('a reference to a value of the wrong type', () => {
    jmap.prepare((_b, t) => {
      const found = t.Todo.query({ accountId })
      // @ts-expect-error: '/queryState' is a string, ids takes Id[]
      t.Todo.get({ accountId, ids: found.ref('/queryState') })
    })
  })

  test('a reference to a call of another request', () => {
    jmap.prepare((_b, t) => {
      const found = t.Todo.query({ accountId })
      jmap.prepare((_b2, t2) =>
        // @ts-expect-error: the reference belongs to another request (another TScope)
        t2.Todo.get({ accountId, ids: found.ref('/ids') }),
      )
      return found
    })
  })

  test('created() of a creation id the call does not create', () => {
    jmap.prepare((_b, t) => {
      const set = t.Todo.set({ accountId, create: { k1: { title: 'a' } } })
      // @ts-expect-error: this Todo/set call creates no 'k2'
      set.created('k2')
    })
  })

  test('an unknown member of a created record, and an unknown patch path', () => {
    // @ts-expect-error: 'titel' is not a property of what Todo/set creates
    jmap.prepare((_b, t) => t.Todo.set({ accountId, create: { k1: { titel: 'a' } } }))
    // @ts-expect-error: 'keywordz' is not a patch path of Todo
    jmap.prepare((_b, t) => t.Todo.set({ accountId, update: { [someId]: { keywordz: {} } } }))
  })
})
