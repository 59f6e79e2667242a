import type * as v from 'valibot'

/**
 * One valibot schema per property of a JMAP data type.
 *
 * Writing a data type's schema as this map (instead of one `v.object`) makes the
 * compiler check every property against the interface in both directions — a
 * missing, extra or differently typed property fails to compile — and lets a
 * `/get` response be validated against exactly the `properties` that were asked for.
 *
 * @example
 * const mailboxPropertySchemas: PropertySchemas<Mailbox> = { id: IdSchema, name: v.string(), … }
 */
export type PropertySchemas<T> = {
  readonly [K in keyof T]-?: v.GenericSchema<unknown, Exclude<T[K], undefined>>
}
