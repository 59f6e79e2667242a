import * as v from 'valibot'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import type { Invocation } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import { issuePath } from './issue-path.js'

const invocationSchema = v.tuple([v.string(), v.looseObject({}), v.string()])

const envelopeSchema = v.looseObject({
  methodResponses: v.array(invocationSchema),
  sessionState: v.string(),
  createdIds: v.exactOptional(v.record(v.string(), v.string())),
})

const errorArgumentsSchema = v.looseObject({ type: v.string() })

/**
 * Checks that a response body is a JMAP Response object: `methodResponses` of
 * `[name, arguments, callId]` triples, a `sessionState`, and an `error` response
 * always carrying a string `type` (unknown types and extra members pass).
 * The error names the offending call and the path.
 *
 * @see RFC 8620 §3.4
 * @example validateResponseEnvelope(body, { url, calls: request.methodCalls })
 */
export function validateResponseEnvelope(
  body: unknown,
  context: { readonly url: string; readonly calls: readonly Invocation[] },
): JmapResponse {
  const parsed = v.safeParse(envelopeSchema, body)
  if (!parsed.success) {
    const issue = parsed.issues[0]
    const index = issue.path?.[0]?.key === 'methodResponses' ? issue.path[1]?.key : undefined
    const culprit = typeof index === 'number' ? culpritCall(body, index, context.calls) : undefined
    throw new ResponseValidationError(
      issue.message,
      { url: context.url, path: issuePath(issue.path, 'response'), ...culprit },
      { cause: new v.ValiError(parsed.issues) },
    )
  }
  const response = parsed.output as JmapResponse
  response.methodResponses.forEach(([name, args], index) => {
    if (name !== 'error') return
    const error = v.safeParse(errorArgumentsSchema, args)
    if (!error.success) {
      throw new ResponseValidationError(
        `method error without a string type: ${error.issues[0].message}`,
        {
          url: context.url,
          path: `response.methodResponses[${index}][1].type`,
          ...culpritCall(body, index, context.calls),
        },
      )
    }
  })
  return response
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
