/**
 * Something the lenient reader left out or read differently to keep the rest of a calendar: a
 * property whose value is malformed (dropped), a TZID nothing defines (read as floating).
 *
 * @see RFC 5545 §3.1 (and the robustness principle of RFC 1122 §1.2.2)
 * @example { line: 12, reason: 'DTSTAMP has an invalid DATE-TIME: "2012-02-14"; the property is left out' }
 */
export interface ICalendarWarning {
  /** The 1-based line of the input (the first line of a folded line). */
  readonly line: number
  /** What was wrong and what the reader did about it. */
  readonly reason: string
}
