import type { Id } from '../primitives/id.js'

/**
 * A JMAP record: every data type served by the standard methods has an `id`.
 *
 * @see RFC 8620 §5.1
 * @example { "id": "M1" }
 */
export interface Identified {
  /** The server-assigned id of the record. */
  readonly id: Id
}
