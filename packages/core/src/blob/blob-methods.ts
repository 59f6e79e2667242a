import type { Id } from '../primitives/id.js'
import type { UnsignedInt } from '../primitives/unsigned-int.js'
import type { SetError } from '../standard-methods/set-error.js'

/** The URN of the Blob management extension. */
export const blobUrn = 'urn:ietf:params:jmap:blob'

/**
 * One source of octets for `Blob/upload`: UTF-8 text, base64, or a range of
 * an existing blob (`blobId` may be `#creationId` of an earlier upload).
 * Build them with {@link blobText}, {@link blobBase64} and
 * {@link blobSlice}, which check the input before it is sent.
 *
 * @see RFC 9404 §4.1
 * @example [{ "data:asText": "Hello " }, { "blobId": "G4d1", "offset": 0, "length": 12 }]
 */
export type BlobDataSource =
  | { readonly 'data:asText': string }
  | { readonly 'data:asBase64': string }
  | {
      readonly blobId: Id
      /** Octets to skip (default 0). */
      readonly offset?: UnsignedInt | null
      /** Octets to take (default: to the end); past the end is a `notCreated`. */
      readonly length?: UnsignedInt | null
    }

/**
 * One blob to create: its sources, concatenated in order (none: an empty blob).
 *
 * @see RFC 9404 §4.1
 * @example { "data": [{ "data:asText": "Hello" }], "type": "text/plain" }
 */
export interface BlobUploadObject {
  readonly data: readonly BlobDataSource[]
  /** A media type hint; the server may detect one instead. */
  readonly type?: string | null
}

/**
 * Arguments of `Blob/upload`.
 *
 * @see RFC 9404 §4.1
 * @example { "accountId": "u1", "create": { "b1": { "data": [{ "data:asText": "Hello" }] } } }
 */
export interface BlobUploadArguments {
  readonly accountId: string
  readonly create: { readonly [creationId: string]: BlobUploadObject }
}

/**
 * A created blob, as the upload endpoint would describe it.
 *
 * @see RFC 9404 §4.1
 * @example { "id": "G4d1", "type": "text/plain", "size": 5 }
 */
export interface BlobCreated {
  /** The blob id; later calls of the same request reach it as `#creationId`. */
  readonly id: Id
  readonly type: string | null
  readonly size: UnsignedInt
}

/**
 * Response of `Blob/upload`: `created`/`notCreated` as in a /set, no state.
 *
 * @see RFC 9404 §4.1
 * @example { "accountId": "u1", "created": { "b1": { "id": "G4d1", "type": "text/plain", "size": 5 } }, "notCreated": null }
 */
export interface BlobUploadResponse {
  readonly accountId: Id
  readonly created: Record<string, BlobCreated> | null
  readonly notCreated: Record<string, SetError> | null
}

/**
 * Method witness of `Blob/upload`; its `create` keys are creation ids, so
 * `upload.created('b1')` is an `Id` usable by later calls (Email/import's
 * `blobId`) and `b.creationId('b1')` by later sources of the same call.
 *
 * @see RFC 9404 §4.1
 */
export interface BlobUploadMethod {
  readonly capability: typeof blobUrn
  readonly args: BlobUploadArguments
  readonly response: BlobUploadResponse
  readonly '~args': unknown
}

/**
 * A digest property of `Blob/get`: `digest:` and an algorithm the account's
 * `supportedDigestAlgorithms` lists (`sha`, `sha-256`, …).
 *
 * @see RFC 9404 §4.2
 * @example 'digest:sha-256'
 */
export type BlobDigestProperty = `digest:${string}`

/**
 * A property `Blob/get` can return. `data` is `data:asText` when the octets
 * are UTF-8, else `data:asBase64`.
 *
 * @see RFC 9404 §4.2
 * @example ['data:asText', 'digest:sha-256', 'size']
 */
export type BlobGetProperty = 'data' | 'data:asText' | 'data:asBase64' | 'size' | BlobDigestProperty

/**
 * One `Blob/get` result, with the members the asked properties `TProperty`
 * give. `isEncodingProblem` is set when text was asked and the octets are
 * not UTF-8 (`data:asText` is then `null`); `isTruncated` when the range went
 * past the end. Digests are of the selected range.
 *
 * @see RFC 9404 §4.2
 * @example { "id": "G4d1", "data:asText": "quick", "size": 43, "isTruncated": true }
 */
export type BlobData<TProperty extends string = 'data' | 'size'> = {
  readonly id: Id
  readonly isEncodingProblem?: boolean
  readonly isTruncated?: boolean
} & ('size' extends TProperty ? { readonly size: UnsignedInt } : unknown) &
  ('data:asText' extends TProperty ? { readonly 'data:asText': string | null } : unknown) &
  ('data:asBase64' extends TProperty ? { readonly 'data:asBase64': string } : unknown) &
  ('data' extends TProperty
    ? { readonly 'data:asText'?: string | null; readonly 'data:asBase64'?: string }
    : unknown) & { readonly [Digest in Extract<TProperty, BlobDigestProperty>]: string }

/**
 * Arguments of `Blob/get`: a /get with a byte range.
 *
 * @see RFC 9404 §4.2
 * @example { "accountId": "u1", "ids": ["G4d1"], "properties": ["data:asText", "size"], "offset": 4, "length": 5 }
 */
export interface BlobGetArguments {
  readonly accountId: string
  readonly ids: readonly Id[]
  /** `null` or absent: `data` and `size`. */
  readonly properties?: readonly BlobGetProperty[] | null
  /** First octet of the range (default 0). */
  readonly offset?: UnsignedInt | null
  /** Octets in the range (default: to the end). */
  readonly length?: UnsignedInt | null
}

/**
 * Response of `Blob/get`.
 *
 * @see RFC 9404 §4.2
 * @example { "accountId": "u1", "list": [{ "id": "G4d1", "data:asText": "quick", "size": 43 }], "notFound": [] }
 */
export interface BlobGetResponse<TItem = BlobData> {
  readonly accountId: Id
  readonly list: TItem[]
  readonly notFound: Id[]
}

/**
 * Method witness of `Blob/get`; each listed blob has the members its
 * `properties` ask for.
 *
 * @see RFC 9404 §4.2
 */
export interface BlobGetMethod {
  readonly capability: typeof blobUrn
  readonly args: BlobGetArguments
  readonly response: BlobGetResponse<
    this['~args'] extends { readonly properties: readonly BlobGetProperty[] }
      ? BlobData<this['~args']['properties'][number]>
      : BlobData
  >
  readonly '~args': unknown
}

/**
 * Arguments of `Blob/lookup`. Each type name's capability must be in `using`
 * (pass `{ using: ['urn:ietf:params:jmap:mail'] }` to `b.call` for Email,
 * Mailbox and Thread when the request makes no mail call).
 *
 * @see RFC 9404 §4.3
 * @example { "accountId": "u1", "typeNames": ["Email", "Mailbox"], "ids": ["G4d1"] }
 */
export interface BlobLookupArguments {
  readonly accountId: string
  /** Data types to search; the account's `supportedTypeNames` lists those the server can. */
  readonly typeNames: readonly string[]
  readonly ids: readonly Id[]
}

/**
 * Where one blob is referenced: the ids of each asked type's records that
 * reference it (empty when none, or when the blob does not exist).
 *
 * @see RFC 9404 §4.3
 * @example { "id": "G4d1", "matchedIds": { "Email": ["M1"], "Mailbox": ["F2"] } }
 */
export interface BlobLookupInfo<TTypeName extends string = string> {
  readonly id: Id
  readonly matchedIds: { readonly [Type in TTypeName]: Id[] }
}

/**
 * Response of `Blob/lookup`.
 *
 * @see RFC 9404 §4.3
 * @example { "accountId": "u1", "list": [{ "id": "G4d1", "matchedIds": { "Email": ["M1"] } }], "notFound": [] }
 */
export interface BlobLookupResponse<TTypeName extends string = string> {
  readonly accountId: Id
  readonly list: BlobLookupInfo<TTypeName>[]
  /** Blob ids the server reports as unknown (Cyrus does; the RFC allows empty matches instead). */
  readonly notFound: Id[]
}

/**
 * Method witness of `Blob/lookup`; `matchedIds` is keyed by the asked type names.
 *
 * @see RFC 9404 §4.3
 */
export interface BlobLookupMethod {
  readonly capability: typeof blobUrn
  readonly args: BlobLookupArguments
  readonly response: BlobLookupResponse<
    this['~args'] extends { readonly typeNames: readonly string[] }
      ? this['~args']['typeNames'][number]
      : string
  >
  readonly '~args': unknown
  /** Phantom: the arguments the response reads (for `t.Blob.lookup`). */
  readonly '~responseArguments': 'typeNames'
}

/**
 * The methods of `urn:ietf:params:jmap:blob`.
 *
 * @see RFC 9404 §4
 */
export interface BlobMethods {
  'Blob/upload': BlobUploadMethod
  'Blob/get': BlobGetMethod
  'Blob/lookup': BlobLookupMethod
}

/**
 * The account capability of `urn:ietf:params:jmap:blob`.
 *
 * @see RFC 9404 §3.1
 * @example { "maxSizeBlobSet": 50000000, "maxDataSources": 100, "supportedTypeNames": ["Mailbox", "Thread", "Email"], "supportedDigestAlgorithms": ["sha", "sha-256"] }
 */
export interface BlobAccountCapability {
  /** Largest blob `Blob/upload` may create, in octets; `null`: no stated limit. */
  readonly maxSizeBlobSet: UnsignedInt | null
  /** Most data sources one creation may have (at least 64). */
  readonly maxDataSources: UnsignedInt
  readonly supportedTypeNames: readonly string[]
  /** Lower-case algorithm names, preferred first. */
  readonly supportedDigestAlgorithms: readonly string[]
}

declare module '../registry/methods.js' {
  interface Methods extends BlobMethods {}
}

declare module '../registry/capabilities.js' {
  interface Capabilities {
    'urn:ietf:params:jmap:blob': { readonly session: {}; readonly account: BlobAccountCapability }
  }
}
