import * as v from 'valibot'

/**
 * How deep a recursive structure in a response may nest before it is refused
 * (MIME body parts: `subParts` within `subParts`). Real mail nests a handful of
 * levels; a hostile server nesting thousands would overflow the stack of any
 * recursive validator, so the limit is checked first, without recursion.
 */
export const maxResponseNesting = 128

/**
 * Tells, without recursion, whether `value` nests its `childKey` arrays at most
 * `limit` levels deep (the value itself is level 1).
 *
 * @example nestsWithin({ subParts: [{ subParts: null }] }, 'subParts', 1) // false
 */
export function nestsWithin(value: unknown, childKey: string, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next
    if (depth > limit) return false
    if (typeof node !== 'object' || node === null) continue
    const children = (node as Record<string, unknown>)[childKey]
    if (!Array.isArray(children)) continue
    for (const child of children) stack.push([child, depth + 1])
  }
  return true
}

/**
 * Wraps the schema of a recursive structure so that input nested deeper than
 * `limit` levels of `childKey` fails validation (a `ResponseValidationError`
 * for the caller) before the recursive schema runs, instead of overflowing
 * the stack with a `RangeError`.
 *
 * @example const bodyStructureSchema = boundedNesting(EmailBodyPartSchema, 'subParts')
 */
export function boundedNesting<TOutput>(
  schema: v.GenericSchema<unknown, TOutput>,
  childKey: string,
  limit: number = maxResponseNesting,
): v.GenericSchema<unknown, TOutput> {
  return v.pipe(
    v.unknown(),
    v.check(
      (input) => nestsWithin(input, childKey, limit),
      `${childKey} nested more than ${limit} levels deep`,
    ),
    schema,
  )
}
