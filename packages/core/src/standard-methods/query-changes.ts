import type { Id } from '../primitives/id.js'
import type { UnsignedInt } from '../primitives/unsigned-int.js'
import type { ComparatorOf } from './comparator.js'
import type { Filter } from './filter.js'

/**
 * Arguments of a standard `Foo/queryChanges`; pass the same `filter` and
 * `sort` as the original query.
 *
 * @see RFC 8620 §5.6
 * @example { "accountId": "u1", "sinceQueryState": "q1", "filter": { "inMailbox": "M1" } }
 */
export interface QueryChangesArguments<TFilterCondition, TSort> {
  readonly accountId: string
  readonly filter?: Filter<TFilterCondition> | null
  readonly sort?: readonly ComparatorOf<TSort>[] | null
  readonly sinceQueryState: string
  readonly maxChanges?: number | null
  readonly upToId?: Id | null
  readonly calculateTotal?: boolean
}

/**
 * An id added to a query result, at its new index.
 *
 * @see RFC 8620 §5.6
 * @example { "id": "M7", "index": 0 }
 */
export interface AddedItem {
  readonly id: Id
  readonly index: UnsignedInt
}

/**
 * Response of a standard `Foo/queryChanges`.
 *
 * @see RFC 8620 §5.6
 * @example { "accountId": "u1", "oldQueryState": "q1", "newQueryState": "q2", "removed": ["M3"], "added": [{ "id": "M7", "index": 0 }] }
 */
export interface QueryChangesResponse {
  readonly accountId: Id
  readonly oldQueryState: string
  readonly newQueryState: string
  readonly total?: UnsignedInt
  readonly removed: Id[]
  readonly added: AddedItem[]
}

/**
 * Method witness of a standard `Foo/queryChanges`.
 *
 * @see RFC 8620 §5.6
 * @example interface MailboxQueryChangesMethod extends QueryChangesMethod<'urn:ietf:params:jmap:mail', MailboxFilterCondition, 'name'> {}
 */
export interface QueryChangesMethod<
  TCapability extends string,
  TFilterCondition,
  TSort,
  TExtraArguments extends object = {},
  TExtraResponse extends object = {},
> {
  readonly capability: TCapability
  readonly args: QueryChangesArguments<TFilterCondition, TSort> & TExtraArguments
  readonly response: QueryChangesResponse & TExtraResponse
  readonly '~args': unknown
}
