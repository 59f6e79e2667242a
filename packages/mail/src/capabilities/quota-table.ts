import {
  type CapabilityDefinition,
  changesResponseSchema,
  defineCapability,
  getResponseSchema,
  queryChangesResponseSchema,
  queryResponseSchema,
} from '@typed-jmap/core'
import { QuotaSchema } from '../quota/quota.js'
import { quotaCapability } from './capability-urns.js'
import type { QuotaMethods } from './mail-methods.js'
import { updatedPropertiesEntry } from './updated-properties-entry.js'

/**
 * The runtime table of `urn:ietf:params:jmap:quota`.
 *
 * @see RFC 9425 §5
 * @example createClient({ sessionUrl, capabilities: [quota] })
 */
export const quota: CapabilityDefinition<typeof quotaCapability, QuotaMethods> = defineCapability<
  typeof quotaCapability,
  QuotaMethods
>({
  urn: quotaCapability,
  methods: {
    'Quota/get': { response: getResponseSchema(QuotaSchema) },
    'Quota/changes': { response: changesResponseSchema(updatedPropertiesEntry) },
    'Quota/query': { response: queryResponseSchema() },
    'Quota/queryChanges': { response: queryChangesResponseSchema() },
  },
})
