import * as v from 'valibot'
import { parsePrimitive } from './parse-primitive.js'

/**
 * A JMAP identifier: 1–255 characters from the base64url alphabet, branded so
 * that an arbitrary string cannot be passed where the server expects an id.
 *
 * @see RFC 8620 §1.2
 * @example "Mf0b1a2c3d"
 */
export type Id = string & v.Brand<'Id'>

/**
 * The valibot schema of {@link Id}.
 *
 * @see RFC 8620 §1.2
 * @example v.parse(IdSchema, 'M123') // 'M123' as Id
 */
// Checks with `v.check` rather than minLength/maxLength/regex: the same messages, and
// one valibot function in an app's bundle where there were three (see the dates too).
// The alphabet is written out here as in `isId` (is-id.ts), not imported from there:
// the request path imports is-id.ts and the on-demand push code this module, and a
// module both import would be a chunk of its own in esbuild's output.
export const IdSchema: v.GenericSchema<unknown, Id> = v.pipe(
  v.string(),
  v.check((id) => id.length > 0, 'an Id has at least 1 character'),
  v.check((id) => id.length <= 255, 'an Id has at most 255 characters'),
  v.check((id) => /^[A-Za-z0-9_-]+$/.test(id), 'an Id uses only A-Z a-z 0-9 _ and -'),
  v.brand('Id'),
)

/**
 * Checks a string and returns it as an {@link Id}.
 *
 * @throws InvalidPrimitiveError when `value` is not a valid Id.
 * @see RFC 8620 §1.2
 * @example Id('M123') // "M123"
 */
export function Id(value: string): Id {
  return parsePrimitive('Id', IdSchema, value)
}
