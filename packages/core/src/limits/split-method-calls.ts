import { LimitError } from '../errors/limit-error.js'
import type { Invocation } from '../protocol/request.js'

function referencedCallIds(args: Record<string, unknown>): string[] {
  const ids: string[] = []
  for (const key in args) {
    if (!key.startsWith('#')) continue
    const reference = args[key]
    if (typeof reference === 'object' && reference !== null && 'resultOf' in reference) {
      const resultOf = (reference as { resultOf: unknown }).resultOf
      if (typeof resultOf === 'string') ids.push(resultOf)
    }
  }
  return ids
}

/**
 * Splits method calls into consecutive groups of at most `maxCallsInRequest`,
 * keeping order. Refuses with a {@link LimitError} when a call refers by result
 * reference to a call that would land in an earlier group, since a server only
 * resolves references within one request.
 *
 * @see RFC 8620 §3.7
 * @example splitMethodCalls(calls, 50) // [[…50 calls], [the rest]]
 */
export function splitMethodCalls(
  calls: readonly Invocation[],
  maxCallsInRequest: number,
): Invocation[][] {
  if (calls.length <= maxCallsInRequest) return [[...calls]]
  const groups: Invocation[][] = []
  const groupOf = new Map<string, number>()
  calls.forEach((call, index) => {
    const group = Math.floor(index / maxCallsInRequest)
    for (const id of referencedCallIds(call[1])) {
      const target = groupOf.get(id)
      if (target !== undefined && target !== group) {
        throw new LimitError(
          `${calls.length} calls exceed maxCallsInRequest (${maxCallsInRequest}) and cannot be split: call ${call[2]} (${call[0]}) refers to the result of call ${id}, which would go in an earlier request`,
          { limit: 'maxCallsInRequest', maximum: maxCallsInRequest, actual: calls.length },
        )
      }
    }
    groupOf.set(call[2], group)
    const current = groups[group]
    if (current === undefined) groups[group] = [call]
    else current.push(call)
  })
  return groups
}
