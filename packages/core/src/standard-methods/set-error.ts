import * as v from 'valibot'
import type { Id } from '../primitives/id.js'

/**
 * Fields every SetError carries.
 *
 * @see RFC 8620 §5.3
 * @example { "type": "forbidden", "description": "read-only mailbox" }
 */
export interface SetErrorFields<TType extends string> {
  /** The SetError type, e.g. `notFound`. */
  readonly type: TType
  /** A human-readable explanation, when the server sends one. */
  readonly description?: string | null
}

/**
 * SetError types of RFC 8620 that add no fields.
 *
 * @see RFC 8620 §5.3
 */
export type PlainSetErrorType =
  | 'forbidden'
  | 'overQuota'
  | 'tooLarge'
  | 'rateLimit'
  | 'notFound'
  | 'invalidPatch'
  | 'willDestroy'
  | 'singleton'

/**
 * A SetError of an RFC 8620 type without extra fields.
 *
 * @see RFC 8620 §5.3
 * @example { "type": "notFound" }
 */
export interface PlainSetError extends SetErrorFields<PlainSetErrorType> {}

/**
 * The `invalidProperties` SetError, naming the properties at fault.
 *
 * @see RFC 8620 §5.3
 * @example { "type": "invalidProperties", "properties": ["name"] }
 */
export interface InvalidPropertiesSetError extends SetErrorFields<'invalidProperties'> {
  /** The properties that were invalid. */
  readonly properties?: readonly string[]
}

/**
 * The `alreadyExists` SetError, with the id of the record that already exists.
 *
 * @see RFC 8620 §5.3, §5.4
 * @example { "type": "alreadyExists", "existingId": "M1" }
 */
export interface AlreadyExistsSetError extends SetErrorFields<'alreadyExists'> {
  /** The id of the existing record. */
  readonly existingId: Id
}

/**
 * A SetError of a type defined outside RFC 8620 (mail, calendars, vendors);
 * its extra fields are kept at run time (narrow to the extension's interface to read them).
 *
 * @see RFC 8620 §5.3
 * @example { "type": "mailboxHasEmail" }
 */
export interface OtherSetError extends SetErrorFields<string & {}> {}

/**
 * Why one record of a `/set` or `/copy` was not created, updated or destroyed:
 * an open union over `type`.
 *
 * @see RFC 8620 §5.3
 * @example { "type": "invalidProperties", "properties": ["name"], "description": "name is empty" }
 */
export type SetError =
  | PlainSetError
  | InvalidPropertiesSetError
  | AlreadyExistsSetError
  | OtherSetError

/**
 * The valibot schema of a {@link SetError}.
 *
 * @see RFC 8620 §5.3
 * @example v.parse(SetErrorSchema, { type: 'notFound' })
 */
export const SetErrorSchema: v.GenericSchema<unknown, SetError> = v.looseObject({
  type: v.string(),
  description: v.optional(v.nullable(v.string())),
  properties: v.optional(v.array(v.string())),
  existingId: v.optional(v.string()),
}) as v.GenericSchema<unknown, SetError>
