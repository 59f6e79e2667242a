import type { EchoedId } from '../creation-id/echoed-id.js'
import type { PatchObject } from '../patch/patch-object.js'
import type { Id } from '../primitives/id.js'
import type { Identified } from './identified.js'
import type { SetError } from './set-error.js'

/**
 * Arguments of a standard `Foo/set`. `create` is keyed by client-chosen
 * creation ids; `update` and `destroy` take record ids (or `#creationId`
 * references made by `handle.created(...)`).
 *
 * @see RFC 8620 §5.3
 * @example { "accountId": "u1", "create": { "k1": { "name": "Inbox" } }, "update": { "M1": { "name": "Old" } }, "destroy": ["M2"] }
 */
export interface SetArguments<TCreate, TObject> {
  /** The account to write to. */
  readonly accountId: string
  /** Fail with `stateMismatch` unless the server state equals this. */
  readonly ifInState?: string | null
  /** Records to create, by creation id. */
  readonly create?: { readonly [creationId: string]: TCreate } | null
  /** Patches to apply, by record id. */
  readonly update?: Readonly<Record<Id, PatchObject<TObject>>> | null
  /** Ids of records to destroy. */
  readonly destroy?: readonly Id[] | null
}

/**
 * Response of a standard `Foo/set`.
 *
 * @see RFC 8620 §5.3
 * @example { "accountId": "u1", "oldState": "s1", "newState": "s2", "created": { "k1": { "id": "M9" } }, "updated": null, "destroyed": null, "notCreated": null, "notUpdated": null, "notDestroyed": null }
 */
export interface SetResponse<TCreated, TObject> {
  readonly accountId: Id
  /** The state before the changes, or `null` if the server cannot tell. */
  readonly oldState: string | null
  /** The state after the changes. */
  readonly newState: string
  /** Server-set properties of each created record, by creation id. */
  readonly created: Record<string, TCreated> | null
  /** For each updated id, `null` or the properties the server changed beyond the patch. */
  readonly updated: Record<Id, Partial<TObject> | null> | null
  /** Ids destroyed. */
  readonly destroyed: Id[] | null
  /** Why each failed creation failed, by creation id. */
  readonly notCreated: Record<string, SetError> | null
  /**
   * Why each failed update failed, by id as the request wrote it: a
   * `#creationId` whose creation failed comes back as written.
   */
  readonly notUpdated: Record<EchoedId, SetError> | null
  /** Why each failed destroy failed, by id as the request wrote it (see `notUpdated`). */
  readonly notDestroyed: Record<EchoedId, SetError> | null
}

/**
 * Method witness of a standard `Foo/set`.
 *
 * @see RFC 8620 §5.3
 * @example interface MailboxSetMethod extends SetMethod<'urn:ietf:params:jmap:mail', Mailbox, MailboxCreate> {}
 */
export interface SetMethod<
  TCapability extends string,
  TObject extends Identified,
  TCreate = Partial<Omit<TObject, 'id'>>,
  TCreated = Partial<TObject> & Identified,
  TExtraArguments extends object = {},
  TExtraResponse extends object = {},
> {
  readonly capability: TCapability
  readonly args: SetArguments<TCreate, TObject> & TExtraArguments
  readonly response: SetResponse<TCreated, TObject> & TExtraResponse
  readonly '~args': unknown
  /** Phantom: the data type, for patch path checks. */
  readonly '~object': TObject
}
