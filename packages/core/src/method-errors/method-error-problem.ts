import {
  describeValue,
  type JsonKeys,
  type JsonShapeProblem,
  problemAt,
  stringProblem,
} from '../connection/json-shape.js'

/**
 * What is wrong with a method error's arguments, or `undefined`: they carry a
 * string `type` and may carry a string (or `null`) `description`; other
 * members pass.
 *
 * @see RFC 8620 §3.6.2
 * @example methodErrorProblem({ description: 'x' }, [])?.message // "method error without a string type (got undefined)"
 */
export function methodErrorProblem(
  args: Record<string, unknown>,
  keys: JsonKeys,
): JsonShapeProblem | undefined {
  if (typeof args.type !== 'string') {
    return problemAt(
      [...keys, 'type'],
      `method error without a string type (got ${describeValue(args.type)})`,
    )
  }
  return args.description === undefined || args.description === null
    ? undefined
    : stringProblem(args.description, [...keys, 'description'])
}
