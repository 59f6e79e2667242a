import type { Id } from '../primitives/id.js'
import { UnsignedInt } from '../primitives/unsigned-int.js'
import type { BlobDataSource } from './blob-methods.js'

/**
 * A `Blob/upload` source of UTF-8 text. A lone surrogate (which has no UTF-8
 * form) is refused here rather than silently replaced on the wire.
 *
 * @throws TypeError naming the position of the lone surrogate
 * @see RFC 9404 §4.1
 * @example blobText('Hello') // { "data:asText": "Hello" }
 */
export function blobText(text: string): BlobDataSource {
  // A lone surrogate (String#isWellFormed is ES2024, beyond the library target).
  const lone = text.search(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  if (lone >= 0) {
    throw new TypeError(`blobText: lone surrogate at index ${lone}, not encodable as UTF-8`)
  }
  return { 'data:asText': text }
}

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * A `Blob/upload` source of base64 octets (RFC 4648 §4 alphabet, padded, no
 * whitespace). Checked before sending: RFC 9404 wants a server to refuse bad
 * base64, but Cyrus 3.10 stores an empty blob instead.
 *
 * @throws TypeError saying where the base64 goes wrong
 * @see RFC 9404 §4.1
 * @example blobBase64('iVBORw0KGgo=') // { "data:asBase64": "iVBORw0KGgo=" }
 */
export function blobBase64(data: string): BlobDataSource {
  if (!base64.test(data)) {
    const bad = data.search(/[^A-Za-z0-9+/=]/)
    throw new TypeError(
      bad >= 0
        ? `blobBase64: character ${JSON.stringify(data[bad])} at ${bad} is not base64`
        : `blobBase64: length ${data.length} or padding is not valid base64`,
    )
  }
  return { 'data:asBase64': data }
}

/**
 * A `Blob/upload` source taking octets of an existing blob (or `#creationId`
 * of one created earlier: `b.creationId('b1')`, `upload.created('b1')`).
 *
 * @throws InvalidPrimitiveError for a negative or fractional offset/length
 * @see RFC 9404 §4.1
 * @example blobSlice(blobId, { offset: 0, length: 1024 }) // { "blobId": "G4d1", "offset": 0, "length": 1024 }
 */
export function blobSlice(
  blobId: Id,
  range: { readonly offset?: number; readonly length?: number } = {},
): BlobDataSource {
  return {
    blobId,
    ...(range.offset === undefined ? {} : { offset: UnsignedInt(range.offset) }),
    ...(range.length === undefined ? {} : { length: UnsignedInt(range.length) }),
  }
}
