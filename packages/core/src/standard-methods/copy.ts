import type { Id } from '../primitives/id.js'
import type { Identified } from './identified.js'
import type { SetError } from './set-error.js'

/**
 * Arguments of a standard `Foo/copy` (between accounts).
 *
 * @see RFC 8620 §5.4
 * @example { "fromAccountId": "u1", "accountId": "u2", "create": { "k1": { "id": "M1" } }, "onSuccessDestroyOriginal": false }
 */
export interface CopyArguments<TCreate> {
  readonly fromAccountId: string
  readonly ifFromInState?: string | null
  readonly accountId: string
  readonly ifInState?: string | null
  /** Records to copy, by creation id; each names its source record in `id`. */
  readonly create: { readonly [creationId: string]: TCreate & Identified }
  /** Destroy the originals after a successful copy (an implicit `Foo/set` follows). */
  readonly onSuccessDestroyOriginal?: boolean
  readonly destroyFromIfInState?: string | null
}

/**
 * Response of a standard `Foo/copy`.
 *
 * @see RFC 8620 §5.4
 * @example { "fromAccountId": "u1", "accountId": "u2", "oldState": "s1", "newState": "s2", "created": { "k1": { "id": "M5" } }, "notCreated": null }
 */
export interface CopyResponse<TCreated> {
  readonly fromAccountId: Id
  readonly accountId: Id
  readonly oldState: string | null
  /**
   * The state after the copy. RFC 8620 requires it, but Cyrus (3.6, 3.10)
   * leaves it out of Email/copy and CalendarEvent/copy responses: `null` then,
   * and a caller that needs it reads the state with a `/get`.
   */
  readonly newState: string | null
  readonly created: Record<string, TCreated> | null
  readonly notCreated: Record<string, SetError> | null
}

/**
 * Method witness of a standard `Foo/copy`.
 *
 * @see RFC 8620 §5.4
 * @example interface EmailCopyMethod extends CopyMethod<'urn:ietf:params:jmap:mail', Email> {}
 */
export interface CopyMethod<
  TCapability extends string,
  TObject extends Identified,
  TCreate = Partial<TObject>,
  TCreated = Partial<TObject> & Identified,
  TExtraArguments extends object = {},
> {
  readonly capability: TCapability
  readonly args: CopyArguments<TCreate> & TExtraArguments
  readonly response: CopyResponse<TCreated>
  readonly '~args': unknown
  /** Phantom: the data type. */
  readonly '~object': TObject
}
