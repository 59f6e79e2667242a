/** Which step of getting or using the session failed. */
export type SessionProblem =
  | 'discovery'
  | 'invalid'
  | 'untrustedUrl'
  | 'missingCapability'
  | 'noAccount'
  | 'pushUnavailable'

/**
 * Thrown when the session cannot be fetched or used: discovery failed, the
 * session object is invalid, one of its URLs points at an untrusted origin, the
 * server lacks a capability a call needs, no account has a capability, or push
 * is not offered.
 *
 * @see RFC 8620 §2
 * @example
 * if (isSessionError(error) && error.problem === 'missingCapability') console.error(error.message)
 */
export class SessionError extends Error {
  override readonly name = 'SessionError' as const
  /** What went wrong. */
  declare readonly problem: SessionProblem

  constructor(problem: SessionProblem, message: string, options?: ErrorOptions) {
    super(message, options)
    this.problem = problem
  }
}

/**
 * Tells whether a value is a {@link SessionError}.
 *
 * @example if (isSessionError(error)) console.error(error.problem)
 */
export function isSessionError(value: unknown): value is SessionError {
  return value instanceof SessionError
}
