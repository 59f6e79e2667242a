import { isJsonObject, type JsonObject } from '../json.js'
import { evaluateJmapPointer } from './json-pointer.js'
import { MethodError } from './method-error.js'

/** One response already produced in the current request: `[name, args, callId]`. */
export type ResponseInvocation = [name: string, args: JsonObject, methodCallId: string]

/**
 * Replaces every `#name` argument by the value its ResultReference points at.
 * Throws `invalidArguments` when both `name` and `#name` are sent, and
 * `invalidResultReference` when a reference does not resolve.
 *
 * @see RFC 8620 §3.7
 * @example resolveResultReferences({ "#ids": { resultOf: "c0", name: "Email/query", path: "/ids" } }, responses)
 *   // { ids: ["M1", "M2"] }
 */
export function resolveResultReferences(
  args: JsonObject,
  earlierResponses: readonly ResponseInvocation[],
): JsonObject {
  const resolved: JsonObject = {}
  for (const [key, value] of Object.entries(args)) {
    if (!key.startsWith('#')) {
      resolved[key] = value
      continue
    }
    const name = key.slice(1)
    if (Object.hasOwn(args, name)) {
      throw new MethodError('invalidArguments', `both "${name}" and "#${name}" were given`)
    }
    if (
      !isJsonObject(value) ||
      typeof value.resultOf !== 'string' ||
      typeof value.name !== 'string' ||
      typeof value.path !== 'string'
    ) {
      throw new MethodError('invalidResultReference', `"#${name}" is not a ResultReference`)
    }
    const target = earlierResponses.find((response) => response[2] === value.resultOf)
    if (target === undefined) {
      throw new MethodError(
        'invalidResultReference',
        `no earlier response has method call id "${value.resultOf}"`,
      )
    }
    if (target[0] !== value.name) {
      throw new MethodError(
        'invalidResultReference',
        `the response to "${value.resultOf}" is "${target[0]}", not "${value.name}"`,
      )
    }
    const result = evaluateJmapPointer(target[1], value.path)
    if (!result.found) {
      throw new MethodError(
        'invalidResultReference',
        `path "${value.path}" does not resolve in the "${target[0]}" response`,
      )
    }
    resolved[name] = result.value
  }
  return resolved
}
