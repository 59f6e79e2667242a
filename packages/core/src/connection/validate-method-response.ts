import * as v from 'valibot'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import type { Invocation } from '../protocol/request.js'
import { issuePath } from './issue-path.js'

/**
 * Checks one method response's arguments against a valibot schema and returns
 * the parsed value; on a mismatch throws a {@link ResponseValidationError}
 * naming the call and the path (`Email/get (call c1) at arguments.list[3].id`).
 * Typed wrappers call this with each method's response schema.
 *
 * @see RFC 8620 §3.4
 * @example const parsed = validateMethodResponse(emailGetResponseSchema, invocation, { url, methodName: 'Email/get' })
 */
export function validateMethodResponse<TOutput>(
  schema: v.GenericSchema<unknown, TOutput>,
  invocation: Invocation,
  context: { readonly url: string; readonly methodName?: string },
): TOutput {
  const parsed = v.safeParse(schema, invocation[1])
  if (parsed.success) return parsed.output
  const issue = parsed.issues[0]
  throw new ResponseValidationError(
    issue.message,
    {
      url: context.url,
      path: issuePath(issue.path, 'arguments'),
      methodName: context.methodName ?? invocation[0],
      callId: invocation[2],
    },
    { cause: new v.ValiError(parsed.issues) },
  )
}
