import { isJsonObject, type JsonObject } from '../json.js'
import { isMethodError } from '../protocol/method-error.js'
import { type ResponseInvocation, resolveResultReferences } from '../protocol/result-reference.js'
import type { MethodContext, ServerRuntime } from './server-runtime.js'

/** A request-level failure: the whole request is refused with problem details. */
export interface RequestProblem {
  readonly problem: {
    readonly type: 'unknownCapability' | 'notJSON' | 'notRequest' | 'limit'
    readonly detail: string
    readonly limit?: string
  }
}

/** A processed request: the JMAP Response object. */
export interface ProcessedRequest {
  readonly response: JsonObject
}

function isInvocation(value: unknown): value is [string, JsonObject, string] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'string' &&
    isJsonObject(value[1]) &&
    typeof value[2] === 'string'
  )
}

/**
 * Runs a parsed JMAP Request object: checks its shape, `using` and
 * `maxCallsInRequest`, then every call in order with result references and
 * the request-wide creation-id map.
 *
 * @see RFC 8620 §3.3, §3.4, §3.6, §3.7
 */
export function processRequest(
  runtime: ServerRuntime,
  body: unknown,
): RequestProblem | ProcessedRequest {
  if (
    !isJsonObject(body) ||
    !Array.isArray(body.using) ||
    body.using.some((item) => typeof item !== 'string') ||
    !Array.isArray(body.methodCalls) ||
    !body.methodCalls.every(isInvocation) ||
    (body.createdIds !== undefined &&
      (!isJsonObject(body.createdIds) ||
        Object.values(body.createdIds).some((id) => typeof id !== 'string')))
  ) {
    return { problem: { type: 'notRequest', detail: 'the JSON does not match the Request type' } }
  }
  const unknown = (body.using as string[]).filter((urn) => !runtime.capabilities.has(urn))
  if (unknown.length > 0) {
    return {
      problem: {
        type: 'unknownCapability',
        detail: `the Request object used capability '${unknown[0]}', which is not supported by this server`,
      },
    }
  }
  const calls = body.methodCalls as Array<[string, JsonObject, string]>
  if (calls.length > runtime.limits.maxCallsInRequest) {
    return {
      problem: {
        type: 'limit',
        limit: 'maxCallsInRequest',
        detail: `the request has ${calls.length} method calls; the limit is ${runtime.limits.maxCallsInRequest}`,
      },
    }
  }
  const using = new Set(body.using as string[])
  const createdIds = new Map<string, string>(
    Object.entries((body.createdIds as Record<string, string> | undefined) ?? {}),
  )
  const responses: ResponseInvocation[] = []
  for (const [name, args, callId] of calls) {
    const definition = runtime.methods.get(name)
    if (definition === undefined || !using.has(definition.capability)) {
      responses.push(['error', { type: 'unknownMethod' }, callId])
      continue
    }
    const context: MethodContext = {
      runtime,
      using,
      createdIds,
      callId,
      account: (accountId, capability) => runtime.accountFor(accountId, capability),
    }
    try {
      const resolved = resolveResultReferences(args, responses)
      for (const [responseName, responseArgs] of definition.handler(resolved, context)) {
        responses.push([responseName, responseArgs, callId])
      }
    } catch (error) {
      responses.push(
        isMethodError(error)
          ? ['error', error.toJSON(), callId]
          : ['error', { type: 'serverFail', description: String(error) }, callId],
      )
    }
  }
  runtime.flushStateChanges()
  const response: JsonObject = { methodResponses: responses, sessionState: runtime.sessionState }
  if (body.createdIds !== undefined) response.createdIds = Object.fromEntries(createdIds)
  return { response }
}
