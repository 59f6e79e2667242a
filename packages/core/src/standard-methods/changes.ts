import type { Id } from '../primitives/id.js'

/**
 * Arguments of a standard `Foo/changes`.
 *
 * @see RFC 8620 §5.2
 * @example { "accountId": "u1", "sinceState": "s1", "maxChanges": 100 }
 */
export interface ChangesArguments {
  /** The account to read from. */
  readonly accountId: string
  /** The state the client has. */
  readonly sinceState: string
  /** The most ids to return (greater than 0). */
  readonly maxChanges?: number | null
}

/**
 * Response of a standard `Foo/changes`.
 *
 * @see RFC 8620 §5.2
 * @example { "accountId": "u1", "oldState": "s1", "newState": "s2", "hasMoreChanges": false, "created": ["M2"], "updated": [], "destroyed": [] }
 */
export interface ChangesResponse {
  readonly accountId: Id
  readonly oldState: string
  readonly newState: string
  /** True when more changes remain; call again with `newState`. */
  readonly hasMoreChanges: boolean
  readonly created: Id[]
  readonly updated: Id[]
  readonly destroyed: Id[]
}

/**
 * Method witness of a standard `Foo/changes`.
 *
 * @see RFC 8620 §5.2
 * @example interface MailboxChangesMethod extends ChangesMethod<'urn:ietf:params:jmap:mail', { updatedProperties: string[] | null }> {}
 */
export interface ChangesMethod<
  TCapability extends string,
  TExtraResponse extends object = {},
  TExtraArguments extends object = {},
> {
  readonly capability: TCapability
  readonly args: ChangesArguments & TExtraArguments
  readonly response: ChangesResponse & TExtraResponse
  readonly '~args': unknown
}
