import ICAL from 'ical.js'

// ical.js's conversions of TEXT, DATE and DATE-TIME values to jCal (its `fromICAL`), done in one
// pass for the plain forms that nearly all values take. Each gives exactly the string ical.js's
// gives; what is not plain is left to ical.js's own.

type FromICAL = (value: string) => string

const values = ICAL.design.icalendar.value as Record<string, { fromICAL: FromICAL }>
const icalDate = values.date?.fromICAL as FromICAL
const icalDateTime = values['date-time']?.fromICAL as FromICAL

const backslash = 92

/**
 * A TEXT value without its escapes: `\\`, `\;`, `\,` and `\n` or `\N` stand for `\`, `;`, `,` and
 * a line break; any other backslash stays, as ical.js keeps it.
 *
 * @see RFC 5545 §3.3.11
 * @example readTextValue('a\\, b\\nc') // 'a, b\nc'
 */
export function readTextValue(value: string): string {
  let at = value.indexOf('\\')
  if (at === -1) return value
  let text = ''
  let from = 0
  while (at !== -1) {
    const next = value.charCodeAt(at + 1)
    const unescaped =
      next === backslash
        ? '\\'
        : next === 59
          ? ';'
          : next === 44
            ? ','
            : next === 110 || next === 78
              ? '\n'
              : undefined
    if (unescaped === undefined) {
      at = value.indexOf('\\', at + 1)
      continue
    }
    text += value.slice(from, at) + unescaped
    from = at + 2
    at = value.indexOf('\\', from)
  }
  return text + value.slice(from)
}

/**
 * A DATE value (`20240101`) as jCal writes it (`2024-01-01`).
 *
 * @see RFC 5545 §3.3.4, RFC 7265 §3.5.4
 * @example readDateValue('20240101') // '2024-01-01'
 */
export function readDateValue(value: string): string {
  if (value.length !== 8 || !digits(value, 0, 8)) return icalDate(value)
  const char = (at: number) => value.charCodeAt(at)
  return String.fromCharCode(
    char(0),
    char(1),
    char(2),
    char(3),
    45,
    char(4),
    char(5),
    45,
    char(6),
    char(7),
  )
}

/**
 * A DATE-TIME value (`20240101T100000Z`) as jCal writes it (`2024-01-01T10:00:00Z`), built as
 * one string rather than joined from ten pieces.
 *
 * @see RFC 5545 §3.3.5, RFC 7265 §3.5.5
 * @example readDateTimeValue('20240101T100000Z') // '2024-01-01T10:00:00Z'
 */
export function readDateTimeValue(value: string): string {
  const length = value.length
  const utc = length === 16 && value.charCodeAt(15) === 90
  if (
    (length !== 15 && !utc) ||
    value.charCodeAt(8) !== 84 ||
    !digits(value, 0, 8) ||
    !digits(value, 9, 15)
  ) {
    return icalDateTime(value)
  }
  const char = (at: number) => value.charCodeAt(at)
  // String.fromCharCode takes at most the 20 characters as arguments, no array in between.
  return utc
    ? String.fromCharCode(
        char(0),
        char(1),
        char(2),
        char(3),
        45,
        char(4),
        char(5),
        45,
        char(6),
        char(7),
        84,
        char(9),
        char(10),
        58,
        char(11),
        char(12),
        58,
        char(13),
        char(14),
        90,
      )
    : String.fromCharCode(
        char(0),
        char(1),
        char(2),
        char(3),
        45,
        char(4),
        char(5),
        45,
        char(6),
        char(7),
        84,
        char(9),
        char(10),
        58,
        char(11),
        char(12),
        58,
        char(13),
        char(14),
      )
}

/** Whether the characters from `from` to `to` are all ASCII digits. */
function digits(value: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const digit = value.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return false
  }
  return true
}
