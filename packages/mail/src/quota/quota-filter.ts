import type { QuotaResourceType, QuotaScope } from './quota.js'

/**
 * The conditions Quota/query can filter on.
 *
 * @see RFC 9425 §5.3
 * @example { "scope": "account", "type": "Email" }
 */
export interface QuotaFilterCondition {
  readonly name?: string
  readonly scope?: QuotaScope
  readonly resourceType?: QuotaResourceType
  readonly type?: string
}

/**
 * The Quota properties Quota/query can sort by.
 *
 * @see RFC 9425 §5.3
 */
export type QuotaSortProperty = 'name' | 'used'
