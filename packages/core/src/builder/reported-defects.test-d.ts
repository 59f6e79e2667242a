import {
  type CallOptions,
  type CoreMethods,
  core,
  createClient,
  type EchoedId,
  type Id,
  type JmapClient,
  type PatchObject,
  type PatchPath,
  type SetError,
  type UTCDate,
} from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'

type CoreMethodName = keyof CoreMethods

import { type Folder, regression } from '../../test/support/regression-capability.js'
import { type Todo, todo } from '../../test/support/todo-capability.js'

declare const accountId: string
declare const folderId: Id
declare const memberId: Id
declare const after: UTCDate
declare const before: UTCDate
const jmap = createClient({ sessionUrl: 'https://jmap.example/s', capabilities: [regression] })

describe('1. update accepts computed patch keys (mailboxIds/<id> from a template literal)', () => {
  test('a template-literal key into an Id-keyed map compiles, alone or beside literal keys', () => {
    jmap.prepare((b) =>
      b.call('Folder/set', {
        accountId,
        update: {
          [folderId]: { [`memberIds/${memberId}`]: true },
          [memberId]: { [`memberIds/${folderId}`]: null, name: 'moved', 'flags/seen': true },
        },
      }),
    )
  })

  test('a patch typed with a pattern key compiles; a pattern that is no path does not', () => {
    const move: Readonly<Record<`memberIds/${Id}`, true | null>> = {}
    jmap.prepare((b) => b.call('Folder/set', { accountId, update: { [folderId]: move } }))
    const wrong: Readonly<Record<`memberIdz/${Id}`, true>> = {}
    jmap.prepare((b) =>
      // @ts-expect-error: 'memberIdz/…' is not a patch path of Folder
      b.call('Folder/set', { accountId, update: { [folderId]: wrong } }),
    )
  })

  test('a computed key whose value fits no map member does not compile', () => {
    jmap.prepare((b) =>
      b.call('Folder/set', {
        accountId,
        // @ts-expect-error: map members of Folder (memberIds, flags) take `true` or null, not 5
        update: { [folderId]: { [`memberIds/${memberId}`]: 5 } },
      }),
    )
  })

  test('literal keys are still checked', () => {
    jmap.prepare((b) =>
      // @ts-expect-error: Folder has no 'nmae'
      b.call('Folder/set', { accountId, update: { [folderId]: { nmae: 'x' } } }),
    )
  })
})

describe('2. PatchPath stops at primitives; a PatchObject<T> passes the update check', () => {
  test('no path descends into `true` (no keywords/<member>/valueOf)', () => {
    expectTypeOf<Extract<PatchPath<Todo>, `${string}valueOf${string}`>>().toEqualTypeOf<never>()
    expectTypeOf<Extract<PatchPath<Folder>, `${string}valueOf${string}`>>().toEqualTypeOf<never>()
    expectTypeOf<PatchPath<Folder>>().toEqualTypeOf<
      keyof Folder | `memberIds/${string}` | `flags/${string}` | 'settings/color'
    >()
  })

  test('an update given as PatchObject<T> compiles under exactOptionalPropertyTypes', () => {
    const patch: PatchObject<Folder> = { name: 'x', 'flags/seen': true }
    const todoPatch: PatchObject<Todo> = { title: 'x' }
    jmap.prepare((b) => b.call('Folder/set', { accountId, update: { [folderId]: patch } }))
    const todos = createClient({ sessionUrl: 'https://jmap.example/s', capabilities: [todo] })
    todos.prepare((b) => b.call('Todo/set', { accountId, update: { [folderId]: todoPatch } }))
  })
})

describe('3. a create entry missing a required property does not compile', () => {
  test('the create type of the witness decides what is required', () => {
    jmap.prepare((b) => {
      // @ts-expect-error: FolderCreate requires `name`
      b.call('Folder/set', { accountId, create: { k1: { parentId: null } } })
      // @ts-expect-error: `name` is a string
      b.call('Folder/set', { accountId, create: { k1: { name: 5 } } })
      // @ts-expect-error: unknown properties are still refused
      b.call('Folder/set', { accountId, create: { k1: { name: 'a', colour: 'red' } } })
      return b.call('Folder/set', {
        accountId,
        create: { k1: { name: 'Inbox' }, k2: { name: 'Sub', parentId: folderId } },
      })
    })
  })
})

describe('4. creation ids in onSuccessUpdate… keys', () => {
  test('a creation id of the same call is accepted as a key and as an id', () => {
    jmap.prepare((b) =>
      b.call('Outbox/set', {
        accountId,
        create: { send: { folderId } },
        onSuccessUpdateFolder: { [b.creationId('send')]: { 'flags/sent': true } },
        onSuccessDestroyFolder: [b.creationId('send')],
      }),
    )
  })

  test('an array item naming a creation this call does not make does not compile', () => {
    jmap.prepare((b) =>
      b.call('Outbox/set', {
        accountId,
        create: { send: { folderId } },
        // @ts-expect-error: this Outbox/set creates no 'sned'
        onSuccessDestroyFolder: [b.creationId('sned')],
      }),
    )
    jmap.prepare((b) =>
      // @ts-expect-error: without `create` the call creates nothing
      b.call('Outbox/set', { accountId, onSuccessDestroyFolder: [b.creationId('send')] }),
    )
  })

  test('an item naming a record of an earlier call that this call destroys compiles', () => {
    jmap.prepare((b) => {
      const earlier = b.call('Outbox/set', { accountId, create: { d: { folderId } } })
      return b.call('Outbox/set', {
        accountId,
        destroy: [earlier.created('d')],
        onSuccessDestroyFolder: [earlier.created('d')],
      })
    })
  })

  test('why a map key is not checked by the compiler: a computed key loses its type', () => {
    // `{ [b.creationId('send')]: … }` has key type `'#send' & Id`, not a
    // literal, so TypeScript gives the object a `string` index signature: the
    // name 'send' is gone before any check could compare it with `create`.
    const key = '#send' as `#send` & Id
    const keyed = { [key]: true }
    expectTypeOf(keyed).toEqualTypeOf<{ [x: string]: boolean }>()
  })
})

describe('5. creation ids from maps other than `create` (MDN/send: `send`)', () => {
  test('handle.created reads the arguments the witness names in ~creationArguments', () => {
    jmap.prepare((b) => {
      const sent = b.call('Receipt/send', { accountId, send: { r1: { forFolderId: folderId } } })
      expectTypeOf(sent.created('r1')).toEqualTypeOf<`#r1` & Id>()
      // @ts-expect-error: this Receipt/send creates no 'r2'
      sent.created('r2')
      return sent
    })
  })
})

describe('6. createClient without capabilities', () => {
  test('no capabilities, or an empty list, gives a core-only client', () => {
    const bare = createClient({ sessionUrl: 'https://jmap.example/s' })
    const empty = createClient({ sessionUrl: 'https://jmap.example/s', capabilities: [] })
    const asCore: JmapClient<CoreMethodName> = bare
    expectTypeOf(empty).toEqualTypeOf(bare)
    asCore.prepare((b) => b.call('Core/echo', { ping: 1 }))
    empty.prepare((b) => b.call('Blob/copy', { fromAccountId: 'a', accountId: 'b', blobIds: [] }))
    bare.prepare((b) =>
      // @ts-expect-error: Folder/get needs the regression table
      b.call('Folder/get', { accountId }),
    )
    expectTypeOf(createClient({ sessionUrl: 's', capabilities: [core] })).toEqualTypeOf(bare)
  })

  test('options forwarded with `capabilities: undefined` (exactOptionalPropertyTypes) are accepted', () => {
    const forwarded = (capabilities: readonly [] | undefined) =>
      createClient({ sessionUrl: 'https://jmap.example/s', capabilities, connection: undefined })
    const unset = createClient({ sessionUrl: 'https://jmap.example/s', capabilities: undefined })
    expectTypeOf(unset).toEqualTypeOf<JmapClient<CoreMethodName>>()
    expectTypeOf(forwarded(undefined)).toEqualTypeOf<JmapClient<CoreMethodName>>()
    createClient({
      sessionUrl: 'https://jmap.example/s',
      // @ts-expect-error: still a list of capability tables when given
      capabilities: 'urn:ietf:params:jmap:mail',
    })
  })
})

describe('7. union-typed arguments', () => {
  test('a non-discriminated union: expand: true needs a filter with after and before', () => {
    jmap.prepare((b) => [
      b.call('Event/query', { accountId }),
      b.call('Event/query', { accountId, expand: false, filter: { title: 'x' } }),
      b.call('Event/query', { accountId, expand: true, filter: { after, before } }),
      b.call('Event/query', { accountId, expand: true, filter: { after, before, title: 't' } }),
    ])
    jmap.prepare((b) => [
      // @ts-expect-error: expand: true without before
      b.call('Event/query', { accountId, expand: true, filter: { after } }),
      // @ts-expect-error: expand: true without a filter
      b.call('Event/query', { accountId, expand: true }),
      // @ts-expect-error: 'titel' is not a filter property
      b.call('Event/query', { accountId, filter: { titel: 'x' } }),
      // @ts-expect-error: no such argument in any member
      b.call('Event/query', { accountId, expnd: true }),
    ])
  })

  test('a discriminated union: each kind takes its own arguments', () => {
    jmap.prepare((b) => [
      b.call('Event/search', { accountId, kind: 'text', text: 'lunch' }),
      b.call('Event/search', { accountId, kind: 'range', after, before }),
    ])
    jmap.prepare((b) => [
      // @ts-expect-error: kind 'text' takes no `after`
      b.call('Event/search', { accountId, kind: 'text', after }),
      // @ts-expect-error: kind 'range' needs `before`
      b.call('Event/search', { accountId, kind: 'range', after }),
    ])
  })
})

describe('8. /set error maps are keyed by the id as written, #creationId included', () => {
  test('notUpdated and notDestroyed keys are EchoedId', async () => {
    const made = await jmap.request((b) => b.call('Folder/set', { accountId }))
    expectTypeOf(made.notUpdated).toEqualTypeOf<Record<EchoedId, SetError> | null>()
    expectTypeOf(made.notDestroyed).toEqualTypeOf<Record<EchoedId, SetError> | null>()
    expectTypeOf<`#k1`>().toMatchTypeOf<EchoedId>()
    expectTypeOf(made.notUpdated?.[folderId]).toEqualTypeOf<SetError | undefined>()
  })
})

describe('9. extra capability URNs in using', () => {
  test('a call option takes the URNs', () => {
    expectTypeOf<CallOptions['using']>().toEqualTypeOf<readonly string[] | undefined>()
    jmap.prepare((b) =>
      b.call('Folder/get', { accountId }, { using: ['urn:example:regression:colors'] }),
    )
  })
})
