import type { CallFailure } from '../builder/call-result.js'
import { MethodCallError } from '../method-errors/method-call-error.js'

/**
 * The `MethodCallError` that `client.request` would throw for a failed call,
 * for helpers that read results settled (to keep some errors as values).
 */
export function methodCallFailure(failure: CallFailure, results: unknown): MethodCallError {
  return new MethodCallError({
    error: failure.error,
    method: failure.method,
    callId: failure.callId,
    results,
    responses: failure.responses,
  })
}
