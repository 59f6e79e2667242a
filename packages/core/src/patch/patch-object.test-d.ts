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
