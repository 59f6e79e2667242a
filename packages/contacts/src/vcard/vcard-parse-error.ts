import { ContentLineParseError } from '@typed-jmap/core'

/**
 * Thrown when vCard input is malformed beyond what a lenient reader can repair: it says on which
 * line (`line`), and what is wrong there (`reason`); a `ContentLineParseError` from core, like
 * calendars' `ICalendarParseError`.
 *
 * @see RFC 6350 §3.3
 * @example
 * try { vcardToJSContact(text) } catch (error) {
 *   if (isVCardParseError(error)) console.error(`line ${error.line}: ${error.reason}`)
 * }
 */
export class VCardParseError extends ContentLineParseError {
  override readonly name = 'VCardParseError' as const

  constructor(details: { line: number; reason: string }, options?: ErrorOptions) {
    super('vCard', details, options)
  }
}

/**
 * Tells whether a value is a {@link VCardParseError}.
 *
 * @example if (isVCardParseError(error)) highlight(error.line)
 */
export function isVCardParseError(value: unknown): value is VCardParseError {
  return value instanceof VCardParseError
}

/**
 * Something a lenient reader repaired or could not convert, with the line it came from: a
 * vCard 2.1 parameter without a name, quoted-printable text, a date it could not read.
 *
 * @example { "line": 4, "message": "TEL: parameter \"HOME\" without a name read as TYPE=HOME (vCard 2.1)" }
 */
export interface VCardWarning {
  readonly line: number
  readonly message: string
}
