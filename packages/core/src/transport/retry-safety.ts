import type { JmapRequest } from '../protocol/request.js'

// Method suffixes that never change server state (RFC 8620 §5, RFC 8621, RFC 9670).
const readOnlySuffixes = new Set([
  'get',
  'changes',
  'query',
  'queryChanges',
  'echo',
  'parse',
  'lookup',
  'getAvailability',
])

// Writes whose effect a retry cannot repeat when they carry `ifInState`: the
// second attempt meets a new state and fails with `stateMismatch`.
const stateGuardedSuffixes = new Set(['set', 'copy', 'import'])

/**
 * Tells whether a request may be sent again after a failure without risking a
 * duplicated write: every call is read-only, or every write is a `/set`,
 * `/copy` or `/import` guarded by `ifInState`. Unknown methods count as writes.
 *
 * @see RFC 8620 §5.3
 * @example isRetrySafe({ using: [], methodCalls: [['Email/get', { accountId: 'a' }, 'c0']] }) // true
 */
export function isRetrySafe(request: JmapRequest): boolean {
  for (const [name, args] of request.methodCalls) {
    const suffix = name.slice(name.indexOf('/') + 1)
    if (readOnlySuffixes.has(suffix)) continue
    // Send-like methods have no state guard at all (MDN/send, Blob/copy is
    // guarded below only if it had ifInState, which it does not define).
    if (name === 'Blob/copy' || name === 'MDN/send') return false
    if (stateGuardedSuffixes.has(suffix) && typeof args.ifInState === 'string') continue
    return false
  }
  return true
}
