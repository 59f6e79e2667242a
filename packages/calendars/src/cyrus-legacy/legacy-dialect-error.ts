/**
 * Thrown when a standard JMAP Calendars value cannot be expressed in Cyrus's legacy calendar
 * namespace (`https://cyrusimap.org/ns/jmap/calendars`), e.g. an event in two calendars.
 *
 * @example new LegacyDialectError('an event in Cyrus 3.6 belongs to exactly one calendar')
 */
export class LegacyDialectError extends Error {
  override readonly name = 'LegacyDialectError' as const

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/**
 * Tells whether a value is a {@link LegacyDialectError}.
 *
 * @example if (isLegacyDialectError(error)) console.error(error.message)
 */
export function isLegacyDialectError(value: unknown): value is LegacyDialectError {
  return value instanceof Error && value.name === 'LegacyDialectError'
}
