import * as v from 'valibot'

function isTrueSet(value: unknown): value is Readonly<Record<string, true>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every((member) => member === true)
}

/**
 * Validates a JMAP set written as an object whose every value is `true`
 * (`mailboxIds`, `keywords`).
 *
 * Unlike `v.record`, it keeps every key, `__proto__` and `constructor` included: both are
 * legal keywords and ids, and the object from `JSON.parse` holds them as own properties,
 * so returning it unchanged pollutes nothing.
 *
 * @see RFC 8621 §4.1.1
 * @example v.parse(trueSetSchema, { "$seen": true })
 */
export const trueSetSchema: v.GenericSchema<unknown, Readonly<Record<string, true>>> = v.custom<
  Readonly<Record<string, true>>
>(isTrueSet, 'a set is an object whose values are all true')
