import type { OnDemandKit } from '../connection/on-demand-kit.js'
import type { Session } from '../session/session.js'
import { guardBody } from '../transport/guard-body.js'
import type { HttpTransport } from '../transport/http-transport.js'
import { expandUriTemplate } from './uri-template.js'

/**
 * Options of one download.
 *
 * @see RFC 8620 §6.2
 * @example { name: 'invoice.pdf', type: 'application/pdf' }
 */
export interface DownloadOptions {
  /** The file name the server should report; default `blob`. */
  readonly name?: string
  /** The media type the server should report; default `application/octet-stream`. */
  readonly type?: string
  readonly signal?: AbortSignal
  /**
   * Follow a redirect to an origin that is not trusted (a CDN, say), without
   * credentials; default false, which refuses it with a `RedirectRefusedError`.
   */
  readonly followUntrustedRedirects?: boolean
}

/**
 * Builds the download URL of a blob from the session's `downloadUrl` template.
 *
 * @see RFC 8620 §6.2
 * @example downloadUrl(session, 'u1', 'B1', { name: 'a b.txt', type: 'text/plain' })
 * // "https://jmap.example/download/u1/B1/a%20b.txt?accept=text%2Fplain"
 */
export function downloadUrl(
  session: Session,
  accountId: string,
  blobId: string,
  options: Pick<DownloadOptions, 'name' | 'type'> = {},
): URL {
  return new URL(
    expandUriTemplate(session.downloadUrl, {
      accountId,
      blobId,
      name: options.name ?? 'blob',
      type: options.type ?? 'application/octet-stream',
    }),
  )
}

/**
 * Downloads a blob; the returned `Response` is unread, so its `body` streams.
 * A connection cut mid-body makes reading it fail with a `TransportError`.
 *
 * @see RFC 8620 §6.2
 * @example const text = await (await downloadBlob(context, 'u1', 'B1')).text()
 */
export async function downloadBlob(
  context: {
    readonly kit: OnDemandKit
    readonly transport: HttpTransport
    readonly session: Session
  },
  accountId: string,
  blobId: string,
  options: DownloadOptions = {},
): Promise<Response> {
  const { response, url } = await context.transport.request({
    method: 'GET',
    url: downloadUrl(context.session, accountId, blobId, options),
    retrySafe: true,
    signal: options.signal,
    ...(options.followUntrustedRedirects === true ? { followUntrustedRedirects: true } : {}),
  })
  return guardBody(response, url.href, context.kit.TransportError)
}
