import type { Id } from '../primitives/id.js'
import type { Identified } from './identified.js'

/**
 * Arguments of a standard `Foo/get`.
 *
 * @see RFC 8620 §5.1
 * @example { "accountId": "u1", "ids": ["M1"], "properties": ["subject"] }
 */
export interface GetArguments<TProperty extends string> {
  /** The account to read from. */
  readonly accountId: string
  /** The records to return; `null` for all (only some types allow it). */
  readonly ids?: readonly Id[] | null
  /** The properties to return; `null` for the type's default set. `id` is always returned. */
  readonly properties?: readonly TProperty[] | null
}

/**
 * Response of a standard `Foo/get`.
 *
 * @see RFC 8620 §5.1
 * @example { "accountId": "u1", "state": "s1", "list": [{ "id": "M1" }], "notFound": [] }
 */
export interface GetResponse<TObject> {
  /** The account read from. */
  readonly accountId: Id
  /** The state of the type on the server when the list was read. */
  readonly state: string
  /** The records found, in no particular order. */
  readonly list: TObject[]
  /** The requested ids that do not exist. */
  readonly notFound: Id[]
}

/**
 * The records a `/get` returns for arguments `TArgs`: only the properties in
 * `properties` (plus `id`), the default set when `properties` is absent or
 * `null`, and any property (optional) when `properties` is a result reference.
 *
 * @see RFC 8620 §5.1
 * @example type E = SelectProperties<Email, { properties: ['subject'] }, keyof Email> // Pick<Email, 'id' | 'subject'>
 */
export type SelectProperties<
  TObject extends Identified,
  TArgs,
  TDefaultProperty extends keyof TObject,
> = TArgs extends { readonly properties: readonly (keyof TObject)[] }
  ? Pick<TObject, TArgs['properties'][number] | 'id'>
  : TArgs extends { readonly properties: object }
    ? Partial<TObject> & Identified
    : Pick<TObject, TDefaultProperty | 'id'>

/**
 * Method witness of a standard `Foo/get`; the response is narrowed to the
 * `properties` of the call.
 *
 * `TAskedFor` is the record as the server returns the properties named in
 * `properties`: server-computed properties left out of the default set
 * (CalendarEvent `utcStart`) are optional on the record type, but present
 * when asked for by name, so a witness may give them as required here.
 *
 * @see RFC 8620 §5.1
 * @example interface MailboxGetMethod extends GetMethod<'urn:ietf:params:jmap:mail', Mailbox> {}
 */
export interface GetMethod<
  TCapability extends string,
  TObject extends Identified,
  TExtraArguments extends object = {},
  TDefaultProperty extends keyof TObject = keyof TObject,
  TAskedFor extends Identified = TObject,
> {
  readonly capability: TCapability
  readonly args: GetArguments<keyof TObject & string> & TExtraArguments
  readonly response: GetResponse<
    SelectProperties<TAskedFor, this['~args'], TDefaultProperty & keyof TAskedFor>
  >
  readonly '~args': unknown
  /** Phantom: the data type, for property checks. */
  readonly '~object': TObject
}
