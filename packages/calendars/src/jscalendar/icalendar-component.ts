import * as v from 'valibot'

/**
 * A jCal parameter map: lowercase parameter names to a value or a list of values.
 *
 * @see RFC 7265 §3.5
 * @example { "x-foo": "bar", "member": ["mailto:a@example.com"] }
 */
export interface JCalParameters {
  [name: string]: string | string[]
}

/**
 * An iCalendar property in jCal form: name, parameters, value type, then one or more values.
 *
 * @see RFC 7265 §3.4
 * @example ["x-bar", {}, "unknown", "bam"]
 */
export type JCalProperty = [
  name: string,
  parameters: JCalParameters,
  type: string,
  ...values: unknown[],
]

/**
 * An iCalendar component in jCal form: name, properties, subcomponents.
 *
 * @see RFC 7265 §3.3
 * @example ["x-baz", [["uid", {}, "text", "507A08F9"]], []]
 */
export type JCalComponent = [name: string, properties: JCalProperty[], components: JCalComponent[]]

/**
 * What an iCalendar property that converted to a JSCalendar element looked like, so it converts back.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §6.1.1
 * @example { "@type": "ICalProperty", "name": "dtend" }
 */
export interface ICalProperty {
  '@type'?: 'ICalProperty'
  /** The iCalendar property name, lowercase. */
  name: string
  /** The value type, lowercase, when it is not the property's default. */
  valueType?: string
  /** Parameters that have no JSCalendar equivalent. */
  parameters?: JCalParameters
}

/**
 * The `iCalendar` property: the iCalendar elements of a component that have no JSCalendar equivalent.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §6.1.1
 * @example { "@type": "ICalComponent", "name": "vevent", "properties": [["x-bar", {}, "unknown", "bam"]] }
 */
export interface ICalComponent {
  '@type'?: 'ICalComponent'
  /** The iCalendar component name, lowercase. */
  name: string
  /** Subcomponents that did not convert, in jCal. */
  components?: JCalComponent[]
  /** Converted properties, keyed by the path of the JSCalendar element they became. */
  convertedProperties?: { [path: string]: ICalProperty }
  /** Properties that did not convert, in jCal. */
  properties?: JCalProperty[]
}

const JCalParametersSchema: v.GenericSchema<JCalParameters> = v.record(
  v.string(),
  v.union([v.string(), v.array(v.string())]),
)

/** Validates a {@link JCalProperty}. @see RFC 7265 §3.4 */
export const JCalPropertySchema: v.GenericSchema<JCalProperty> = v.tupleWithRest(
  [v.string(), JCalParametersSchema, v.string()],
  v.unknown(),
)

/** Validates a {@link JCalComponent}. @see RFC 7265 §3.3 */
export const JCalComponentSchema: v.GenericSchema<JCalComponent> = v.tuple([
  v.string(),
  v.array(JCalPropertySchema),
  v.array(v.lazy(() => JCalComponentSchema)),
])

/** Validates an {@link ICalProperty}. @see draft-ietf-calext-jscalendar-icalendar-25 §6.1.1 */
export const ICalPropertySchema: v.GenericSchema<ICalProperty> = v.object({
  '@type': v.exactOptional(v.literal('ICalProperty')),
  name: v.string(),
  valueType: v.exactOptional(v.string()),
  parameters: v.exactOptional(JCalParametersSchema),
})

/** Validates an {@link ICalComponent}. @see draft-ietf-calext-jscalendar-icalendar-25 §6.1.1 */
export const ICalComponentSchema: v.GenericSchema<ICalComponent> = v.object({
  '@type': v.exactOptional(v.literal('ICalComponent')),
  name: v.string(),
  components: v.exactOptional(v.array(JCalComponentSchema)),
  convertedProperties: v.exactOptional(v.record(v.string(), ICalPropertySchema)),
  properties: v.exactOptional(v.array(JCalPropertySchema)),
})
