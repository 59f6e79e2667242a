import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema, type UnsignedInt, UnsignedIntSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * What a Quota counts: objects or octets.
 *
 * @see RFC 9425 §4
 */
export type QuotaResourceType = 'count' | 'octets' | (string & {})

/**
 * Whom a Quota applies to.
 *
 * @see RFC 9425 §4
 */
export type QuotaScope = 'account' | 'domain' | 'global' | (string & {})

/**
 * A limit on a resource and how much of it is used.
 *
 * `types` holds JMAP data type names (`Email`, `CalendarEvent`, …), filtered by the
 * capabilities of the request; the RFC examples' "Mail" is not a registered name.
 *
 * @see RFC 9425 §4
 * @example { "id": "2a06df0d", "resourceType": "octets", "used": 50000, "warnLimit": 900000, "hardLimit": 1000000, "scope": "account", "name": "bob@example.com", "description": "Personal account usage", "types": ["Email"] }
 */
export interface Quota {
  readonly id: Id
  readonly resourceType: QuotaResourceType
  readonly used: UnsignedInt
  readonly hardLimit: UnsignedInt
  readonly scope: QuotaScope
  readonly name: string
  readonly types: readonly string[]
  /** RFC 9425 §4: `UnsignedInt|null`; absent or `null` when there is none. */
  readonly warnLimit?: UnsignedInt | null
  /** RFC 9425 §4: `UnsignedInt|null`; absent or `null` when there is none. */
  readonly softLimit?: UnsignedInt | null
  readonly description?: string | null
}

/**
 * The schema of each Quota property.
 *
 * @see RFC 9425 §4
 */
export const quotaPropertySchemas: PropertySchemas<Quota> = {
  id: IdSchema,
  resourceType: v.string(),
  used: UnsignedIntSchema,
  hardLimit: UnsignedIntSchema,
  scope: v.string(),
  name: v.string(),
  types: v.array(v.string()),
  warnLimit: v.exactOptional(v.nullable(UnsignedIntSchema)),
  softLimit: v.exactOptional(v.nullable(UnsignedIntSchema)),
  description: v.exactOptional(v.nullable(v.string())),
}

/**
 * Validates a Quota; unknown properties are kept.
 *
 * @see RFC 9425 §4
 */
export const QuotaSchema: v.GenericSchema<unknown, Quota> = v.looseObject(quotaPropertySchemas)
