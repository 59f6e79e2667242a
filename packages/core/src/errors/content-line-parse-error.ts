/**
 * What a reader of a content-line text format (iCalendar, vCard) throws when its input is
 * malformed: on which line, and what is wrong there. `ICalendarParseError` (calendars, tasks) and
 * `VCardParseError` (contacts) extend it, so one `instanceof ContentLineParseError` catches
 * either.
 *
 * @see RFC 5545 §3.1, RFC 6350 §3.2
 * @example
 * try { importFile(text) } catch (error) {
 *   if (error instanceof ContentLineParseError) console.error(`line ${error.line}: ${error.reason}`)
 * }
 */
export class ContentLineParseError extends Error {
  override readonly name: string = 'ContentLineParseError'
  /** The 1-based line of the input where the problem is (the first line of a folded line). */
  readonly line: number
  /** What is wrong, without the line number. */
  readonly reason: string

  /** `format` names the text format in the message: `iCalendar line 4: …`. */
  constructor(
    format: string,
    details: { readonly line: number; readonly reason: string },
    options?: ErrorOptions,
  ) {
    super(`${format} line ${details.line}: ${details.reason}`, options)
    this.line = details.line
    this.reason = details.reason
  }
}
