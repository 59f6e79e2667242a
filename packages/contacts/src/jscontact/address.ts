import * as v from 'valibot'
import {
  type Contexts,
  ContextsSchema,
  type Pref,
  PrefSchema,
  typeMarker,
  type VCardOrigin,
  type VendorProperties,
  vCardOriginEntries,
} from './common.js'

/**
 * The kind of an address component. Unknown kinds a producer sends are kept.
 *
 * @see RFC 9553 §2.5.1.2
 * @example "locality"
 */
export type AddressComponentKind =
  | 'room'
  | 'apartment'
  | 'floor'
  | 'building'
  | 'number'
  | 'name'
  | 'block'
  | 'subdistrict'
  | 'district'
  | 'locality'
  | 'region'
  | 'postcode'
  | 'country'
  | 'direction'
  | 'landmark'
  | 'postOfficeBox'
  | 'separator'
  | (string & {})

/**
 * One part of an address: a street name, a number, a city, a separator.
 *
 * @see RFC 9553 §2.5.1.2
 * @example { "kind": "locality", "value": "Reston" }
 */
export interface AddressComponent extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'AddressComponent'
  readonly value: string
  readonly kind: AddressComponentKind
  readonly phonetic?: string
}

/**
 * Validates an {@link AddressComponent}.
 *
 * @see RFC 9553 §2.5.1.2
 */
export const AddressComponentSchema: v.GenericSchema<unknown, AddressComponent> = v.looseObject({
  '@type': typeMarker('AddressComponent'),
  value: v.string(),
  kind: v.string(),
  phonetic: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})

/**
 * A postal address, its coordinates or its time zone.
 *
 * @see RFC 9553 §2.5.1.1
 * @example { "contexts": { "work": true }, "components": [{ "kind": "number", "value": "54321" }, { "kind": "name", "value": "Oak St" }, { "kind": "locality", "value": "Reston" }], "countryCode": "US" }
 */
export interface Address extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Address'
  readonly components?: readonly AddressComponent[]
  /** Whether joining the components in order gives the full address (default false). */
  readonly isOrdered?: boolean
  /** ISO 3166-1 alpha-2. */
  readonly countryCode?: string
  /** A `geo:` URI. */
  readonly coordinates?: string
  /** An IANA time zone name. */
  readonly timeZone?: string
  /** `private`, `work`, `billing`, `delivery`. */
  readonly contexts?: Contexts
  readonly full?: string
  readonly defaultSeparator?: string
  readonly pref?: Pref
  readonly phoneticScript?: string
  readonly phoneticSystem?: string
}

/**
 * Validates an {@link Address}.
 *
 * @see RFC 9553 §2.5.1.1
 */
export const AddressSchema: v.GenericSchema<unknown, Address> = v.looseObject({
  '@type': typeMarker('Address'),
  components: v.exactOptional(v.array(AddressComponentSchema)),
  isOrdered: v.exactOptional(v.boolean()),
  countryCode: v.exactOptional(v.string()),
  coordinates: v.exactOptional(v.string()),
  timeZone: v.exactOptional(v.string()),
  contexts: v.exactOptional(ContextsSchema),
  full: v.exactOptional(v.string()),
  defaultSeparator: v.exactOptional(v.string()),
  pref: v.exactOptional(PrefSchema),
  phoneticScript: v.exactOptional(v.string()),
  phoneticSystem: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})
