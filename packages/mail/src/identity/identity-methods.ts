import type { ChangesMethod, GetMethod, Identified, SetMethod } from '@typed-jmap/core'
import type { submissionCapability } from '../capabilities/capability-urns.js'
import type { EmailAddress } from '../email/email-address.js'
import type { Identity } from './identity.js'

/**
 * An Identity to create; `email` may be a `*@domain` wildcard when the server allows it.
 *
 * @see RFC 8621 §6.3
 * @example { "name": "Joe", "email": "joe@example.com", "textSignature": "-- \nJoe" }
 */
export interface IdentityCreate {
  readonly email: string
  readonly name?: string
  readonly replyTo?: readonly EmailAddress[] | null
  readonly bcc?: readonly EmailAddress[] | null
  readonly textSignature?: string
  readonly htmlSignature?: string
}

/**
 * What the server answers for a created Identity.
 *
 * @see RFC 8621 §6.3
 * @example { "id": "I9", "mayDelete": true }
 */
export interface IdentityCreated extends Partial<Omit<Identity, 'id'>>, Identified {}

/**
 * `Identity/get`.
 *
 * @see RFC 8621 §6.1
 */
export interface IdentityGetMethod extends GetMethod<typeof submissionCapability, Identity> {}

/**
 * `Identity/changes`.
 *
 * @see RFC 8621 §6.2
 */
export interface IdentityChangesMethod extends ChangesMethod<typeof submissionCapability> {}

/**
 * `Identity/set` (Cyrus does not implement it).
 *
 * @see RFC 8621 §6.3
 */
export interface IdentitySetMethod
  extends SetMethod<typeof submissionCapability, Identity, IdentityCreate, IdentityCreated> {}
