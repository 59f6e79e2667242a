import * as v from 'valibot'
import { type Address, AddressSchema } from './address.js'
import {
  typeMarker,
  UnsignedIntSchema,
  type UTCDateTime,
  UTCDateTimeSchema,
  type VCardOrigin,
  type VendorProperties,
  vCardOriginEntries,
} from './common.js'

/**
 * A date that may lack its year, month or day (a birthday without a year). `@type` may be
 * left out: PartialDate is the default type of `Anniversary.date`.
 *
 * @see RFC 9553 §2.8.1
 * @example { "year": 1986, "month": 2, "day": 1 }
 */
export interface PartialDate extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'PartialDate'
  readonly year?: number
  /** 1–12; set when `day` is set with a year. */
  readonly month?: number
  /** 1–31; needs `month`. */
  readonly day?: number
  /** A CLDR calendar system (`gregorian` when absent). */
  readonly calendarScale?: string
}

/**
 * Validates a {@link PartialDate}: a day needs a month, a year and a day need a month between.
 *
 * @see RFC 9553 §2.8.1
 */
export const PartialDateSchema: v.GenericSchema<unknown, PartialDate> = v.pipe(
  v.looseObject({
    '@type': typeMarker('PartialDate'),
    year: v.exactOptional(UnsignedIntSchema),
    month: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))),
    day: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31))),
    calendarScale: v.exactOptional(v.string()),
    ...vCardOriginEntries,
  }),
  v.check(
    (date) => date.day === undefined || date.month !== undefined,
    'a PartialDate with a day needs a month',
  ),
  v.check(
    (date) => date.year !== undefined || date.month !== undefined || date.day !== undefined,
    'a PartialDate needs a year, a month or a day',
  ),
)

/**
 * A point in time in UTC; `@type` is mandatory, since PartialDate is the default.
 *
 * @see RFC 9553 §2.8.1
 * @example { "@type": "Timestamp", "utc": "1953-10-15T23:10:00Z" }
 */
export interface Timestamp extends VendorProperties, VCardOrigin {
  readonly '@type': 'Timestamp'
  readonly utc: UTCDateTime
}

/**
 * Validates a {@link Timestamp}.
 *
 * @see RFC 9553 §2.8.1
 */
export const TimestampSchema: v.GenericSchema<unknown, Timestamp> = v.looseObject({
  '@type': v.literal('Timestamp'),
  utc: UTCDateTimeSchema,
  ...vCardOriginEntries,
})

/**
 * The kind of an anniversary.
 *
 * @see RFC 9553 §2.8.1
 * @example "birth"
 */
export type AnniversaryKind = 'birth' | 'death' | 'wedding' | (string & {})

/**
 * A memorable date: a birthday, a death, a wedding.
 *
 * @see RFC 9553 §2.8.1
 * @example { "kind": "birth", "date": { "year": 1953, "month": 4, "day": 15 } }
 */
export interface Anniversary extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Anniversary'
  readonly kind: AnniversaryKind
  readonly date: PartialDate | Timestamp
  readonly place?: Address
}

/**
 * Validates an {@link Anniversary}; the date's `@type` picks the schema (PartialDate when absent).
 *
 * @see RFC 9553 §2.8.1
 */
export const AnniversarySchema: v.GenericSchema<unknown, Anniversary> = v.looseObject({
  '@type': typeMarker('Anniversary'),
  kind: v.string(),
  date: v.union([TimestampSchema, PartialDateSchema]),
  place: v.exactOptional(AddressSchema),
  ...vCardOriginEntries,
})

/**
 * Tells whether an anniversary date is a {@link Timestamp} (otherwise it is a PartialDate).
 *
 * @see RFC 9553 §2.8.1
 * @example isTimestamp({ "@type": "Timestamp", "utc": "1953-10-15T23:10:00Z" }) // true
 */
export function isTimestamp(date: PartialDate | Timestamp): date is Timestamp {
  return date['@type'] === 'Timestamp'
}
