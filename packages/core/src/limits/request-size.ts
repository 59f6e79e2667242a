import { LimitError } from '../errors/limit-error.js'

const encoder = new TextEncoder()

/**
 * Refuses, before sending, a serialized request larger than `maxSizeRequest`.
 *
 * @see RFC 8620 §2
 * @example assertRequestSize('{"using":[],"methodCalls":[]}', 10_000_000)
 */
export function assertRequestSize(body: string, maxSizeRequest: number): void {
  // A UTF-16 length at most a third of the limit cannot exceed it in UTF-8, so
  // most requests skip the encoding.
  if (body.length * 3 <= maxSizeRequest) return
  const size = encoder.encode(body).byteLength
  if (size > maxSizeRequest) {
    throw new LimitError(`request of ${size} bytes exceeds maxSizeRequest (${maxSizeRequest})`, {
      limit: 'maxSizeRequest',
      maximum: maxSizeRequest,
      actual: size,
    })
  }
}
