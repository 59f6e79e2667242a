/**
 * Thrown to the test code (never sent on the wire) when the server is used
 * wrongly: seeding into an unknown account, registering a type twice, …
 *
 * @example server.seed.email({ mailbox: 'nope' }) // throws TestServerUsageError
 */
export class TestServerUsageError extends Error {
  override readonly name = 'TestServerUsageError'

  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
  }
}

/**
 * Tells whether a value is a {@link TestServerUsageError}.
 *
 * @example expect(isTestServerUsageError(error)).toBe(true)
 */
export function isTestServerUsageError(value: unknown): value is TestServerUsageError {
  return value instanceof TestServerUsageError
}
