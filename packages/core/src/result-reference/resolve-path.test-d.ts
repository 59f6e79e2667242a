import type {
  CheckedPath,
  GetResponse,
  Id,
  InvalidPath,
  QueryResponse,
  ResolvePath,
  SetResponse,
} from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'

interface Thread {
  readonly id: Id
  readonly emailIds: Id[]
}

describe('ResolvePath', () => {
  test('follows keys and selects values', () => {
    expectTypeOf<ResolvePath<QueryResponse, '/ids'>>().toEqualTypeOf<Id[]>()
    expectTypeOf<ResolvePath<QueryResponse, '/queryState'>>().toEqualTypeOf<string>()
  })

  test('* maps over an array and flattens array results', () => {
    expectTypeOf<ResolvePath<GetResponse<Thread>, '/list/*/id'>>().toEqualTypeOf<Id[]>()
    expectTypeOf<ResolvePath<GetResponse<Thread>, '/list/*/emailIds'>>().toEqualTypeOf<Id[]>()
    expectTypeOf<ResolvePath<GetResponse<Thread>, '/list/0/emailIds'>>().toEqualTypeOf<Id[]>()
  })

  test('walks through nullable maps like /created/k1/id', () => {
    type Created = SetResponse<{ readonly id: Id }, Thread>
    expectTypeOf<ResolvePath<Created, '/created/k1/id'>>().toEqualTypeOf<Id>()
  })

  test('unescapes ~1 and ~0 in tokens', () => {
    expectTypeOf<ResolvePath<{ 'a/b': { '~c': 1 } }, '/a~1b/~0c'>>().toEqualTypeOf<1>()
  })

  test('3. names the first segment that does not exist', () => {
    expectTypeOf<ResolvePath<QueryResponse, '/idz'>>().toEqualTypeOf<InvalidPath<'idz'>>()
    expectTypeOf<ResolvePath<GetResponse<Thread>, '/list/*/subject'>>().toEqualTypeOf<
      InvalidPath<'subject'>
    >()
    expectTypeOf<ResolvePath<QueryResponse, 'ids'>>().toEqualTypeOf<InvalidPath<'ids'>>()
  })

  test('while a path is being typed, the members and item members are offered', () => {
    type Offered = CheckedPath<GetResponse<Thread>, 'Thread/get', string>
    expectTypeOf<'/list/*/emailIds'>().toMatchTypeOf<Offered>()
    expectTypeOf<'/notFound'>().toMatchTypeOf<Offered>()
    expectTypeOf<'/nope'>().not.toMatchTypeOf<Offered>()
  })
})
