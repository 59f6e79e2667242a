import type { Id } from '@typed-jmap/core'
import type { Email, EmailProperty } from './email.js'
import type { DefaultEmailBodyProperty, EmailBodyPart, EmailBodyValue } from './email-body-part.js'
import type { EmailHeaderPropertyName, EmailHeaderValue } from './email-header.js'

/**
 * A name that may be listed in `properties` of Email/get and Email/parse.
 *
 * @see RFC 8621 §4.2
 * @example "header:List-Id:asText"
 */
export type EmailPropertyName = EmailProperty | EmailHeaderPropertyName

/**
 * A name that may be listed in `bodyProperties`.
 *
 * @see RFC 8621 §4.2
 * @example "header:Content-Type"
 */
export type EmailBodyPartPropertyName = keyof EmailBodyPart | EmailHeaderPropertyName

/**
 * The Email properties Email/parse returns when `properties` is omitted.
 *
 * @see RFC 8621 §4.9
 */
export const defaultEmailParseProperties = [
  'messageId',
  'inReplyTo',
  'references',
  'sender',
  'from',
  'to',
  'cc',
  'bcc',
  'replyTo',
  'subject',
  'sentAt',
  'hasAttachment',
  'preview',
  'bodyValues',
  'textBody',
  'htmlBody',
  'attachments',
] as const

/**
 * The Email metadata properties (those not read from the message itself).
 *
 * @see RFC 8621 §4.1.1
 */
export const emailMetadataProperties = [
  'id',
  'blobId',
  'threadId',
  'mailboxIds',
  'keywords',
  'size',
  'receivedAt',
] as const

/**
 * The Email properties fetched when Email/get's `properties` is omitted or null
 * (not all of them: `headers` and `bodyStructure` are left out): the metadata,
 * then what Email/parse returns by default.
 *
 * @see RFC 8621 §4.2
 */
export const defaultEmailGetProperties: readonly [
  ...typeof emailMetadataProperties,
  ...typeof defaultEmailParseProperties,
] = [...emailMetadataProperties, ...defaultEmailParseProperties]

/**
 * An Email property that Email/get returns by default.
 *
 * @see RFC 8621 §4.2
 */
export type DefaultEmailGetProperty = (typeof defaultEmailGetProperties)[number]

/**
 * An Email property that Email/parse returns by default.
 *
 * @see RFC 8621 §4.9
 */
export type DefaultEmailParseProperty = (typeof defaultEmailParseProperties)[number]

/**
 * `bodyValues` when no `fetch…BodyValues` argument was true: always an empty map.
 *
 * @see RFC 8621 §4.2
 * @example {}
 */
export interface EmailBodyValuesNotFetched {
  readonly [partId: string]: never
}

/**
 * `bodyValues` when at least one `fetch…BodyValues` argument may be true.
 *
 * @see RFC 8621 §4.2
 */
export interface EmailBodyValues {
  readonly [partId: string]: EmailBodyValue
}

/**
 * An EmailBodyPart holding only the `bodyProperties` asked for; `subParts` holds parts
 * of the same shape.
 *
 * @see RFC 8621 §4.1.4
 */
export type SelectedEmailBodyPart<TBodyProperty extends string> = string extends TBodyProperty
  ? Partial<EmailBodyPart>
  : {
      readonly [K in TBodyProperty as K extends EmailBodyPartPropertyName
        ? K
        : never]: K extends 'subParts'
        ? readonly SelectedEmailBodyPart<TBodyProperty>[] | null
        : K extends keyof EmailBodyPart
          ? EmailBodyPart[K]
          : EmailHeaderValue<K>
    }

type SelectedEmailValue<
  K extends string,
  TBodyProperty extends string,
  TBodyValues,
> = K extends 'bodyStructure'
  ? SelectedEmailBodyPart<TBodyProperty>
  : K extends 'textBody' | 'htmlBody' | 'attachments'
    ? readonly SelectedEmailBodyPart<TBodyProperty>[]
    : K extends 'bodyValues'
      ? TBodyValues
      : K extends EmailProperty
        ? Email[K]
        : EmailHeaderValue<K>

/**
 * An Email holding `id` and exactly the properties asked for, header properties under
 * the name sent, body parts narrowed to `bodyProperties`.
 *
 * @see RFC 8621 §4.2
 * @example SelectedEmail<'subject' | 'header:List-Id:asText', DefaultEmailBodyProperty, EmailBodyValuesNotFetched>
 */
export type SelectedEmail<
  TProperty extends string,
  TBodyProperty extends string = DefaultEmailBodyProperty,
  TBodyValues = EmailBodyValuesNotFetched,
> = string extends TProperty
  ? { readonly id: Id } & Partial<Email>
  : {
      readonly [K in TProperty | 'id' as K extends EmailPropertyName
        ? K
        : never]: SelectedEmailValue<K, TBodyProperty, TBodyValues>
    }

// A result reference in `properties` is known only at run time: any property may come back.
type RequestedProperties<TArgs, TDefault extends string> = TArgs extends {
  readonly properties: readonly string[]
}
  ? TArgs['properties'][number]
  : TArgs extends { readonly properties: object }
    ? string
    : TDefault

type ArgumentValue<TArgs, TName extends string> = TName extends keyof TArgs ? TArgs[TName] : never

// One flag that may be true is enough. (A check against an all-optional object type would
// be a weak-type comparison, which fails for arguments that share no property with it.)
type RequestedBodyValues<TArgs> = unknown extends TArgs
  ? EmailBodyValues
  : true extends ArgumentValue<
        TArgs,
        'fetchTextBodyValues' | 'fetchHTMLBodyValues' | 'fetchAllBodyValues'
      >
    ? EmailBodyValues
    : EmailBodyValuesNotFetched

/**
 * The Email that Email/get returns for the given arguments: `properties` (default list
 * when omitted), `bodyProperties` and the `fetch…BodyValues` flags narrow it.
 *
 * @see RFC 8621 §4.2
 */
export type EmailForGetArguments<TArgs> = SelectedEmail<
  RequestedProperties<TArgs, DefaultEmailGetProperty>,
  RequestedProperties<BodyPropertiesAsProperties<TArgs>, DefaultEmailBodyProperty>,
  RequestedBodyValues<TArgs>
>

type BodyPropertiesAsProperties<TArgs> = TArgs extends {
  readonly bodyProperties: readonly string[]
}
  ? { readonly properties: TArgs['bodyProperties'] }
  : unknown

/**
 * Overrides for a parsed Email: it is in no mailbox, so these come back null.
 *
 * @see RFC 8621 §4.9
 */
interface ParsedEmailOverrides {
  readonly id: null
  readonly mailboxIds: null
  readonly keywords: null
  readonly receivedAt: null
  readonly threadId: Id | null
}

/**
 * The Email that Email/parse returns for the given arguments; `id`, `mailboxIds`,
 * `keywords` and `receivedAt` are null and `threadId` may be.
 *
 * @see RFC 8621 §4.9
 */
export type ParsedEmailForArguments<TArgs> = ParsedEmail<
  SelectedEmailWithoutId<
    RequestedProperties<TArgs, DefaultEmailParseProperty>,
    RequestedProperties<BodyPropertiesAsProperties<TArgs>, DefaultEmailBodyProperty>,
    RequestedBodyValues<TArgs>
  >
>

type SelectedEmailWithoutId<
  TProperty extends string,
  TBodyProperty extends string,
  TBodyValues,
> = string extends TProperty
  ? Partial<Email>
  : {
      readonly [K in TProperty as K extends EmailPropertyName ? K : never]: SelectedEmailValue<
        K,
        TBodyProperty,
        TBodyValues
      >
    }

type ParsedEmail<TEmail> = {
  readonly [K in keyof TEmail]: K extends keyof ParsedEmailOverrides
    ? ParsedEmailOverrides[K]
    : TEmail[K]
}
