import * as v from 'valibot'
import { parsePrimitive } from './parse-primitive.js'

/**
 * A JMAP `UnsignedInt`: an integer in 0 … 2^53-1.
 *
 * @see RFC 8620 §1.3
 * @example 42
 */
export type UnsignedInt = number & v.Brand<'UnsignedInt'>

/**
 * The valibot schema of {@link UnsignedInt}.
 *
 * @see RFC 8620 §1.3
 * @example v.parse(UnsignedIntSchema, 42)
 */
// `v.check` rather than safeInteger/minValue: the same messages, two valibot functions
// fewer in an app's bundle.
export const UnsignedIntSchema: v.GenericSchema<unknown, UnsignedInt> = v.pipe(
  v.number(),
  v.check((value: number) => Number.isSafeInteger(value), 'an UnsignedInt is an integer'),
  v.check((value) => value >= 0, 'an UnsignedInt is not negative'),
  v.brand('UnsignedInt'),
)

/**
 * Checks a number and returns it as an {@link UnsignedInt}.
 *
 * @throws InvalidPrimitiveError when `value` is negative or not a safe integer.
 * @see RFC 8620 §1.3
 * @example UnsignedInt(42)
 */
export function UnsignedInt(value: number): UnsignedInt {
  return parsePrimitive('UnsignedInt', UnsignedIntSchema, value)
}
