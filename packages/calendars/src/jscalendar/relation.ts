import * as v from 'valibot'
import { type StringSet, StringSetSchema } from './primitives.js'
import type { VendorProperties } from './vendor-properties.js'

/**
 * How an object relates to another one (`parent`, `child`, `first`, `next`, `snooze`…); empty means parent.
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.10
 * @example { "@type": "Relation", "relation": { "child": true } }
 */
export interface Relation extends VendorProperties {
  '@type'?: 'Relation'
  relation?: StringSet
}

/** Validates a {@link Relation}. @see draft-ietf-calext-jscalendarbis §1.4.10 */
export const RelationSchema: v.GenericSchema<Relation> = v.looseObject({
  '@type': v.exactOptional(v.literal('Relation')),
  relation: v.exactOptional(StringSetSchema),
})
