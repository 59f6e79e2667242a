/**
 * A request-level problem as the server described it (RFC 7807 problem details).
 *
 * @see RFC 8620 §3.6.1
 * @example { "type": "urn:ietf:params:jmap:error:limit", "status": 400, "limit": "maxCallsInRequest" }
 */
export interface ProblemDetails {
  /** `urn:ietf:params:jmap:error:*` or any other URI; unknown types are kept. */
  readonly type: string
  readonly status?: number
  readonly title?: string
  readonly detail?: string
  /** For `urn:ietf:params:jmap:error:limit`: the name of the limit that was hit. */
  readonly limit?: string
  /** Every member the server sent, including extensions. */
  readonly raw: Readonly<Record<string, unknown>>
}

/**
 * Thrown when the server rejects the whole request with problem details, such as
 * `unknownCapability`, `notJSON`, `notRequest` or `limit`.
 *
 * @see RFC 8620 §3.6.1
 * @example
 * if (isRequestProblemError(error) && error.problemType === 'urn:ietf:params:jmap:error:limit') {
 *   console.error(`server limit ${error.limit}`)
 * }
 */
export class RequestProblemError extends Error {
  override readonly name = 'RequestProblemError' as const
  /** The problem's `type` URI. */
  declare readonly problemType: string
  /** The HTTP status of the response (the body's `status` may be missing). */
  declare readonly status: number
  /** The server's `detail`, when given. */
  declare readonly detail: string | undefined
  /** The limit that was exceeded, for `urn:ietf:params:jmap:error:limit`. */
  declare readonly limit: string | undefined
  /** The parsed problem details. */
  declare readonly problem: ProblemDetails

  constructor(problem: ProblemDetails, httpStatus: number, options?: ErrorOptions) {
    const what = problem.limit === undefined ? '' : ` (${problem.limit})`
    const said = problem.detail ?? problem.title
    super(`${problem.type}${what}${said === undefined ? '' : `: ${said}`}`, options)
    this.problemType = problem.type
    this.status = problem.status ?? httpStatus
    this.detail = problem.detail
    this.limit = problem.limit
    this.problem = problem
  }
}

/**
 * Tells whether a value is a {@link RequestProblemError}.
 *
 * @example if (isRequestProblemError(error)) console.error(error.problemType)
 */
export function isRequestProblemError(value: unknown): value is RequestProblemError {
  return value instanceof RequestProblemError
}
