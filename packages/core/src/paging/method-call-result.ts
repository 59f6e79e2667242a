import type { Invocation } from '../protocol/request.js'

/**
 * A method error as it came back, kept as data (RFC 8620 §3.6.2): its `type`
 * is open, unknown types included.
 *
 * @see RFC 8620 §3.6.2
 * @example { "type": "cannotCalculateChanges" }
 */
export interface RawMethodError {
  readonly type: string
  readonly [member: string]: unknown
}

/**
 * Finds the response to a call id: its arguments, or the method error.
 *
 * @see RFC 8620 §3.4
 * @example responseFor(response.methodResponses, 'c0')
 */
export function responseFor(
  methodResponses: readonly Invocation[],
  callId: string,
): { readonly args: Record<string, unknown> } | { readonly error: RawMethodError } {
  const found = methodResponses.find((invocation) => invocation[2] === callId)
  if (found === undefined) {
    return { error: { type: 'serverFail', description: `no response for call ${callId}` } }
  }
  if (found[0] === 'error') return { error: found[1] as RawMethodError }
  return { args: found[1] }
}
