import * as v from 'valibot'
import { issuePath } from '../connection/issue-path.js'
import type { MethodError } from './method-error.js'
import { methodErrorProblem } from './method-error-problem.js'

/**
 * The valibot schema of a method error's arguments: a `type` string and an
 * optional `description` (a string or `null`), other fields kept. The same
 * check the client makes on every method error (`methodErrorProblem`).
 *
 * @see RFC 8620 §3.6.2
 * @example v.parse(methodErrorSchema, { type: 'serverFail', description: 'disk full' })
 */
export const methodErrorSchema: v.GenericSchema<unknown, MethodError> = v.custom<MethodError>(
  (input) =>
    typeof input === 'object' &&
    input !== null &&
    methodErrorProblem(input as Record<string, unknown>, []) === undefined,
  (issue) => {
    const problem =
      typeof issue.input === 'object' && issue.input !== null
        ? methodErrorProblem(issue.input as Record<string, unknown>, [])
        : undefined
    return problem === undefined
      ? 'a method error is an object'
      : `${issuePath(problem.path, 'arguments')}: ${problem.message}`
  },
)
