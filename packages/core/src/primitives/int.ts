import * as v from 'valibot'
import { parsePrimitive } from './parse-primitive.js'

/**
 * A JMAP `Int`: an integer in -2^53+1 … 2^53-1 (a safe JS integer).
 *
 * @see RFC 8620 §1.3
 * @example -20
 */
export type Int = number & v.Brand<'Int'>

/**
 * The valibot schema of {@link Int}.
 *
 * @see RFC 8620 §1.3
 * @example v.parse(IntSchema, -3)
 */
export const IntSchema: v.GenericSchema<unknown, Int> = v.pipe(
  v.number(),
  v.check(
    (value: number) => Number.isSafeInteger(value),
    'an Int is an integer between -2^53+1 and 2^53-1',
  ),
  v.brand('Int'),
)

/**
 * Checks a number and returns it as an {@link Int}.
 *
 * @throws InvalidPrimitiveError when `value` is not a safe integer.
 * @see RFC 8620 §1.3
 * @example Int(-3)
 */
export function Int(value: number): Int {
  return parsePrimitive('Int', IntSchema, value)
}
