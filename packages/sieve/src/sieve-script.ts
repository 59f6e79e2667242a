import { type Id, IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/** The URN of JMAP for Sieve Scripts. */
export const sieveUrn = 'urn:ietf:params:jmap:sieve'

/**
 * A Sieve script stored on the server. Its text is the blob `blobId`; at most
 * one script of an account is active (the one that filters incoming mail).
 *
 * @see RFC 9661 §2
 * @example { "id": "S1", "name": "filters", "blobId": "G3f2", "isActive": true }
 */
export interface SieveScript {
  readonly id: Id
  /** Unique in the account; `null` lets the server choose one. */
  readonly name: string | null
  /** The script's text (UTF-8), as a blob: upload it, or `Blob/upload` it in the same request. */
  readonly blobId: Id
  /** Server-set: changes only through `onSuccessActivateScript`/`onSuccessDeactivateScript`. */
  readonly isActive: boolean
}

/**
 * What `SieveScript/set` creates: a name and the blob holding the text.
 *
 * @see RFC 9661 §2.4
 * @example { "name": "filters", "blobId": "#script" }
 */
export interface SieveScriptCreate {
  readonly name?: string | null
  readonly blobId: Id
}

/**
 * The valibot schema of a {@link SieveScript}.
 *
 * @see RFC 9661 §2
 * @example v.parse(SieveScriptSchema, { id: 'S1', name: 'f', blobId: 'G1', isActive: false })
 */
export const SieveScriptSchema: v.GenericSchema<unknown, SieveScript> = v.looseObject({
  id: IdSchema,
  name: v.nullable(v.string()),
  blobId: IdSchema,
  isActive: v.boolean(),
})

/**
 * A `SieveScript/query` filter condition.
 *
 * @see RFC 9661 §2.3
 * @example { "isActive": true }
 */
export interface SieveScriptFilterCondition {
  /** Scripts whose name contains this text. */
  readonly name?: string
  readonly isActive?: boolean
}

/**
 * The properties `SieveScript/query` sorts by.
 *
 * @see RFC 9661 §2.3
 */
export type SieveScriptSortProperty = 'name' | 'isActive'

/**
 * The account capability of `urn:ietf:params:jmap:sieve`.
 *
 * @see RFC 9661 §1.3
 * @example { "implementation": "Cyrus", "maxNumberScripts": 5, "sieveExtensions": ["fileinto", "vacation"] }
 */
export interface SieveAccountCapability {
  /** The Sieve implementation's name and version, when given. */
  readonly implementation?: string | null
  readonly maxSizeScriptName?: number | null
  readonly maxSizeScript?: number | null
  readonly maxNumberScripts?: number | null
  readonly maxNumberRedirects?: number | null
  /** The Sieve `require` names the server supports (`fileinto`, `vacation`, …). */
  readonly sieveExtensions: readonly string[]
  readonly notificationMethods?: readonly string[] | null
  readonly externalLists?: readonly string[] | null
}

/**
 * The schema of {@link SieveAccountCapability}.
 *
 * @see RFC 9661 §1.3
 */
export const SieveAccountCapabilitySchema: v.GenericSchema<unknown, SieveAccountCapability> =
  v.looseObject({
    implementation: v.exactOptional(v.nullable(v.string())),
    maxSizeScriptName: v.exactOptional(v.nullable(v.number())),
    maxSizeScript: v.exactOptional(v.nullable(v.number())),
    maxNumberScripts: v.exactOptional(v.nullable(v.number())),
    maxNumberRedirects: v.exactOptional(v.nullable(v.number())),
    sieveExtensions: v.array(v.string()),
    notificationMethods: v.exactOptional(v.nullable(v.array(v.string()))),
    externalLists: v.exactOptional(v.nullable(v.array(v.string()))),
  })
