import { type JmapDate, JmapDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import {
  type EmailAddress,
  type EmailAddressGroup,
  EmailAddressGroupSchema,
  EmailAddressSchema,
} from './email-address.js'

/**
 * One header field as it appears in the message, value in Raw form.
 *
 * @see RFC 8621 §4.1.3
 * @example { "name": "Subject", "value": " Hello" }
 */
export interface EmailHeader {
  readonly name: string
  readonly value: string
}

/**
 * Validates an EmailHeader.
 *
 * @see RFC 8621 §4.1.3
 */
export const EmailHeaderSchema: v.GenericSchema<unknown, EmailHeader> = v.looseObject({
  name: v.string(),
  value: v.string(),
})

/**
 * The value of one header field instance in each parsed form.
 *
 * @see RFC 8621 §4.1.2
 */
export interface EmailHeaderFormValues {
  readonly Raw: string
  readonly Text: string
  readonly Addresses: readonly EmailAddress[]
  readonly GroupedAddresses: readonly EmailAddressGroup[]
  readonly MessageIds: readonly string[] | null
  readonly Date: JmapDate | null
  readonly URLs: readonly string[] | null
}

/**
 * The name of a parsed header form (`:as{Form}`).
 *
 * @see RFC 8621 §4.1.2
 * @example "Addresses"
 */
export type EmailHeaderForm = keyof EmailHeaderFormValues

/**
 * The forms allowed for each header field that RFC 5322 or RFC 2369 defines, by
 * lower-case name; every other header field may be fetched in any form.
 *
 * @see RFC 8621 §4.1.2
 */
export interface EmailHeaderFormsByName {
  readonly subject: 'Raw' | 'Text'
  readonly comments: 'Raw' | 'Text'
  readonly keywords: 'Raw' | 'Text'
  readonly from: AddressForms
  readonly sender: AddressForms
  readonly 'reply-to': AddressForms
  readonly to: AddressForms
  readonly cc: AddressForms
  readonly bcc: AddressForms
  readonly 'resent-from': AddressForms
  readonly 'resent-sender': AddressForms
  readonly 'resent-reply-to': AddressForms
  readonly 'resent-to': AddressForms
  readonly 'resent-cc': AddressForms
  readonly 'resent-bcc': AddressForms
  readonly 'message-id': 'Raw' | 'MessageIds'
  readonly 'in-reply-to': 'Raw' | 'MessageIds'
  readonly references: 'Raw' | 'MessageIds'
  readonly 'resent-message-id': 'Raw' | 'MessageIds'
  readonly date: 'Raw' | 'Date'
  readonly 'resent-date': 'Raw' | 'Date'
  readonly 'return-path': 'Raw'
  readonly received: 'Raw'
  readonly 'list-help': 'Raw' | 'URLs'
  readonly 'list-unsubscribe': 'Raw' | 'URLs'
  readonly 'list-subscribe': 'Raw' | 'URLs'
  readonly 'list-post': 'Raw' | 'URLs'
  readonly 'list-owner': 'Raw' | 'URLs'
  readonly 'list-archive': 'Raw' | 'URLs'
}

/**
 * The parsed forms an address header field (From, To, Cc, …) may be asked for.
 *
 * @see RFC 8621 §4.1.2
 */
export type AddressForms = 'Raw' | 'Addresses' | 'GroupedAddresses'

/**
 * A header-field property name: `header:{name}[:as{Form}][:all]`.
 *
 * @see RFC 8621 §4.1.3
 * @example "header:List-Unsubscribe:asURLs:all"
 */
export type EmailHeaderPropertyName = `header:${string}`

/**
 * The parts of a header property name: field name, form and whether `:all` was given.
 * Forms are matched before `:all` because the RFC fixes that order.
 */
interface ParsedHeaderProperty<TName extends string, TForm extends string, TAll extends boolean> {
  readonly name: TName
  readonly form: TForm
  readonly all: TAll
}

type ParseHeaderProperty<P extends string> = P extends `header:${infer TName}:as${infer TForm}:all`
  ? ParsedHeaderProperty<TName, TForm, true>
  : P extends `header:${infer TName}:as${infer TForm}`
    ? ParsedHeaderProperty<TName, TForm, false>
    : P extends `header:${infer TName}:all`
      ? ParsedHeaderProperty<TName, 'Raw', true>
      : P extends `header:${infer TName}`
        ? ParsedHeaderProperty<TName, 'Raw', false>
        : never

/**
 * The forms a header field may be fetched in (case-insensitive on the field name).
 *
 * @see RFC 8621 §4.1.2
 */
export type EmailHeaderFormsFor<TName extends string> =
  Lowercase<TName> extends keyof EmailHeaderFormsByName
    ? EmailHeaderFormsByName[Lowercase<TName>]
    : EmailHeaderForm

/**
 * A compile-time error carried in place of a value, shown where the value is used.
 *
 * @example HeaderPropertyError<'the header form is not allowed for this header field'>
 */
export interface HeaderPropertyError<TMessage extends string> {
  readonly '~headerPropertyError': TMessage
}

/** The forms in the RFC's order, for messages that list them. */
type FormsInOrder = ['Raw', 'Text', 'Addresses', 'GroupedAddresses', 'MessageIds', 'Date', 'URLs']

/** The forms of `TAllowed`, comma separated, in the RFC's order. */
type FormList<TAllowed, TForms extends readonly string[] = FormsInOrder> = TForms extends readonly [
  infer TForm extends string,
  ...infer TRest extends readonly string[],
]
  ? TForm extends TAllowed
    ? FormList<TAllowed, TRest> extends ''
      ? TForm
      : `${TForm}, ${FormList<TAllowed, TRest>}`
    : FormList<TAllowed, TRest>
  : ''

/** What is wrong with a parsed header property, as a message; `never` when nothing is. */
type HeaderProblemOf<TParsed> =
  TParsed extends ParsedHeaderProperty<infer TName, infer TForm, boolean>
    ? TName extends '' | `${string}:${string}`
      ? 'a header field name is one or more characters without a colon'
      : TForm extends EmailHeaderForm
        ? TForm extends EmailHeaderFormsFor<TName>
          ? never
          : `header field '${TName}' cannot be fetched as ${TForm}; it allows ${FormList<EmailHeaderFormsFor<TName>>}`
        : `unknown header form '${TForm}'; the forms are ${FormList<EmailHeaderForm>}`
    : 'not a header property name'

/**
 * What is wrong with a `header:…` property name (RFC 8621 §4.1.2/§4.1.3), as a
 * message naming the field and the forms it allows; `never` for a valid one
 * and for any name that is not a header property.
 *
 * @see RFC 8621 §4.1.3
 * @example EmailHeaderPropertyProblem<'header:From:asDate'> // "header field 'From' cannot be fetched as Date; it allows Raw, Addresses, GroupedAddresses"
 */
export type EmailHeaderPropertyProblem<P> = P extends `header:${string}`
  ? HeaderProblemOf<ParseHeaderProperty<P>>
  : never

/**
 * One header property name the RFC does not allow, with the reason.
 *
 * @see RFC 8621 §4.1.3
 * @example { item: 'header:From:asDate', message: "header field 'From' cannot be fetched as Date; it allows Raw, Addresses, GroupedAddresses" }
 */
export interface EmailHeaderPropertyIssue<TItem, TMessage extends string> {
  readonly item: TItem
  readonly message: TMessage
}

/**
 * The misused header properties among `TItems` (a union of names), each with
 * its message; `never` when every one is valid or not a header property.
 *
 * @see RFC 8621 §4.1.3
 */
export type EmailHeaderPropertyIssues<TItems> = TItems extends `header:${string}`
  ? [HeaderProblemOf<ParseHeaderProperty<TItems>>] extends [infer TMessage extends string]
    ? [TMessage] extends [never]
      ? never
      : EmailHeaderPropertyIssue<TItems, TMessage>
    : never
  : never

type HeaderValueOf<TParsed> = [HeaderProblemOf<TParsed>] extends [never]
  ? TParsed extends ParsedHeaderProperty<string, infer TForm extends EmailHeaderForm, infer TAll>
    ? TAll extends true
      ? readonly EmailHeaderFormValues[TForm][]
      : EmailHeaderFormValues[TForm] | null
    : never
  : HeaderPropertyError<HeaderProblemOf<TParsed>>

/**
 * The value type of a `header:…` property: the form's type, `| null` without `:all`,
 * an array with `:all`; a misuse becomes a `HeaderPropertyError`.
 *
 * @see RFC 8621 §4.1.3
 * @example EmailHeaderValue<'header:From:asAddresses'> // readonly EmailAddress[] | null
 */
export type EmailHeaderValue<P extends string> = HeaderValueOf<ParseHeaderProperty<P>>

/**
 * True when a header property name is well formed and its form is allowed for the field.
 *
 * @see RFC 8621 §4.1.3
 */
export type IsValidEmailHeaderProperty<P extends string> =
  EmailHeaderValue<P> extends HeaderPropertyError<string> ? false : true

const formSchemas: {
  readonly [F in EmailHeaderForm]: v.GenericSchema<unknown, EmailHeaderFormValues[F]>
} = {
  Raw: v.string(),
  Text: v.string(),
  Addresses: v.array(EmailAddressSchema),
  GroupedAddresses: v.array(EmailAddressGroupSchema),
  MessageIds: v.nullable(v.array(v.string())),
  Date: v.nullable(JmapDateSchema),
  URLs: v.nullable(v.array(v.string())),
}

const headerPropertyPattern = /^header:([\x21-\x39\x3b-\x7e]+)(?::as([A-Za-z]+))?(:all)?$/

/**
 * Splits a header property name into field name, form and `:all`, or returns
 * undefined when the name is not of the form `header:{name}[:as{Form}][:all]`.
 *
 * @see RFC 8621 §4.1.3
 * @example parseEmailHeaderProperty('header:To:asAddresses:all') // { name: 'To', form: 'Addresses', all: true }
 */
export function parseEmailHeaderProperty(
  property: string,
): { readonly name: string; readonly form: EmailHeaderForm; readonly all: boolean } | undefined {
  const match = headerPropertyPattern.exec(property)
  if (match === null) return undefined
  const form = match[2] ?? 'Raw'
  if (!isEmailHeaderForm(form)) return undefined
  return { name: match[1] ?? '', form, all: match[3] !== undefined }
}

function isEmailHeaderForm(form: string): form is EmailHeaderForm {
  return Object.hasOwn(formSchemas, form)
}

/**
 * The schema of a `header:…` property value, or undefined for a name that is not a
 * header property.
 *
 * @see RFC 8621 §4.1.3
 * @example emailHeaderPropertySchema('header:Subject:asText') // validates string | null
 */
export function emailHeaderPropertySchema(
  property: string,
): v.GenericSchema<unknown, unknown> | undefined {
  const parsed = parseEmailHeaderProperty(property)
  if (parsed === undefined) return undefined
  const schema = formSchemas[parsed.form]
  return parsed.all ? v.array(schema) : v.nullable(schema)
}
