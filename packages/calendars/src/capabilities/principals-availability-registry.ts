import { type CapabilityDefinition, defineCapability } from '@typed-jmap/core'
import { principalGetAvailabilityResponseSchema } from '../principal/principal-get-availability-response-schema.js'
import type { PrincipalGetAvailabilityMethod } from '../principal/principal-methods.js'
import type {
  EmptyCapability,
  PrincipalsAvailabilityAccountCapability,
} from './calendars-capability.js'
import { PRINCIPALS_AVAILABILITY_CAPABILITY, PRINCIPALS_CAPABILITY } from './capability-urns.js'

/**
 * The methods of `urn:ietf:params:jmap:principals:availability`.
 *
 * @see draft-ietf-jmap-calendars §2.2
 */
export interface PrincipalsAvailabilityMethods {
  'Principal/getAvailability': PrincipalGetAvailabilityMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends PrincipalsAvailabilityMethods {}
  interface Capabilities {
    'urn:ietf:params:jmap:principals:availability': {
      readonly session: EmptyCapability
      readonly account: PrincipalsAvailabilityAccountCapability
    }
  }
}

/**
 * The runtime table of `urn:ietf:params:jmap:principals:availability`.
 *
 * @see draft-ietf-jmap-calendars §2.2
 * @example createClient({ sessionUrl, capabilities: [principals, principalsAvailability] })
 */
export const principalsAvailability: CapabilityDefinition<
  typeof PRINCIPALS_AVAILABILITY_CAPABILITY,
  PrincipalsAvailabilityMethods
> = defineCapability<typeof PRINCIPALS_AVAILABILITY_CAPABILITY, PrincipalsAvailabilityMethods>({
  urn: PRINCIPALS_AVAILABILITY_CAPABILITY,
  methods: {
    'Principal/getAvailability': {
      response: principalGetAvailabilityResponseSchema,
      using: [PRINCIPALS_CAPABILITY],
    },
  },
})
