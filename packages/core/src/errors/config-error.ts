/**
 * Thrown when no connection settings can be found in the environment or a
 * config file, or when a config file is malformed; the message says where it
 * looked.
 *
 * @example
 * if (isConfigError(error)) console.error(error.message)
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError' as const
  /** The places that were looked at, in order. */
  readonly searched: readonly string[]

  constructor(message: string, searched: readonly string[], options?: ErrorOptions) {
    super(message, options)
    this.searched = searched
  }
}

/**
 * Tells whether a value is a {@link ConfigError}.
 *
 * @example if (isConfigError(error)) console.error(error.searched)
 */
export function isConfigError(value: unknown): value is ConfigError {
  return value instanceof ConfigError
}
