import * as v from 'valibot'

/**
 * A JSCalendar identifier: the key of an entry in an `Id[…]` map such as `alerts` or `participants`.
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.1
 * @example "f0c3a9b2-5d1e-4c1a-9a8e-0b1f2c3d4e5f"
 */
export type Id = string

/**
 * A date-time in UTC, `YYYY-MM-DDTHH:MM:SSZ` (JSCalendar 2.0 forbids fractional seconds; 1.0 allowed them).
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.3
 * @example "2024-03-29T13:30:00Z"
 */
export type UTCDateTime = string

/**
 * A date-time without time zone, `YYYY-MM-DDTHH:MM:SS`, read in the time zone of the object.
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.4
 * @example "2024-01-01T14:00:00"
 */
export type LocalDateTime = string

/**
 * A non-negative ISO 8601 duration (`P1W`, `P1DT2H`), as JSCalendar restricts it.
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.6
 * @example "PT1H30M"
 */
export type Duration = string

/**
 * A duration with an optional sign, used by alert offsets.
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.7
 * @example "-PT15M"
 */
export type SignedDuration = string

/**
 * An IANA time zone name such as `Europe/Berlin`; `Etc/UTC` stands for UTC.
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.8
 * @example "Europe/Berlin"
 */
export type TimeZoneId = string

/**
 * A JSCalendar PatchObject: JSON pointers (without the leading `/`) to new values, `null` removes.
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.9
 * @example { "start": "2024-02-02T16:00:00", "alerts/a1": null }
 */
export interface PatchObject {
  [pointer: string]: unknown
}

const utcDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/
const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/
const durationPattern =
  /^P(?:\d+W|(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/
const signedDurationPattern =
  /^[+-]?P(?:\d+W|(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/

/** Validates an {@link Id}. @see draft-ietf-calext-jscalendarbis §1.4.1 */
export const IdSchema: v.GenericSchema<Id> = v.pipe(v.string(), v.minLength(1), v.maxLength(255))

/** Validates a {@link UTCDateTime}. @see draft-ietf-calext-jscalendarbis §1.4.3 */
export const UTCDateTimeSchema: v.GenericSchema<UTCDateTime> = v.pipe(
  v.string(),
  v.regex(utcDateTimePattern, 'expected a UTCDateTime like 2024-03-29T13:30:00Z'),
)

/** Validates a {@link LocalDateTime}. @see draft-ietf-calext-jscalendarbis §1.4.4 */
export const LocalDateTimeSchema: v.GenericSchema<LocalDateTime> = v.pipe(
  v.string(),
  v.regex(localDateTimePattern, 'expected a LocalDateTime like 2024-01-01T14:00:00'),
)

/** Validates a {@link Duration}. @see draft-ietf-calext-jscalendarbis §1.4.6 */
export const DurationSchema: v.GenericSchema<Duration> = v.pipe(
  v.string(),
  v.regex(durationPattern, 'expected a Duration like PT1H'),
)

/** Validates a {@link SignedDuration}. @see draft-ietf-calext-jscalendarbis §1.4.7 */
export const SignedDurationSchema: v.GenericSchema<SignedDuration> = v.pipe(
  v.string(),
  v.regex(signedDurationPattern, 'expected a SignedDuration like -PT15M'),
)

/** Validates a {@link TimeZoneId}. @see draft-ietf-calext-jscalendarbis §1.4.8 */
export const TimeZoneIdSchema: v.GenericSchema<TimeZoneId> = v.pipe(v.string(), v.minLength(1))

/** Validates a {@link PatchObject}. @see draft-ietf-calext-jscalendarbis §1.4.9 */
export const PatchObjectSchema: v.GenericSchema<PatchObject> = v.record(v.string(), v.unknown())

/**
 * A set of strings, as JSCalendar writes it: an object whose values are all `true`.
 *
 * @example { "Favorites": true, "Meeting": true }
 */
export interface StringSet {
  [member: string]: true
}

/** Validates a {@link StringSet}. */
export const StringSetSchema: v.GenericSchema<StringSet> = v.record(v.string(), v.literal(true))
