import {
  type CapabilityDefinition,
  defineCapability,
  IdSchema,
  SetErrorSchema,
} from '@typed-jmap/core'
import { builtOnFirstUse } from '@typed-jmap/core/internal'
import * as v from 'valibot'
import { MdnSchema } from '../mdn/mdn.js'
import { mailCapability, mdnCapability } from './capability-urns.js'
import type { MdnMethods } from './mail-methods.js'

/**
 * The runtime table of `urn:ietf:params:jmap:mdn`; its calls also send the mail capability.
 *
 * @see RFC 9007 §3
 * @example createClient({ sessionUrl, capabilities: [mail, mdn] })
 */
export const mdn: CapabilityDefinition<typeof mdnCapability, MdnMethods> = defineCapability<
  typeof mdnCapability,
  MdnMethods
>({
  urn: mdnCapability,
  methods: {
    'MDN/send': {
      response: builtOnFirstUse(() =>
        v.looseObject({
          accountId: IdSchema,
          sent: v.nullish(v.record(v.string(), v.record(v.string(), v.unknown())), null),
          notSent: v.nullish(v.record(v.string(), SetErrorSchema), null),
        }),
      ),
      using: [mailCapability],
      creates: ['send'],
      ownCreationReferences: ['onSuccessUpdateEmail'],
    },
    'MDN/parse': {
      response: builtOnFirstUse(() =>
        v.looseObject({
          accountId: IdSchema,
          parsed: v.nullish(v.record(v.string(), MdnSchema), null),
          notParsable: v.nullish(v.array(IdSchema), null),
          notFound: v.nullish(v.array(IdSchema), null),
        }),
      ),
      using: [mailCapability],
    },
  },
})
