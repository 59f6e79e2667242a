import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { type EmailAddress, EmailAddressSchema } from '../email/email-address.js'

/**
 * An address the user may send from, with its defaults for new messages.
 *
 * @see RFC 8621 §6
 * @example { "id": "XD-3301-222-11_22AAz", "name": "Joe Bloggs", "email": "joe@example.com", "replyTo": null, "bcc": [{ "name": null, "email": "joe+archive@example.com" }], "textSignature": "-- \nJoe Bloggs", "htmlSignature": "", "mayDelete": false }
 */
export interface Identity {
  readonly id: Id
  readonly name: string
  readonly email: string
  readonly replyTo: readonly EmailAddress[] | null
  readonly bcc: readonly EmailAddress[] | null
  readonly textSignature: string
  readonly htmlSignature: string
  readonly mayDelete: boolean
}

/**
 * The schema of each Identity property. Properties a server leaves out (Cyrus sends
 * only `id`, `name`, `email` and `mayDelete`) read as their RFC defaults.
 *
 * @see RFC 8621 §6
 */
export const identityPropertySchemas: PropertySchemas<Identity> = {
  id: IdSchema,
  name: v.optional(v.string(), ''),
  email: v.string(),
  replyTo: v.optional(v.nullable(v.array(EmailAddressSchema)), null),
  bcc: v.optional(v.nullable(v.array(EmailAddressSchema)), null),
  textSignature: v.optional(v.string(), ''),
  htmlSignature: v.optional(v.string(), ''),
  mayDelete: v.boolean(),
}

/**
 * Validates an Identity; unknown properties are kept.
 *
 * @see RFC 8621 §6
 */
export const IdentitySchema: v.GenericSchema<unknown, Identity> =
  v.looseObject(identityPropertySchemas)
