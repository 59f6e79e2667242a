import {
  type CapabilityDefinition,
  changesResponseSchema,
  defineCapability,
  getResponseSchema,
  queryChangesResponseSchema,
  queryResponseSchema,
} from '@typed-jmap/core'
import { builtOnFirstUse } from '@typed-jmap/core/internal'
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
    'Quota/changes': {
      response: builtOnFirstUse(() => changesResponseSchema(updatedPropertiesEntry)),
    },
    'Quota/query': { response: builtOnFirstUse(() => queryResponseSchema()) },
    'Quota/queryChanges': { response: builtOnFirstUse(() => queryChangesResponseSchema()) },
  },
})
