import * as v from 'valibot'
import type { Id } from '../primitives/id.js'

/**
 * An id as a server echoes it back in a response keyed by the ids the request
 * gave: a record {@link Id}, or the `#creationId` reference the request wrote
 * when the server could not resolve it (its creation failed), e.g. a
 * `notUpdated` key for an update of `#k1` after `k1` was not created.
 *
 * @see RFC 8620 §5.3
 * @example { "notUpdated": { "#k1": { "type": "notFound" } } }
 */
export type EchoedId = Id | `#${string}`

/**
 * The valibot schema of {@link EchoedId}: an Id, or `#` followed by a
 * creation id (both 1–255 base64url characters). Takes a string, so it can
 * check the keys of a record.
 *
 * @see RFC 8620 §1.2, §5.3
 * @example v.parse(EchoedIdSchema, '#k1') // '#k1'
 */
// The regex admits exactly an EchoedId, so the output type is a cast, not a
// `v.transform`: one valibot function fewer in every bundle.
export const EchoedIdSchema: v.GenericSchema<string, EchoedId> = v.pipe(
  v.string(),
  v.check(
    (id) => /^#?[A-Za-z0-9_-]{1,255}$/.test(id),
    'an id here is an Id, or # and a creation id',
  ),
) as v.GenericSchema<string, EchoedId>
