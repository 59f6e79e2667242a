import type { ChangesMethod, GetMethod, QueryChangesMethod, QueryMethod } from '@typed-jmap/core'
import type { quotaCapability } from '../capabilities/capability-urns.js'
import type { Quota } from './quota.js'
import type { QuotaFilterCondition, QuotaSortProperty } from './quota-filter.js'

/**
 * The response Quota/changes adds: `["used"]` when only usage changed.
 *
 * @see RFC 9425 §5.2
 * @example { "updatedProperties": ["used"] }
 */
export interface QuotaChangesExtraResponse {
  readonly updatedProperties: (keyof Quota & string)[] | null
}

/**
 * `Quota/get`.
 *
 * @see RFC 9425 §5.1
 */
export interface QuotaGetMethod extends GetMethod<typeof quotaCapability, Quota> {}

/**
 * `Quota/changes`, with `updatedProperties`.
 *
 * @see RFC 9425 §5.2
 */
export interface QuotaChangesMethod
  extends ChangesMethod<typeof quotaCapability, QuotaChangesExtraResponse> {}

/**
 * `Quota/query`.
 *
 * @see RFC 9425 §5.3
 */
export interface QuotaQueryMethod
  extends QueryMethod<typeof quotaCapability, QuotaFilterCondition, QuotaSortProperty> {}

/**
 * `Quota/queryChanges`.
 *
 * @see RFC 9425 §5.4
 */
export interface QuotaQueryChangesMethod
  extends QueryChangesMethod<typeof quotaCapability, QuotaFilterCondition, QuotaSortProperty> {}
