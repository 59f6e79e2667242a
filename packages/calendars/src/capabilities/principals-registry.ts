import {
  type CapabilityDefinition,
  changesResponseSchema,
  defineCapability,
  getResponseSchema,
  queryChangesResponseSchema,
  queryResponseSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import { normalisedGetResponseSchema } from '../normalised-response/normalised-get-response-schema.js'
import type {
  PrincipalChangesMethod,
  PrincipalGetMethod,
  PrincipalQueryChangesMethod,
  PrincipalQueryMethod,
  PrincipalSetMethod,
} from '../principal/principal-methods.js'
import { PrincipalSchema } from '../principal/principal-schema.js'
import { normalisePrincipalWire } from '../principal/principal-wire.js'
import type {
  ShareNotificationChangesMethod,
  ShareNotificationGetMethod,
  ShareNotificationQueryChangesMethod,
  ShareNotificationQueryMethod,
  ShareNotificationSetMethod,
} from '../share-notification/share-notification-methods.js'
import { ShareNotificationSchema } from '../share-notification/share-notification-schema.js'
import type {
  EmptyCapability,
  PrincipalsAccountCapability,
  PrincipalsOwnerAccountCapability,
} from './calendars-capability.js'
import { PRINCIPALS_CAPABILITY } from './capability-urns.js'

/**
 * The methods of `urn:ietf:params:jmap:principals`.
 *
 * @see RFC 9670 §2.1
 */
export interface PrincipalsMethods {
  'Principal/get': PrincipalGetMethod
  'Principal/changes': PrincipalChangesMethod
  'Principal/set': PrincipalSetMethod
  'Principal/query': PrincipalQueryMethod
  'Principal/queryChanges': PrincipalQueryChangesMethod
  'ShareNotification/get': ShareNotificationGetMethod
  'ShareNotification/changes': ShareNotificationChangesMethod
  'ShareNotification/set': ShareNotificationSetMethod
  'ShareNotification/query': ShareNotificationQueryMethod
  'ShareNotification/queryChanges': ShareNotificationQueryChangesMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends PrincipalsMethods {}
  interface Capabilities {
    'urn:ietf:params:jmap:principals': {
      readonly session: EmptyCapability
      readonly account: PrincipalsAccountCapability
    }
    'urn:ietf:params:jmap:principals:owner': {
      /** Never in the Session's capabilities; only in accountCapabilities. */
      readonly session: EmptyCapability
      readonly account: PrincipalsOwnerAccountCapability
    }
  }
}

/**
 * The runtime table of `urn:ietf:params:jmap:principals` (Principal and ShareNotification).
 *
 * @see RFC 9670 §2.1
 * @example createClient({ sessionUrl, capabilities: [principals] })
 */
export const principals: CapabilityDefinition<typeof PRINCIPALS_CAPABILITY, PrincipalsMethods> =
  defineCapability<typeof PRINCIPALS_CAPABILITY, PrincipalsMethods>({
    urn: PRINCIPALS_CAPABILITY,
    methods: {
      'Principal/get': {
        response: normalisedGetResponseSchema(PrincipalSchema, normalisePrincipalWire),
      },
      'Principal/changes': { response: changesResponseSchema() },
      'Principal/set': { response: setResponseSchema(PrincipalSchema) },
      'Principal/query': { response: queryResponseSchema() },
      'Principal/queryChanges': { response: queryChangesResponseSchema() },
      'ShareNotification/get': { response: getResponseSchema(ShareNotificationSchema) },
      'ShareNotification/changes': { response: changesResponseSchema() },
      'ShareNotification/set': { response: setResponseSchema() },
      'ShareNotification/query': { response: queryResponseSchema() },
      'ShareNotification/queryChanges': { response: queryChangesResponseSchema() },
    },
  })
