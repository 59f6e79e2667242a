import * as v from 'valibot'

/**
 * The extra member of a `/changes` response whose type has server-set counts
 * (Mailbox, Quota): the properties that changed, when only those did.
 *
 * @see RFC 8621 §2.2
 */
export const updatedPropertiesEntry: v.ObjectEntries = {
  updatedProperties: v.nullish(v.array(v.string()), null),
}
