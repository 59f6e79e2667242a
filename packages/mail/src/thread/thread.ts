import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * A conversation: the ids of its Emails, oldest first by `receivedAt`.
 *
 * @see RFC 8621 §3
 * @example { "id": "f123u4", "emailIds": ["eaa623", "f782cbb"] }
 */
export interface Thread {
  readonly id: Id
  readonly emailIds: readonly Id[]
}

/**
 * The schema of each Thread property.
 *
 * @see RFC 8621 §3
 */
export const threadPropertySchemas: PropertySchemas<Thread> = {
  id: IdSchema,
  emailIds: v.array(IdSchema),
}

/**
 * Validates a Thread; unknown properties are kept.
 *
 * @see RFC 8621 §3
 */
export const ThreadSchema: v.GenericSchema<unknown, Thread> = v.looseObject(threadPropertySchemas)
