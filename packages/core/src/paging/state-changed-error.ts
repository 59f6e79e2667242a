/**
 * Thrown when the server's state moved while a helper was reading in several
 * steps: the `queryState` changed between two pages of a `/query`, or the
 * `state` differed between the chunks of a `/get`. The pieces read so far do
 * not fit together; start again (or use `/queryChanges`).
 *
 * @see RFC 8620 §5.5
 * @example
 * if (isStateChangedError(error)) restartPaging() // error.expectedState !== error.actualState
 */
export class StateChangedError extends Error {
  override readonly name = 'StateChangedError' as const
  /** The method whose state moved, e.g. `Email/query`. */
  readonly method: string
  /** The state of the first page or chunk. */
  readonly expectedState: string
  /** The state the server reported later. */
  readonly actualState: string

  constructor(
    details: { method: string; expectedState: string; actualState: string; where: string },
    options?: ErrorOptions,
  ) {
    super(
      `${details.method}: the state changed from ${details.expectedState} to ${details.actualState} ${details.where}; the results read so far are inconsistent, start again`,
      options,
    )
    this.method = details.method
    this.expectedState = details.expectedState
    this.actualState = details.actualState
  }
}

/**
 * Tells whether a value is a {@link StateChangedError}.
 *
 * @example if (isStateChangedError(error)) console.error(error.method, error.actualState)
 */
export function isStateChangedError(value: unknown): value is StateChangedError {
  return value instanceof StateChangedError
}
