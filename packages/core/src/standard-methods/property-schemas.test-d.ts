import { type Id, IdSchema, type PropertySchemas } from '@typed-jmap/core'
import * as v from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'

interface Label {
  readonly id: Id
  readonly name: string
  readonly color: string | null
  readonly sortOrder?: number
}

describe('PropertySchemas', () => {
  test('one schema per property, an optional one included, builds the object schema', () => {
    const labelPropertySchemas: PropertySchemas<Label> = {
      id: IdSchema,
      name: v.string(),
      color: v.nullable(v.string()),
      sortOrder: v.number(),
    }
    const LabelSchema = v.looseObject(labelPropertySchemas)
    expectTypeOf<v.InferOutput<typeof LabelSchema>['name']>().toEqualTypeOf<string>()
  })

  test('a schema whose output is narrower than the property is accepted (it never yields null)', () => {
    const narrower: PropertySchemas<Label> = {
      id: IdSchema,
      name: v.picklist(['a', 'b']),
      color: v.string(),
      sortOrder: v.number(),
    }
    expectTypeOf(narrower.color).toEqualTypeOf<v.GenericSchema<unknown, string | null>>()
  })

  test('a missing property is an error, an optional one too', () => {
    // @ts-expect-error: `color` has no schema
    const missing: PropertySchemas<Label> = {
      id: IdSchema,
      name: v.string(),
      sortOrder: v.number(),
    }
    // @ts-expect-error: `sortOrder` is optional on the record, but still needs its schema
    const optional: PropertySchemas<Label> = {
      id: IdSchema,
      name: v.string(),
      color: v.nullable(v.string()),
    }
    expectTypeOf(missing).not.toBeNever()
    expectTypeOf(optional).not.toBeNever()
  })

  test('an extra property and a schema of another type are errors', () => {
    const extra: PropertySchemas<Label> = {
      id: IdSchema,
      name: v.string(),
      color: v.nullable(v.string()),
      sortOrder: v.number(),
      // @ts-expect-error: Label has no `icon`
      icon: v.string(),
    }
    const wrongType: PropertySchemas<Label> = {
      id: IdSchema,
      // @ts-expect-error: `name` is a string, not a number
      name: v.number(),
      color: v.nullable(v.string()),
      sortOrder: v.number(),
    }
    expectTypeOf([extra, wrongType]).not.toBeNever()
  })
})
