import { ResponseValidationError } from '../errors/response-validation-error.js'
import { methodErrorProblem } from '../method-errors/method-error-problem.js'
import type { Invocation } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import { issuePath } from './issue-path.js'
import {
  expected,
  firstProblemIn,
  isJsonObject,
  type JsonKeys,
  type JsonShapeProblem,
  objectOfProblem,
  stringProblem,
} from './json-shape.js'

function invocationProblem(value: unknown, keys: JsonKeys): JsonShapeProblem | undefined {
  if (!Array.isArray(value)) return expected(keys, 'a [name, arguments, call id] array', value)
  const [name, args] = value
  if (!isJsonObject(args)) return expected([...keys, 1], 'an object', args)
  return (
    stringProblem(name, [...keys, 0]) ??
    stringProblem(value[2], [...keys, 2]) ??
    (name === 'error' ? methodErrorProblem(args, [...keys, 1]) : undefined)
  )
}

function envelopeProblem(body: unknown): JsonShapeProblem | undefined {
  if (!isJsonObject(body)) return expected([], 'an object', body)
  const methodResponses = body.methodResponses
  return (
    (Array.isArray(methodResponses)
      ? firstProblemIn(methodResponses, ['methodResponses'], invocationProblem)
      : expected(['methodResponses'], 'an array', methodResponses)) ??
    stringProblem(body.sessionState, ['sessionState']) ??
    (Object.hasOwn(body, 'createdIds')
      ? objectOfProblem(body.createdIds, ['createdIds'], stringProblem)
      : undefined)
  )
}

/**
 * Checks that a response body is a JMAP Response object: `methodResponses` of
 * `[name, arguments, callId]` triples, a `sessionState`, string `createdIds`
 * when present, and an `error` response always carrying a string `type` (unknown
 * types and extra members pass). Checked by hand, not with valibot (see
 * `json-shape.ts`).
 * The error names the offending call and the path.
 *
 * @see RFC 8620 §3.4
 * @example validateResponseEnvelope(body, { url, calls: request.methodCalls })
 */
export function validateResponseEnvelope(
  body: unknown,
  context: { readonly url: string; readonly calls: readonly Invocation[] },
): JmapResponse {
  const problem = envelopeProblem(body)
  if (problem !== undefined) {
    const [first, second] = problem.path
    const index = first?.key === 'methodResponses' ? second?.key : undefined
    const culprit = typeof index === 'number' ? culpritCall(body, index, context.calls) : undefined
    throw new ResponseValidationError(problem.message, {
      url: context.url,
      path: issuePath(problem.path, 'response'),
      ...culprit,
    })
  }
  return body as unknown as JmapResponse
}

function culpritCall(
  body: unknown,
  index: number,
  calls: readonly Invocation[],
): { methodName: string; callId: string } | undefined {
  // Name the call by the id the response carries; fall back to the request's
  // call at the same position when the triple is too broken to carry one.
  const triple = (body as { methodResponses?: unknown[] }).methodResponses?.[index]
  const callId = Array.isArray(triple) ? triple[2] : undefined
  const call =
    typeof callId === 'string' ? calls.find((candidate) => candidate[2] === callId) : calls[index]
  return call === undefined ? undefined : { methodName: call[0], callId: call[2] }
}
