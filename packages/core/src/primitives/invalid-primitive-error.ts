/**
 * Thrown by a validating constructor (`Id`, `UTCDate`, …) when its input is not
 * a valid value of that JMAP primitive type.
 *
 * @see RFC 8620 §1.2
 * @example Id('has space') // throws InvalidPrimitiveError: 'has space' is not a JMAP Id: …
 */
export class InvalidPrimitiveError extends Error {
  override readonly name = 'InvalidPrimitiveError' as const
  /** The primitive type the input was checked against, e.g. `Id`. */
  readonly primitive: string
  /** The rejected input. */
  readonly input: unknown

  constructor(primitive: string, input: unknown, reason: string, options?: ErrorOptions) {
    super(`${JSON.stringify(input)} is not a JMAP ${primitive}: ${reason}`, options)
    this.primitive = primitive
    this.input = input
  }
}

/**
 * Tells whether a value is an {@link InvalidPrimitiveError}, also across realms.
 *
 * @example if (isInvalidPrimitiveError(error)) console.error(error.primitive)
 */
export function isInvalidPrimitiveError(error: unknown): error is InvalidPrimitiveError {
  return error instanceof Error && error.name === 'InvalidPrimitiveError'
}
