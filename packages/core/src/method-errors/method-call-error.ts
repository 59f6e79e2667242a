import type { Invocation } from '../protocol/request.js'
import type { MethodError } from './method-error.js'

/**
 * Thrown by `client.request` when a call of the request answered with a
 * method error (the first one in call order). Every result of the request is
 * attached, so the calls that succeeded are not lost.
 *
 * @see RFC 8620 §3.6.2
 * @example
 * try { await jmap.request(build) } catch (error) {
 *   if (isMethodCallError(error) && error.error.type === 'stateMismatch') retry()
 * }
 */
export class MethodCallError extends Error {
  override readonly name = 'MethodCallError' as const
  /** The method error, as data. */
  declare readonly error: MethodError
  /** The method that failed. */
  declare readonly method: string
  /** The call id of the method that failed. */
  declare readonly callId: string
  /** What `requestSettled` would have returned: every call's result. */
  declare readonly results: unknown
  /** All method responses of the request, validated. */
  declare readonly responses: readonly Invocation[]

  constructor(
    details: {
      error: MethodError
      method: string
      callId: string
      results: unknown
      responses: readonly Invocation[]
    },
    options?: ErrorOptions,
  ) {
    const description = details.error.description ? `: ${details.error.description}` : ''
    super(
      `${details.method} (call ${details.callId}) failed with ${details.error.type}${description}`,
      options,
    )
    this.error = details.error
    this.method = details.method
    this.callId = details.callId
    this.results = details.results
    this.responses = details.responses
  }
}

/**
 * Tells whether a value is a {@link MethodCallError}.
 *
 * @example if (isMethodCallError(error)) console.error(error.error.type)
 */
export function isMethodCallError(error: unknown): error is MethodCallError {
  return error instanceof Error && error.name === 'MethodCallError'
}
