import { defineCapability, type ResponseSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { describe, test } from 'vitest'
import { z } from 'zod'

// A capability author's witness: the response the compiler promises to callers.
interface Note {
  readonly id: string
  readonly title: string
}
interface NoteGetMethod {
  readonly capability: 'urn:example:notes'
  readonly args: { readonly accountId: string }
  readonly response: { readonly accountId: string; readonly list: Note[] }
  readonly '~args': unknown
}
interface NotesMethods {
  'Note/get': NoteGetMethod
}
const urn = 'urn:example:notes'

describe('a method schema is tied to the declared response', () => {
  test('a valibot schema whose output is the declared response compiles', () => {
    defineCapability<typeof urn, NotesMethods>({
      urn,
      methods: {
        'Note/get': {
          response: v.object({
            accountId: v.string(),
            list: v.array(v.object({ id: v.string(), title: v.string() })),
          }),
        },
      },
    })
  })

  test('a zod schema (any Standard Schema validator) compiles the same', () => {
    defineCapability<typeof urn, NotesMethods>({
      urn,
      methods: {
        'Note/get': {
          response: z.object({
            accountId: z.string(),
            list: z.array(z.object({ id: z.string(), title: z.string(), pinned: z.boolean() })),
          }),
        },
      },
    })
  })

  test('a factory of the call arguments is checked like a schema', () => {
    defineCapability<typeof urn, NotesMethods>({
      urn,
      methods: {
        'Note/get': {
          response: () =>
            v.object({
              accountId: v.string(),
              list: v.array(v.object({ id: v.string(), title: v.string() })),
            }),
        },
      },
    })
  })

  test('an erased schema (ResponseSchema, output any) is accepted unchecked', () => {
    const erased: ResponseSchema = v.looseObject({})
    defineCapability<typeof urn, NotesMethods>({
      urn,
      methods: { 'Note/get': { response: erased } },
    })
  })

  test('a valibot schema whose output contradicts the declared type does not compile', () => {
    defineCapability<typeof urn, NotesMethods>({
      urn,
      methods: {
        'Note/get': {
          // @ts-expect-error: title is a number in the schema, a string in the witness
          response: v.object({
            accountId: v.string(),
            list: v.array(v.object({ id: v.string(), title: v.number() })),
          }),
        },
      },
    })
  })

  test('a zod schema whose output contradicts the declared type does not compile', () => {
    defineCapability<typeof urn, NotesMethods>({
      urn,
      methods: {
        'Note/get': {
          // @ts-expect-error: title is a number in the schema, a string in the witness
          response: z.object({
            accountId: z.string(),
            list: z.array(z.object({ id: z.string(), title: z.number() })),
          }),
        },
      },
    })
  })

  test('a schema that lets a required member be absent does not compile', () => {
    defineCapability<typeof urn, NotesMethods>({
      urn,
      methods: {
        'Note/get': {
          // @ts-expect-error: accountId may be undefined in the schema, never in the witness
          response: v.object({
            accountId: v.optional(v.string()),
            list: v.array(v.object({ id: v.string(), title: v.string() })),
          }),
        },
      },
    })
  })

  test('a factory whose schema contradicts the declared type does not compile', () => {
    defineCapability<typeof urn, NotesMethods>({
      urn,
      methods: {
        'Note/get': {
          // @ts-expect-error: the factory's schema makes list a record, the witness an array
          response: () =>
            v.object({ accountId: v.string(), list: v.record(v.string(), v.string()) }),
        },
      },
    })
  })
})
