import type { Id } from './id.js'

// Its own module, apart from `IdSchema`: the request path checks ids with it on
// every request, and importing the schema's module would bring valibot along.

/** The base64url alphabet an {@link Id} is written in. */
export const idAlphabet: RegExp = /^[A-Za-z0-9_-]+$/

/**
 * Tells, cheaply and without throwing, whether a value is a valid {@link Id}:
 * a string of 1–255 base64url characters. The connection checks caller-supplied
 * ids with it before sending.
 *
 * @see RFC 8620 §1.2
 * @example isId('M123') // true; isId('') // false
 */
export function isId(value: unknown): value is Id {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= 255 && idAlphabet.test(value)
  )
}
