import * as v from 'valibot'
import { parsePrimitive } from './parse-primitive.js'

/**
 * A JMAP `Date`: an RFC 3339 `date-time` with uppercase `T`/`Z` and no
 * fractional seconds when they are zero.
 *
 * @see RFC 8620 §1.4
 * @example "2014-10-30T14:12:00+08:00"
 */
export type JmapDate = string & v.Brand<'JmapDate'>

const dateTimePattern =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

/**
 * The valibot schema of {@link JmapDate}.
 *
 * @see RFC 8620 §1.4
 * @example v.parse(JmapDateSchema, '2014-10-30T14:12:00+08:00')
 */
export const JmapDateSchema: v.GenericSchema<unknown, JmapDate> = v.pipe(
  v.string(),
  v.check(
    (text) => dateTimePattern.test(text),
    'a Date is an RFC 3339 date-time with uppercase T and Z',
  ),
  v.check(isCalendarDay, 'a Date names a day that exists (no 30 February)'),
  v.brand('JmapDate'),
)

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Tells whether the `YYYY-MM-DD` that starts a date-time is a real calendar
 * day: the pattern allows day 31 of every month; this rules out 30 February,
 * 31 April and 29 February outside leap years (RFC 3339 §5.7).
 *
 * @see RFC 3339 §5.7
 * @example isCalendarDay('2024-02-29T00:00:00Z') // true; isCalendarDay('2023-02-29T00:00:00Z') // false
 */
export function isCalendarDay(dateTime: string): boolean {
  const year = Number(dateTime.slice(0, 4))
  const month = Number(dateTime.slice(5, 7))
  const day = Number(dateTime.slice(8, 10))
  return day <= daysInMonth(year, month)
}

/**
 * Writes an instant in the canonical UTC form: `Date#toISOString` without a
 * zero `.000`, which RFC 8620 says MUST be omitted.
 */
export function canonicalUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date')
  return date.toISOString().replace('.000Z', 'Z')
}

/**
 * Checks a date-time string (or converts a JS `Date`, in UTC) and returns it as a {@link JmapDate}.
 *
 * @throws InvalidPrimitiveError when `value` is not an RFC 3339 date-time.
 * @see RFC 8620 §1.4
 * @example JmapDate(new Date(0)) // "1970-01-01T00:00:00Z"
 */
export function JmapDate(value: string | Date): JmapDate {
  if (value instanceof Date) {
    const text = Number.isNaN(value.getTime()) ? 'Invalid Date' : canonicalUtc(value)
    return parsePrimitive('Date', JmapDateSchema, text)
  }
  return parsePrimitive('Date', JmapDateSchema, value)
}
