import * as v from 'valibot'
import { canonicalUtc, isCalendarDay } from './jmap-date.js'
import { parsePrimitive } from './parse-primitive.js'

/**
 * A JMAP `UTCDate`: a `Date` whose offset is `Z`, written without `.000`.
 *
 * @see RFC 8620 §1.4
 * @example "2014-10-30T06:12:00Z"
 */
export type UTCDate = string & v.Brand<'UTCDate'>

const utcDateTimePattern =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/

/**
 * The valibot schema of {@link UTCDate}.
 *
 * @see RFC 8620 §1.4
 * @example v.parse(UTCDateSchema, '2014-10-30T06:12:00Z')
 */
export const UTCDateSchema: v.GenericSchema<unknown, UTCDate> = v.pipe(
  v.string(),
  v.check(
    (text) => utcDateTimePattern.test(text),
    'a UTCDate is an RFC 3339 date-time ending in Z',
  ),
  v.check(isCalendarDay, 'a UTCDate names a day that exists (no 30 February)'),
  v.brand('UTCDate'),
)

/**
 * Checks a UTC date-time string (or converts a JS `Date`) and returns it as a
 * {@link UTCDate}; a `Date` is written without a zero `.000`.
 *
 * @throws InvalidPrimitiveError when `value` is not a date-time in UTC.
 * @see RFC 8620 §1.4
 * @example UTCDate(new Date(Date.UTC(2014, 9, 30, 6, 12))) // "2014-10-30T06:12:00Z"
 */
export function UTCDate(value: string | Date): UTCDate {
  if (value instanceof Date) {
    const text = Number.isNaN(value.getTime()) ? 'Invalid Date' : canonicalUtc(value)
    return parsePrimitive('UTCDate', UTCDateSchema, text)
  }
  return parsePrimitive('UTCDate', UTCDateSchema, value)
}
