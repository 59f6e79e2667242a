import * as v from 'valibot'
import type { OnDemandKit } from '../connection/on-demand-kit.js'
import type { ConcurrencyGate } from '../limits/concurrency-gate.js'
import type { Session } from '../session/session.js'
import type { HttpRequest, HttpTransport } from '../transport/http-transport.js'
import { supportsRequestStreams, withUploadProgress } from '../transport/upload-progress.js'
import { expandUriTemplate } from './uri-template.js'

/**
 * What the server answers to an upload.
 *
 * @see RFC 8620 §6.1
 * @example { "accountId": "test", "blobId": "G62a…", "type": "message/rfc822", "size": 268 }
 */
export interface UploadResult {
  readonly accountId: string
  readonly blobId: string
  readonly type: string
  readonly size: number
}

/**
 * Options of one upload.
 *
 * @example { type: 'message/rfc822', onProgress: (sent, total) => bar.update(sent, total) }
 */
export interface UploadOptions {
  /** The media type; default `application/octet-stream`, or the Blob's own type. */
  readonly type?: string
  /** Called as bytes leave; `total` is missing for streams of unknown length. */
  readonly onProgress?: (sent: number, total?: number) => void
  readonly signal?: AbortSignal
}

/** The data an upload accepts. */
export type UploadData = Blob | Uint8Array | ReadableStream<Uint8Array>

function progressOf(onProgress: UploadOptions['onProgress']): HttpRequest['streamBody'] {
  if (onProgress === undefined) return undefined
  return (body) => (supportsRequestStreams() ? withUploadProgress(body, onProgress) : undefined)
}

const uploadResultSchema: v.GenericSchema<unknown, UploadResult> = v.looseObject({
  accountId: v.string(),
  blobId: v.string(),
  type: v.string(),
  size: v.number(),
})

function knownSize(data: UploadData): number | undefined {
  if (data instanceof Uint8Array) return data.byteLength
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size
  return undefined
}

/**
 * Uploads binary data to the session's `uploadUrl` for an account, after
 * checking `maxSizeUpload` when the size is known.
 *
 * @see RFC 8620 §6.1
 * @example const { blobId } = await uploadBlob(context, 'u1', new TextEncoder().encode(raw), { type: 'message/rfc822' })
 */
export async function uploadBlob(
  context: {
    readonly kit: OnDemandKit
    readonly transport: HttpTransport
    readonly session: Session
    readonly gate: ConcurrencyGate
    readonly maxResponseBytes: number
  },
  accountId: string,
  data: UploadData,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const { LimitError, ResponseValidationError, coreLimits, readJsonBody, validateWithSchema } =
    context.kit
  const limits = coreLimits(context.session)
  const size = knownSize(data)
  if (size !== undefined && size > limits.maxSizeUpload) {
    throw new LimitError(
      `upload of ${size} bytes exceeds maxSizeUpload (${limits.maxSizeUpload})`,
      {
        limit: 'maxSizeUpload',
        maximum: limits.maxSizeUpload,
        actual: size,
      },
    )
  }
  const type =
    options.type ??
    (typeof Blob !== 'undefined' && data instanceof Blob && data.type !== ''
      ? data.type
      : 'application/octet-stream')
  const url = new URL(expandUriTemplate(context.session.uploadUrl, { accountId }))
  // The slot and the timeout cover reading the answer too.
  const { body, url: answeredAt } = await context.gate.run(
    () =>
      context.transport.exchange(
        {
          method: 'POST',
          url,
          headers: { 'content-type': type, accept: 'application/json' },
          // Uint8Array<ArrayBufferLike> vs BodyInit's ArrayBuffer-backed views: both are sent as bytes.
          body: data as Uint8Array<ArrayBuffer>,
          // Uploading the same bytes twice yields the same blob at worst.
          retrySafe: true,
          signal: options.signal,
          streamBody: progressOf(options.onProgress),
        },
        async (exchange) => ({
          url: exchange.url,
          body: await readJsonBody(exchange.response, {
            url: exchange.url.href,
            maxBytes: context.maxResponseBytes,
            writeMayHaveHappened: false,
          }),
        }),
      ),
    options.signal,
  )
  const parsed = validateWithSchema(uploadResultSchema, body)
  if (!parsed.ok) {
    throw new ResponseValidationError(`upload response is invalid: ${parsed.message}`, {
      url: answeredAt.href,
    })
  }
  // validateWithSchema returns unknown; uploadResultSchema has just checked it.
  return parsed.value as UploadResult
}
