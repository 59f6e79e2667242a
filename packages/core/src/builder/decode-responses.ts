import { issuePath } from '../connection/issue-path.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import type { MethodError } from '../method-errors/method-error.js'
import { methodErrorProblem } from '../method-errors/method-error-problem.js'
import type { Invocation } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import type { ResponseValidator } from '../registry/method-runtime.js'
import { validateWithSchema } from '../registry/validate-with-schema.js'
import { CallHandleImpl } from './call-handle-impl.js'
import type { CallResult } from './call-result.js'
import { ImplicitCallHandleImpl } from './implicit-call-handle-impl.js'
import type { MethodEntry } from './method-table.js'
import { type BuiltCall, wireArguments } from './request-builder-impl.js'

function schemaFor(entry: MethodEntry, args: Readonly<Record<string, unknown>>): ResponseValidator {
  const response = entry.runtime.response
  return typeof response === 'function' ? response(args) : response
}

/**
 * Checks every method response with its method's schema (the schema built
 * from the call's arguments for a `/get`), and groups responses by call id.
 * With `validate` off the responses are only grouped. Validators loaded on
 * demand (`loadResponse`) are loaded first.
 *
 * @see RFC 8620 §3.4
 */
export async function decodeResponses(
  response: JmapResponse,
  calls: readonly BuiltCall[],
  methods: ReadonlyMap<string, MethodEntry>,
  options: { readonly validate: boolean; readonly url: string },
): Promise<Map<string, Invocation[]>> {
  if (options.validate) {
    await Promise.all(
      response.methodResponses.map(([name]) => methods.get(name)?.runtime.loadResponse?.()),
    )
  }
  const callsById = new Map(calls.map((call) => [call.callId, call]))
  const byCallId = new Map<string, Invocation[]>()
  response.methodResponses.forEach((invocation, index) => {
    const [name, args, callId] = invocation
    const group = byCallId.get(callId) ?? []
    const call = callsById.get(callId)
    if (group.length === 0 && call !== undefined && name !== 'error' && name !== call.method) {
      throw new ResponseValidationError(`expected the response of ${call.method}, got ${name}`, {
        url: options.url,
        path: `methodResponses[${index}][0]`,
        methodName: call.method,
        callId,
      })
    }
    let checked = args
    if (options.validate && name === 'error') {
      const problem = methodErrorProblem(args, [])
      if (problem !== undefined) {
        throw new ResponseValidationError(problem.message, {
          url: options.url,
          path: issuePath(problem.path, `methodResponses[${index}][1]`),
          methodName: name,
          callId,
        })
      }
    }
    const entry = name === 'error' || !options.validate ? undefined : methods.get(name)
    if (entry !== undefined) {
      const schema = schemaFor(entry, group.length === 0 && call ? wireArguments(call.args) : {})
      const result = validateWithSchema(schema, args)
      if (!result.ok) {
        throw new ResponseValidationError(
          result.message,
          {
            url: options.url,
            path: `methodResponses[${index}][1]${result.path}`,
            methodName: name,
            callId,
          },
          { cause: result.issues },
        )
      }
      checked = result.value as Record<string, unknown>
    }
    group.push([name, checked, callId])
    byCallId.set(callId, group)
  })
  return byCallId
}

function missing(callId: string, method: string, url: string): ResponseValidationError {
  return new ResponseValidationError('the server sent no response for this call', {
    url,
    path: 'methodResponses',
    methodName: method,
    callId,
  })
}

/** The result of one handle, from the responses grouped by call id. */
export function resultOf(
  handle: CallHandleImpl | ImplicitCallHandleImpl,
  byCallId: ReadonlyMap<string, Invocation[]>,
  url: string,
): CallResult<unknown> {
  const responses = byCallId.get(handle.callId) ?? []
  const first = responses[0]
  if (handle instanceof ImplicitCallHandleImpl) {
    const found = responses.slice(1).find(([name]) => name === handle.method)
    return {
      ok: true,
      method: handle.method,
      callId: handle.callId,
      response: found?.[1],
      responses,
    }
  }
  if (first === undefined) throw missing(handle.callId, handle.method, url)
  if (first[0] === 'error') {
    return {
      ok: false,
      method: handle.method,
      callId: handle.callId,
      error: first[1] as unknown as MethodError,
      responses,
    }
  }
  return { ok: true, method: handle.method, callId: handle.callId, response: first[1], responses }
}

function isHandle(value: unknown): value is CallHandleImpl | ImplicitCallHandleImpl {
  return value instanceof CallHandleImpl || value instanceof ImplicitCallHandleImpl
}

/**
 * Replaces each handle in what the builder callback returned (the value
 * itself, or one level inside an array or plain object) with `map(handle)`.
 */
export function mapHandles(
  returned: unknown,
  map: (handle: CallHandleImpl | ImplicitCallHandleImpl) => unknown,
): unknown {
  if (isHandle(returned)) return map(returned)
  if (Array.isArray(returned)) return returned.map((item) => (isHandle(item) ? map(item) : item))
  if (
    typeof returned === 'object' &&
    returned !== null &&
    Object.getPrototypeOf(returned) === Object.prototype
  ) {
    return Object.fromEntries(
      Object.entries(returned).map(([key, item]) => [key, isHandle(item) ? map(item) : item]),
    )
  }
  return returned
}
