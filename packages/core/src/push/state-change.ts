import * as v from 'valibot'
import { typeTagSchema } from './type-tag.js'

/**
 * A push notification that some data types changed state in some accounts.
 *
 * @see RFC 8620 §7.1
 * @example { "@type": "StateChange", "changed": { "u1": { "Email": "72", "Mailbox": "15" } } }
 */
export interface StateChange {
  readonly '@type': 'StateChange'
  /** accountId → type name → new state string. */
  readonly changed: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** Present on WebSocket pushes: resume from here after a reconnect (RFC 8887 §4.3.5). */
  readonly pushState?: string
}

/**
 * The valibot schema of a {@link StateChange}; extra members are kept.
 *
 * @see RFC 8620 §7.1
 * @example v.parse(stateChangeSchema, JSON.parse(event.data))
 */
// `v.optional`, cast to the interface's `pushState?: string`, rather than `v.exactOptional`:
// parsed JSON has no `undefined` to tell them apart, and the bundle one valibot function less.
export const stateChangeSchema: v.GenericSchema<unknown, StateChange> = v.looseObject({
  '@type': typeTagSchema('StateChange'),
  changed: v.record(v.string(), v.record(v.string(), v.string())),
  pushState: v.optional(v.string()),
}) as v.GenericSchema<unknown, StateChange>
