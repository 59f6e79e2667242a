import type * as v from 'valibot'

/**
 * One valibot schema per property of a JMAP data type: how mail, tasks, contacts and capability
 * authors write a data type's schema.
 *
 * Writing a data type's schema as this map (instead of one `v.object`) makes the compiler check
 * every property against the interface in both directions — a missing, extra or differently typed
 * property fails to compile — and lets core validate a `/get` response against exactly the
 * `properties` that were asked for (it reads the `entries` of the object schema built from it).
 *
 * @see RFC 8620 §5.1
 * @example
 * const mailboxPropertySchemas: PropertySchemas<Mailbox> = { id: IdSchema, name: v.string(), … }
 * const MailboxSchema: v.GenericSchema<unknown, Mailbox> = v.looseObject(mailboxPropertySchemas)
 */
export type PropertySchemas<T> = {
  readonly [K in keyof T]-?: v.GenericSchema<unknown, Exclude<T[K], undefined>>
}
