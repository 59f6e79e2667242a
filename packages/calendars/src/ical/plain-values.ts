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
  return String.fromCharCode(
    value.charCodeAt(0),
    value.charCodeAt(1),
    value.charCodeAt(2),
    value.charCodeAt(3),
    45,
    value.charCodeAt(4),
    value.charCodeAt(5),
    45,
    value.charCodeAt(6),
    value.charCodeAt(7),
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
  if ((length !== 15 && !utc) || value.charCodeAt(8) !== 84) return icalDateTime(value)
  // Each character is read once, checked to be a digit, and written from the local.
  const y0 = value.charCodeAt(0)
  const y1 = value.charCodeAt(1)
  const y2 = value.charCodeAt(2)
  const y3 = value.charCodeAt(3)
  const m0 = value.charCodeAt(4)
  const m1 = value.charCodeAt(5)
  const d0 = value.charCodeAt(6)
  const d1 = value.charCodeAt(7)
  const h0 = value.charCodeAt(9)
  const h1 = value.charCodeAt(10)
  const i0 = value.charCodeAt(11)
  const i1 = value.charCodeAt(12)
  const s0 = value.charCodeAt(13)
  const s1 = value.charCodeAt(14)
  if (
    !(
      isDigit(y0) &&
      isDigit(y1) &&
      isDigit(y2) &&
      isDigit(y3) &&
      isDigit(m0) &&
      isDigit(m1) &&
      isDigit(d0) &&
      isDigit(d1) &&
      isDigit(h0) &&
      isDigit(h1) &&
      isDigit(i0) &&
      isDigit(i1) &&
      isDigit(s0) &&
      isDigit(s1)
    )
  ) {
    return icalDateTime(value)
  }
  // One flat string (a UTC one with its Z; a local one is that less the Z).
  const text = String.fromCharCode(
    y0,
    y1,
    y2,
    y3,
    45,
    m0,
    m1,
    45,
    d0,
    d1,
    84,
    h0,
    h1,
    58,
    i0,
    i1,
    58,
    s0,
    s1,
    90,
  )
  return utc ? text : text.slice(0, 19)
}

function isDigit(char: number): boolean {
  return char >= 48 && char <= 57
}

/** Whether the characters from `from` to `to` are all ASCII digits. */
function digits(value: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const digit = value.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return false
  }
  return true
}
