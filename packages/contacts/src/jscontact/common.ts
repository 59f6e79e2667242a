import * as v from 'valibot'

/**
 * A date-time in UTC (`YYYY-MM-DDTHH:MM:SSZ`, fractional seconds only when non-zero).
 *
 * @see RFC 9553 §1.4.5
 * @example "2022-09-30T14:35:10Z"
 */
export type UTCDateTime = string

const utcDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d*[1-9])?Z$/

/**
 * Validates a {@link UTCDateTime}: uppercase, offset `Z`, no trailing zeros in fractions.
 *
 * @see RFC 9553 §1.4.5
 */
export const UTCDateTimeSchema: v.GenericSchema<unknown, UTCDateTime> = v.pipe(
  v.string(),
  v.regex(utcDateTimePattern, 'a UTCDateTime looks like 2022-09-30T14:35:10Z'),
)

/**
 * A set of strings (`String[Boolean]` whose values are all `true`), such as `contexts`,
 * `features` or `keywords`.
 *
 * @see RFC 9553 §1.3.2
 * @example { "work": true }
 */
export type StringSet = Readonly<Record<string, true>>

/**
 * Validates a {@link StringSet}.
 *
 * @see RFC 9553 §1.3.2
 */
export const StringSetSchema: v.GenericSchema<unknown, StringSet> = v.record(
  v.string(),
  v.literal(true),
)

/**
 * The contexts in which to use a piece of contact information: `private` and `work`, plus the
 * values a property defines (`billing` and `delivery` for addresses).
 *
 * @see RFC 9553 §1.5.1
 * @example { "private": true }
 */
export type Contexts = Readonly<Partial<Record<'private' | 'work' | (string & {}), true>>>

/**
 * Validates {@link Contexts}.
 *
 * @see RFC 9553 §1.5.1
 */
export const ContextsSchema: v.GenericSchema<unknown, Contexts> = StringSetSchema

/**
 * A preference from 1 (most preferred) to 100.
 *
 * @see RFC 9553 §1.5.3
 * @example 1
 */
export type Pref = number

/**
 * Validates a {@link Pref}.
 *
 * @see RFC 9553 §1.5.3
 */
export const PrefSchema: v.GenericSchema<unknown, Pref> = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(100),
)

/**
 * An unsigned integer as JSContact defines it (`listAs`, PartialDate parts).
 *
 * @see RFC 9553 §1.4.2
 */
export const UnsignedIntSchema: v.GenericSchema<unknown, number> = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(Number.MAX_SAFE_INTEGER),
)

/**
 * Vendor-specific properties, named `domain:name`, which every JSContact reader must keep.
 *
 * @see RFC 9553 §1.8.1
 * @example { "example.com:foo": "bar" }
 */
export interface VendorProperties {
  readonly [vendorProperty: `${string}:${string}`]: unknown
}

/**
 * The vCard parameters of the vCard property a JSContact object was converted from, for those
 * JSContact has no property for (jCard form: lowercase names, a string or a list of strings).
 *
 * @see RFC 9555 §2.15.2
 * @example { "x-foo": "Bar", "group": "item1" }
 */
export type VCardParams = Readonly<Record<string, string | readonly string[]>>

/**
 * Validates {@link VCardParams}.
 *
 * @see RFC 9555 §2.15.2
 */
export const VCardParamsSchema: v.GenericSchema<unknown, VCardParams> = v.record(
  v.string(),
  v.union([v.string(), v.array(v.string())]),
)

/**
 * The properties RFC 9555 lets any JSContact object carry so a vCard converts back as it was.
 *
 * @see RFC 9555 §2.15
 * @example { "vCardName": "impp", "vCardParams": { "x-foo": "Bar" } }
 */
export interface VCardOrigin {
  /** The vCard parameters JSContact has no property for. */
  readonly vCardParams?: VCardParams
  /** The name of the vCard property this object came from, when several convert to its type. */
  readonly vCardName?: string
}

/** The schema entries of {@link VCardOrigin}, spread into each object schema. */
export const vCardOriginEntries: {
  readonly vCardParams: v.ExactOptionalSchema<v.GenericSchema<unknown, VCardParams>, undefined>
  readonly vCardName: v.ExactOptionalSchema<v.StringSchema<undefined>, undefined>
} = {
  vCardParams: v.exactOptional(VCardParamsSchema),
  vCardName: v.exactOptional(v.string()),
}

/**
 * The schema of an optional `@type` that, when present, must name the expected JSContact type.
 *
 * @see RFC 9553 §1.3.4
 * @example typeMarker('EmailAddress')
 */
export function typeMarker<const TType extends string>(
  type: TType,
): v.ExactOptionalSchema<v.LiteralSchema<TType, string>, undefined> {
  return v.exactOptional(v.literal(type, `@type must be "${type}"`))
}
