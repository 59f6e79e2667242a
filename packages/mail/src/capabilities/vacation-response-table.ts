import {
  type CapabilityDefinition,
  defineCapability,
  getResponseSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import { builtOnFirstUse } from '@typed-jmap/core/internal'
import { VacationResponseSchema } from '../vacation-response/vacation-response.js'
import { vacationResponseCapability } from './capability-urns.js'
import type { VacationResponseMethods } from './mail-methods.js'

/**
 * The runtime table of `urn:ietf:params:jmap:vacationresponse`.
 *
 * @see RFC 8621 §8
 * @example createClient({ sessionUrl, capabilities: [vacationResponse] })
 */
export const vacationResponse: CapabilityDefinition<
  typeof vacationResponseCapability,
  VacationResponseMethods
> = defineCapability<typeof vacationResponseCapability, VacationResponseMethods>({
  urn: vacationResponseCapability,
  methods: {
    'VacationResponse/get': { response: getResponseSchema(VacationResponseSchema) },
    'VacationResponse/set': {
      response: builtOnFirstUse(() => setResponseSchema(VacationResponseSchema)),
    },
  },
})
