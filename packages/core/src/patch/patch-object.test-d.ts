import type {
  Id,
  PatchObject,
  PatchPath,
  PatchTarget,
  PatchValue,
  UnknownPatchSegment,
} from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'

interface Thing {
  readonly id: Id
  readonly name: string
  readonly tags: Record<string, true>
  readonly owners: Record<Id, true>
  readonly address: { readonly city: string; readonly zip: string | null } | null
  readonly list: string[]
}

describe('PatchObject', () => {
  test('allows top-level properties, map members and nested record members', () => {
    const patch: PatchObject<Thing> = {
      name: 'x',
      'tags/urgent': true,
      'tags/old': null,
      'owners/u1': true,
      'address/city': 'Paris',
      list: ['a'],
    }
    expectTypeOf(patch).toMatchTypeOf<object>()
  })

  test('a value at a path has the type found there, or null', () => {
    expectTypeOf<PatchValue<Thing, 'tags/x'>>().toEqualTypeOf<true | null>()
    expectTypeOf<PatchValue<Thing, 'address/zip'>>().toEqualTypeOf<string | null>()
    expectTypeOf<'address/city'>().toMatchTypeOf<PatchPath<Thing>>()
  })

  test('9. a path that does not exist, or into an array, does not compile', () => {
    // @ts-expect-error: Thing has no 'nmae'
    const typo: PatchObject<Thing> = { nmae: 'x' }
    // @ts-expect-error: RFC 8620 forbids pointing into arrays
    const index: PatchObject<Thing> = { 'list/0': 'a' }
    // @ts-expect-error: 'address/country' does not exist
    const deep: PatchObject<Thing> = { 'address/country': 'FR' }
    // @ts-expect-error: tags members are `true`
    const value: PatchObject<Thing> = { 'tags/x': false }
    expectTypeOf([typo, index, deep, value]).toBeArray()
  })
})

interface Meeting {
  readonly title?: string
  readonly participants?: {
    readonly [id: string]: {
      readonly name?: string
      readonly roles?: Readonly<Record<string, true>>
    }
  }
  readonly mailboxIds: Readonly<Record<Id, true>>
}

describe('PatchTarget and PatchValue walk a path segment by segment', () => {
  test('each depth of a map path takes the type found there', () => {
    expectTypeOf<PatchValue<Meeting, 'participants/p1'>>().toEqualTypeOf<{
      readonly name?: string
      readonly roles?: Readonly<Record<string, true>>
    } | null>()
    expectTypeOf<PatchValue<Meeting, 'participants/p1/name'>>().toEqualTypeOf<
      string | undefined | null
    >()
    expectTypeOf<PatchValue<Meeting, 'participants/p1/roles/chair'>>().toEqualTypeOf<true | null>()
    expectTypeOf<PatchValue<Meeting, 'mailboxIds/M1'>>().toEqualTypeOf<true | null>()
  })

  test('a standalone PatchObject takes every depth below a map entry', () => {
    const patch: PatchObject<Meeting> = {
      'participants/p1/name': 'Ada',
      'participants/p1/roles/chair': true,
      'participants/p1/roles/owner': null,
      'participants/p2': { name: 'Bob' },
      'participants/p3': null,
      'mailboxIds/M1': true,
    }
    expectTypeOf(patch).toMatchTypeOf<object>()
    // The entries' key also matches every path below an entry, so it takes those values too.
    expectTypeOf<PatchValue<Meeting, `participants/${string}`>>().toEqualTypeOf<
      | {
          readonly name?: string
          readonly roles?: Readonly<Record<string, true>>
        }
      | string
      | undefined
      | Readonly<Record<string, true>>
      | true
      | null
    >()
  })

  test('a standalone PatchObject refuses a value that fits nothing at its depth', () => {
    // @ts-expect-error: a participant's name is a string
    const name: PatchObject<Meeting> = { 'participants/p1/name': 5 }
    // @ts-expect-error: a role is set with true or removed with null, never false
    const role: PatchObject<Meeting> = { 'participants/p1/roles/chair': false }
    // @ts-expect-error: a participant is an object, and no value below one is a number
    const entry: PatchObject<Meeting> = { 'participants/p1': 5 }
    expectTypeOf([name, role, entry]).toBeArray()
  })

  test('a path that leaves the object names its first wrong segment', () => {
    expectTypeOf<PatchTarget<Meeting, 'participants/p1/rolez'>>().toEqualTypeOf<
      UnknownPatchSegment<'rolez'>
    >()
    expectTypeOf<PatchTarget<Meeting, 'title/length'>>().toEqualTypeOf<
      UnknownPatchSegment<'length'>
    >()
    expectTypeOf<PatchValue<Meeting, 'participants/p1/roles/chair/x'>>().toBeNever()
  })
})
