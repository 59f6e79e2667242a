import type { PropertySchemas } from '@typed-jmap/core'
import * as v from 'valibot'
import { type Address, AddressSchema } from './address.js'
import { type Anniversary, AnniversarySchema } from './anniversary.js'
import {
  type StringSet,
  StringSetSchema,
  type UTCDateTime,
  UTCDateTimeSchema,
  type VendorProperties,
} from './common.js'
import {
  type EmailAddress,
  EmailAddressSchema,
  type LanguagePref,
  LanguagePrefSchema,
  type OnlineService,
  OnlineServiceSchema,
  type Phone,
  PhoneSchema,
  type SchedulingAddress,
  SchedulingAddressSchema,
} from './contact-channels.js'
import { type Name, NameSchema, type Nickname, NicknameSchema } from './name.js'
import {
  type Note,
  NoteSchema,
  type PersonalInfo,
  PersonalInfoSchema,
  type Relation,
  RelationSchema,
} from './notes.js'
import { type Organization, OrganizationSchema, type Title, TitleSchema } from './organization.js'
import {
  type Calendar,
  CalendarSchema,
  type CryptoKey,
  CryptoKeySchema,
  type Directory,
  DirectorySchema,
  type Link,
  LinkSchema,
  type Media,
  MediaSchema,
} from './resources.js'
import { type SpeakToAs, SpeakToAsSchema } from './speak-to-as.js'

/**
 * The kind of entity a Card represents (`individual` when absent).
 *
 * @see RFC 9553 §2.1.4
 * @example "group"
 */
export type CardKind =
  | 'individual'
  | 'group'
  | 'org'
  | 'location'
  | 'device'
  | 'application'
  | (string & {})

/**
 * A vCard property in jCard form: lowercase name, parameters, value type, value(s). JSContact
 * keeps the vCard properties it has no property for in `vCardProps`.
 *
 * @see RFC 9555 §2.15.1, RFC 7095 §3.3
 * @example ["x-foo", { "x-bar": "Hello", "group": "item1" }, "unknown", "World!"]
 */
export type JCardProperty = readonly [
  name: string,
  parameters: Readonly<Record<string, string | readonly string[]>>,
  type: string,
  ...values: unknown[],
]

/**
 * Validates a {@link JCardProperty}.
 *
 * @see RFC 7095 §3.3
 */
export const JCardPropertySchema: v.GenericSchema<unknown, JCardProperty> = v.pipe(
  v.array(v.unknown()),
  v.check(
    (value) =>
      value.length >= 4 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'object' &&
      value[1] !== null &&
      !Array.isArray(value[1]) &&
      typeof value[2] === 'string',
    'a jCard property is [name, parameters, type, value, …]',
  ),
  v.transform((value) => value as unknown as JCardProperty),
)

/**
 * A JSContact PatchObject: JSON pointers (without the leading `/`) to values; used by
 * `localizations`. Unlike a JMAP patch, JSContact allows pointers into arrays.
 *
 * @see RFC 9553 §1.4.3
 * @example { "titles/t1/name": "Patron" }
 */
export type JSContactPatch = Readonly<Record<string, unknown>>

/**
 * A JSContact Card: contact information of a person, organization, group or other entity.
 * Every multi-valued property is a map from an Id to the value, so entries can be patched and
 * referred to by key.
 *
 * @see RFC 9553 §2
 * @example { "@type": "Card", "version": "1.0", "uid": "22B2C7DF-9120-4969-8460-05956FE6B065", "kind": "individual", "name": { "components": [{ "kind": "given", "value": "John" }, { "kind": "surname", "value": "Doe" }], "isOrdered": true } }
 */
export interface Card extends VendorProperties {
  readonly '@type': 'Card'
  /** The JSContact version; `1.0` is the only registered one. */
  readonly version: '1.0' | (string & {})
  readonly created?: UTCDateTime
  readonly kind?: CardKind
  /** An RFC 5646 language tag for the Card's text. */
  readonly language?: string
  /** The uids of the group's members (only with `kind: "group"`). */
  readonly members?: StringSet
  readonly prodId?: string
  /** Related Cards by uid. */
  readonly relatedTo?: Readonly<Record<string, Relation>>
  readonly uid: string
  readonly updated?: UTCDateTime
  readonly name?: Name
  readonly nicknames?: Readonly<Record<string, Nickname>>
  readonly organizations?: Readonly<Record<string, Organization>>
  readonly speakToAs?: SpeakToAs
  readonly titles?: Readonly<Record<string, Title>>
  readonly emails?: Readonly<Record<string, EmailAddress>>
  readonly onlineServices?: Readonly<Record<string, OnlineService>>
  readonly phones?: Readonly<Record<string, Phone>>
  readonly preferredLanguages?: Readonly<Record<string, LanguagePref>>
  readonly calendars?: Readonly<Record<string, Calendar>>
  readonly schedulingAddresses?: Readonly<Record<string, SchedulingAddress>>
  readonly addresses?: Readonly<Record<string, Address>>
  readonly cryptoKeys?: Readonly<Record<string, CryptoKey>>
  readonly directories?: Readonly<Record<string, Directory>>
  readonly links?: Readonly<Record<string, Link>>
  readonly media?: Readonly<Record<string, Media>>
  /** Patches by language tag that give the Card in another language. */
  readonly localizations?: Readonly<Record<string, JSContactPatch>>
  readonly anniversaries?: Readonly<Record<string, Anniversary>>
  readonly keywords?: StringSet
  readonly notes?: Readonly<Record<string, Note>>
  readonly personalInfo?: Readonly<Record<string, PersonalInfo>>
  /** vCard properties JSContact has no property for (RFC 9555 §2.15.1). */
  readonly vCardProps?: readonly JCardProperty[]
}

const map = <TValue>(schema: v.GenericSchema<unknown, TValue>) =>
  v.exactOptional(v.record(v.string(), schema))

/**
 * The schema of each property of a JSContact {@link Card} (without `@type`, `version` and `uid`,
 * whose rules differ between a Card and a JMAP ContactCard).
 *
 * @see RFC 9553 §2
 */
export const cardContentSchemas: Omit<PropertySchemas<Card>, '@type' | 'version' | 'uid'> = {
  created: v.exactOptional(UTCDateTimeSchema),
  kind: v.exactOptional(v.string()),
  language: v.exactOptional(v.string()),
  members: v.exactOptional(StringSetSchema),
  prodId: v.exactOptional(v.pipe(v.string(), v.minLength(1))),
  relatedTo: map(RelationSchema),
  updated: v.exactOptional(UTCDateTimeSchema),
  name: v.exactOptional(NameSchema),
  nicknames: map(NicknameSchema),
  organizations: map(OrganizationSchema),
  speakToAs: v.exactOptional(SpeakToAsSchema),
  titles: map(TitleSchema),
  emails: map(EmailAddressSchema),
  onlineServices: map(OnlineServiceSchema),
  phones: map(PhoneSchema),
  preferredLanguages: map(LanguagePrefSchema),
  calendars: map(CalendarSchema),
  schedulingAddresses: map(SchedulingAddressSchema),
  addresses: map(AddressSchema),
  cryptoKeys: map(CryptoKeySchema),
  directories: map(DirectorySchema),
  links: map(LinkSchema),
  media: map(MediaSchema),
  localizations: map(v.record(v.string(), v.unknown())),
  anniversaries: map(AnniversarySchema),
  keywords: v.exactOptional(StringSetSchema),
  notes: map(NoteSchema),
  personalInfo: map(PersonalInfoSchema),
  vCardProps: v.exactOptional(v.array(JCardPropertySchema)),
}

/**
 * Validates a whole JSContact Card: `@type` must be `Card`, `version` and `uid` are mandatory,
 * every nested object is checked and unknown or vendor properties are kept.
 *
 * @see RFC 9553 §2
 */
export const CardSchema: v.GenericSchema<unknown, Card> = v.looseObject({
  '@type': v.literal('Card', '@type of a Card must be "Card"'),
  version: v.string(),
  uid: v.string(),
  ...cardContentSchemas,
})
