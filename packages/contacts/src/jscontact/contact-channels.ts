import * as v from 'valibot'
import {
  type Contexts,
  ContextsSchema,
  type Pref,
  PrefSchema,
  StringSetSchema,
  typeMarker,
  type VCardOrigin,
  type VendorProperties,
  vCardOriginEntries,
} from './common.js'

/**
 * An email address to contact the entity at.
 *
 * @see RFC 9553 §2.3.1
 * @example { "address": "joe.bloggs@example.com", "contexts": { "private": true }, "pref": 1 }
 */
export interface EmailAddress extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'EmailAddress'
  readonly address: string
  readonly contexts?: Contexts
  readonly pref?: Pref
  readonly label?: string
}

/**
 * Validates an {@link EmailAddress}.
 *
 * @see RFC 9553 §2.3.1
 */
export const EmailAddressSchema: v.GenericSchema<unknown, EmailAddress> = v.looseObject({
  '@type': typeMarker('EmailAddress'),
  address: v.string(),
  contexts: v.exactOptional(ContextsSchema),
  pref: v.exactOptional(PrefSchema),
  label: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})

/**
 * An account on an online service (chat, social network), by URI or user name.
 *
 * @see RFC 9553 §2.3.2
 * @example { "service": "Mastodon", "user": "@alice@example2.com", "uri": "https://example2.com/@alice" }
 */
export interface OnlineService extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'OnlineService'
  readonly service?: string
  readonly uri?: string
  readonly user?: string
  readonly contexts?: Contexts
  readonly pref?: Pref
  readonly label?: string
}

/**
 * Validates an {@link OnlineService}.
 *
 * @see RFC 9553 §2.3.2
 */
export const OnlineServiceSchema: v.GenericSchema<unknown, OnlineService> = v.looseObject({
  '@type': typeMarker('OnlineService'),
  service: v.exactOptional(v.string()),
  uri: v.exactOptional(v.string()),
  user: v.exactOptional(v.string()),
  contexts: v.exactOptional(ContextsSchema),
  pref: v.exactOptional(PrefSchema),
  label: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})

/**
 * A feature of a phone number.
 *
 * @see RFC 9553 §2.3.3
 * @example "mobile"
 */
export type PhoneFeature =
  | 'mobile'
  | 'voice'
  | 'text'
  | 'video'
  | 'main-number'
  | 'textphone'
  | 'fax'
  | 'pager'
  | (string & {})

/**
 * A phone number, as a `tel:` URI or free text.
 *
 * @see RFC 9553 §2.3.3
 * @example { "number": "tel:+1-555-555-5555;ext=5555", "features": { "voice": true }, "contexts": { "private": true } }
 */
export interface Phone extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Phone'
  readonly number: string
  readonly features?: Readonly<Partial<Record<PhoneFeature, true>>>
  readonly contexts?: Contexts
  readonly pref?: Pref
  readonly label?: string
}

/**
 * Validates a {@link Phone}.
 *
 * @see RFC 9553 §2.3.3
 */
export const PhoneSchema: v.GenericSchema<unknown, Phone> = v.looseObject({
  '@type': typeMarker('Phone'),
  number: v.string(),
  features: v.exactOptional(StringSetSchema),
  contexts: v.exactOptional(ContextsSchema),
  pref: v.exactOptional(PrefSchema),
  label: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})

/**
 * A language the entity prefers to be contacted in.
 *
 * @see RFC 9553 §2.3.4
 * @example { "language": "en", "contexts": { "work": true }, "pref": 1 }
 */
export interface LanguagePref extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'LanguagePref'
  /** An RFC 5646 language tag. */
  readonly language: string
  readonly contexts?: Contexts
  readonly pref?: Pref
}

/**
 * Validates a {@link LanguagePref}.
 *
 * @see RFC 9553 §2.3.4
 */
export const LanguagePrefSchema: v.GenericSchema<unknown, LanguagePref> = v.looseObject({
  '@type': typeMarker('LanguagePref'),
  language: v.string(),
  contexts: v.exactOptional(ContextsSchema),
  pref: v.exactOptional(PrefSchema),
  ...vCardOriginEntries,
})

/**
 * A URI to send scheduling messages (iTIP) to.
 *
 * @see RFC 9553 §2.4.2
 * @example { "uri": "mailto:janedoe@example.com", "pref": 1 }
 */
export interface SchedulingAddress extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'SchedulingAddress'
  readonly uri: string
  readonly contexts?: Contexts
  readonly pref?: Pref
  readonly label?: string
}

/**
 * Validates a {@link SchedulingAddress}.
 *
 * @see RFC 9553 §2.4.2
 */
export const SchedulingAddressSchema: v.GenericSchema<unknown, SchedulingAddress> = v.looseObject({
  '@type': typeMarker('SchedulingAddress'),
  uri: v.string(),
  contexts: v.exactOptional(ContextsSchema),
  pref: v.exactOptional(PrefSchema),
  label: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})
