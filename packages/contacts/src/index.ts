/**
 * JMAP Contacts (RFC 9610) and JSContact (RFC 9553): data types, schemas, registry entries, the
 * runtime table and a contacts API. Importing this module registers the methods. vCard conversion
 * (RFC 9555) lives in `@typed-jmap/contacts/vcard`, so this entry stays free of ical.js.
 *
 * @module @typed-jmap/contacts
 */
export {
  type AddressBook,
  type AddressBookRights,
  AddressBookRightsSchema,
  AddressBookSchema,
  addressBookPropertySchemas,
} from './address-book/address-book.js'
export {
  type AddressBookHasContentsSetError,
  isAddressBookHasContentsSetError,
} from './address-book/address-book-has-contents-set-error.js'
export type {
  AddressBookChangesMethod,
  AddressBookCreate,
  AddressBookCreated,
  AddressBookGetMethod,
  AddressBookSetExtraArguments,
  AddressBookSetMethod,
} from './address-book/address-book-methods.js'
export { CONTACTS_CAPABILITY } from './capabilities/capability-urns.js'
export {
  type ContactsAccountCapability,
  ContactsAccountCapabilitySchema,
  type ContactsSessionCapability,
  ContactsSessionCapabilitySchema,
} from './capabilities/contacts-capability.js'
export { type ContactsMethods, contacts } from './capabilities/contacts-registry.js'
export {
  type ContactCard,
  type ContactCardProperty,
  ContactCardSchema,
  contactCardPropertySchemas,
} from './contact-card/contact-card.js'
export type { ContactCardCreate } from './contact-card/contact-card-create.js'
export type {
  ContactCardFilterCondition,
  ContactCardSortProperty,
} from './contact-card/contact-card-filter.js'
export type {
  ContactCardChangesMethod,
  ContactCardCopyMethod,
  ContactCardGetMethod,
  ContactCardQueryChangesMethod,
  ContactCardQueryMethod,
  ContactCardSetMethod,
} from './contact-card/contact-card-methods.js'
export {
  type AddressBookScope,
  type ContactChanges,
  type ContactInput,
  type ContactSearch,
  type ContactsApi,
  type ContactsApiOptions,
  type ContactsApiSettings,
  type ContactsCapabilityTables,
  type ContactsClient,
  createContactsApi,
  type VCardCodec,
} from './contacts-api/contacts-api.js'
export {
  ContactsApiError,
  ContactWriteError,
  isContactsApiError,
  isContactWriteError,
} from './contacts-api/contacts-api-error.js'
export {
  type Address,
  type AddressComponent,
  type AddressComponentKind,
  AddressComponentSchema,
  AddressSchema,
} from './jscontact/address.js'
export {
  type Anniversary,
  type AnniversaryKind,
  AnniversarySchema,
  isTimestamp,
  type PartialDate,
  PartialDateSchema,
  type Timestamp,
  TimestampSchema,
} from './jscontact/anniversary.js'
export {
  type Card,
  type CardKind,
  CardSchema,
  cardContentSchemas,
  type JCardProperty,
  JCardPropertySchema,
  type JSContactPatch,
} from './jscontact/card.js'
export {
  type Contexts,
  ContextsSchema,
  type Pref,
  PrefSchema,
  type StringSet,
  StringSetSchema,
  type UTCDateTime,
  UTCDateTimeSchema,
  type VCardOrigin,
  type VCardParams,
  VCardParamsSchema,
  type VendorProperties,
} from './jscontact/common.js'
export {
  type EmailAddress,
  EmailAddressSchema,
  type LanguagePref,
  LanguagePrefSchema,
  type OnlineService,
  OnlineServiceSchema,
  type Phone,
  type PhoneFeature,
  PhoneSchema,
  type SchedulingAddress,
  SchedulingAddressSchema,
} from './jscontact/contact-channels.js'
export {
  type Name,
  type NameComponent,
  type NameComponentKind,
  NameComponentSchema,
  NameSchema,
  type Nickname,
  NicknameSchema,
} from './jscontact/name.js'
export {
  type Author,
  AuthorSchema,
  type Note,
  NoteSchema,
  type PersonalInfo,
  PersonalInfoSchema,
  type Relation,
  RelationSchema,
} from './jscontact/notes.js'
export {
  type Organization,
  OrganizationSchema,
  type OrgUnit,
  OrgUnitSchema,
  type Title,
  TitleSchema,
} from './jscontact/organization.js'
export {
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
  type Resource,
} from './jscontact/resources.js'
export {
  type GrammaticalGender,
  type Pronouns,
  PronounsSchema,
  type SpeakToAs,
  SpeakToAsSchema,
} from './jscontact/speak-to-as.js'
export type { PropertySchemas } from './property-schemas/property-schemas.js'
