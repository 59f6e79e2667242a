import {
  type CapabilityDefinition,
  type ChangesMethod,
  changesResponseSchema,
  defineCapability,
  type GetMethod,
  getResponseSchema,
  type Id,
  IdSchema,
  type QueryChangesMethod,
  type QueryMethod,
  queryChangesResponseSchema,
  queryResponseSchema,
  type SetError,
  SetErrorSchema,
  type SetMethod,
  setResponseSchema,
} from '@typed-jmap/core'
import * as v from 'valibot'
import {
  type SieveAccountCapability,
  SieveAccountCapabilitySchema,
  type SieveScript,
  type SieveScriptCreate,
  type SieveScriptFilterCondition,
  SieveScriptSchema,
  type SieveScriptSortProperty,
  sieveUrn,
} from './sieve-script.js'

/**
 * Method witness of `SieveScript/get`.
 *
 * @see RFC 9661 §2.1
 */
export interface SieveScriptGetMethod extends GetMethod<typeof sieveUrn, SieveScript> {}

/**
 * Method witness of `SieveScript/changes` (Cyrus 3.10 does not serve it).
 *
 * @see RFC 9661 §2.2
 */
export interface SieveScriptChangesMethod extends ChangesMethod<typeof sieveUrn> {}

/**
 * Method witness of `SieveScript/query`.
 *
 * @see RFC 9661 §2.3
 */
export interface SieveScriptQueryMethod
  extends QueryMethod<typeof sieveUrn, SieveScriptFilterCondition, SieveScriptSortProperty> {}

/**
 * Method witness of `SieveScript/queryChanges` (Cyrus 3.10 does not serve it).
 *
 * @see RFC 9661 §2.3
 */
export interface SieveScriptQueryChangesMethod
  extends QueryChangesMethod<
    typeof sieveUrn,
    SieveScriptFilterCondition,
    SieveScriptSortProperty
  > {}

/**
 * The arguments `SieveScript/set` adds to a standard /set: which script is
 * active once every create, update and destroy of the call succeeded.
 *
 * @see RFC 9661 §2.4
 * @example { "onSuccessActivateScript": "#filters" }
 */
export interface SieveScriptSetExtraArguments {
  /** Activates this script (an id, or `#creationId` of this call), deactivating the active one. */
  readonly onSuccessActivateScript?: Id | null
  /** Deactivates the active script, leaving none active. */
  readonly onSuccessDeactivateScript?: boolean | null
}

/**
 * What the server answers for a created script.
 *
 * @see RFC 9661 §2.4
 * @example { "id": "S1", "isActive": true, "blobId": "G1a" }
 */
export interface SieveScriptCreated {
  readonly id: Id
  readonly name?: string | null
  readonly blobId?: Id
  readonly isActive?: boolean
}

/**
 * Method witness of `SieveScript/set`. SetErrors beyond RFC 8620:
 * {@link InvalidSieveSetError} on create/update, {@link SieveIsActiveSetError}
 * on destroy, `alreadyExists` for a duplicate name.
 *
 * @see RFC 9661 §2.4
 */
export interface SieveScriptSetMethod
  extends SetMethod<
    typeof sieveUrn,
    SieveScript,
    SieveScriptCreate,
    SieveScriptCreated,
    SieveScriptSetExtraArguments
  > {}

/**
 * Arguments of `SieveScript/validate`: the blob holding the text to check.
 *
 * @see RFC 9661 §2.5
 * @example { "accountId": "u1", "blobId": "#draft" }
 */
export interface SieveScriptValidateArguments {
  readonly accountId: string
  readonly blobId: Id
}

/**
 * Response of `SieveScript/validate`: `error` is `null` for a valid script,
 * else an {@link InvalidSieveSetError} (or another SetError, e.g. `blobNotFound`).
 *
 * @see RFC 9661 §2.5
 * @example { "accountId": "u1", "error": { "type": "invalidScript", "description": "line 1: syntax error" } }
 */
export interface SieveScriptValidateResponse {
  readonly accountId: Id
  readonly error: SetError | null
}

/**
 * Method witness of `SieveScript/validate`.
 *
 * @see RFC 9661 §2.5
 */
export interface SieveScriptValidateMethod {
  readonly capability: typeof sieveUrn
  readonly args: SieveScriptValidateArguments
  readonly response: SieveScriptValidateResponse
  readonly '~args': unknown
}

/**
 * The methods of `urn:ietf:params:jmap:sieve`.
 *
 * @see RFC 9661 §2
 */
export interface SieveMethods {
  'SieveScript/get': SieveScriptGetMethod
  'SieveScript/changes': SieveScriptChangesMethod
  'SieveScript/query': SieveScriptQueryMethod
  'SieveScript/queryChanges': SieveScriptQueryChangesMethod
  'SieveScript/set': SieveScriptSetMethod
  'SieveScript/validate': SieveScriptValidateMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends SieveMethods {}
  interface Capabilities {
    'urn:ietf:params:jmap:sieve': { readonly session: {}; readonly account: SieveAccountCapability }
  }
}

/**
 * The runtime table of `urn:ietf:params:jmap:sieve` (RFC 9661). On Cyrus,
 * which serves it under its own URN, wrap the connection with
 * {@link withCyrusSieveDialect}.
 *
 * @see RFC 9661
 * @example createClient({ sessionUrl, auth, capabilities: [sieve, blob] })
 */
export const sieve: CapabilityDefinition<typeof sieveUrn, SieveMethods> = defineCapability<
  typeof sieveUrn,
  SieveMethods
>({
  urn: sieveUrn,
  accountCapability: SieveAccountCapabilitySchema,
  methods: {
    'SieveScript/get': { response: getResponseSchema(SieveScriptSchema) },
    'SieveScript/changes': { response: changesResponseSchema() },
    'SieveScript/query': { response: queryResponseSchema() },
    'SieveScript/queryChanges': { response: queryChangesResponseSchema() },
    'SieveScript/set': { response: setResponseSchema(SieveScriptSchema) },
    'SieveScript/validate': {
      response: v.looseObject({ accountId: IdSchema, error: v.nullish(SetErrorSchema, null) }),
    },
  },
})
