import type { Id } from '../primitives/id.js'
import type { UnsignedInt } from '../primitives/unsigned-int.js'
import type { ComparatorOf } from './comparator.js'
import type { Filter } from './filter.js'

/**
 * Arguments of a standard `Foo/query`.
 *
 * @see RFC 8620 §5.5
 * @example { "accountId": "u1", "filter": { "inMailbox": "M1" }, "sort": [{ "property": "receivedAt", "isAscending": false }], "limit": 20 }
 */
export interface QueryArguments<TFilterCondition, TSort> {
  readonly accountId: string
  readonly filter?: Filter<TFilterCondition> | null
  readonly sort?: readonly ComparatorOf<TSort>[] | null
  /** Zero-based index of the first id to return; negative counts from the end. */
  readonly position?: number
  /** An id to anchor the window at; overrides `position`. */
  readonly anchor?: Id | null
  readonly anchorOffset?: number
  readonly limit?: number | null
  readonly calculateTotal?: boolean
}

/**
 * Response of a standard `Foo/query`.
 *
 * @see RFC 8620 §5.5
 * @example { "accountId": "u1", "queryState": "q1", "canCalculateChanges": true, "position": 0, "ids": ["M1", "M2"], "total": 2 }
 */
export interface QueryResponse {
  readonly accountId: Id
  readonly queryState: string
  readonly canCalculateChanges: boolean
  readonly position: UnsignedInt
  readonly ids: Id[]
  /** Present only when `calculateTotal` was true. */
  readonly total?: UnsignedInt
  /** Present only when the server capped the requested limit. */
  readonly limit?: UnsignedInt
}

/**
 * Method witness of a standard `Foo/query`.
 *
 * @see RFC 8620 §5.5
 * @example interface MailboxQueryMethod extends QueryMethod<'urn:ietf:params:jmap:mail', MailboxFilterCondition, 'name' | 'sortOrder'> {}
 */
export interface QueryMethod<
  TCapability extends string,
  TFilterCondition,
  TSort,
  TExtraArguments extends object = {},
  TExtraResponse extends object = {},
> {
  readonly capability: TCapability
  readonly args: QueryArguments<TFilterCondition, TSort> & TExtraArguments
  readonly response: QueryResponse & TExtraResponse
  readonly '~args': unknown
}
