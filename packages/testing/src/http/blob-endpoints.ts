import { problemResponse } from '../protocol/problem-details.js'
import type { ServerRuntime } from '../server/server-runtime.js'
import { endpointPaths } from './session-resource.js'

/**
 * Stores the POSTed bytes as a blob: `201 {accountId, blobId, type, size}`.
 *
 * @see RFC 8620 §6.1
 * @example POST /jmap/upload/u1/ → { "accountId": "u1", "blobId": "B1", "type": "text/plain", "size": 5 }
 */
export async function uploadResponse(
  runtime: ServerRuntime,
  request: Request,
  url: URL,
): Promise<Response> {
  const accountId = decodeURIComponent(
    url.pathname.slice(endpointPaths.upload.length).replace(/\/$/, ''),
  )
  const account = runtime.accounts.get(accountId)
  if (account === undefined) return problemResponse('about:blank', 404, `no account "${accountId}"`)
  if (account.isReadOnly) return problemResponse('about:blank', 403, 'the account is read-only')
  const data = new Uint8Array(await request.arrayBuffer())
  if (data.length > runtime.limits.maxSizeUpload) {
    return problemResponse('limit', 413, 'the upload is larger than maxSizeUpload', {
      limit: 'maxSizeUpload',
    })
  }
  const type = request.headers.get('content-type') ?? 'application/octet-stream'
  const blob = account.blobs.add(data, type)
  return Response.json(
    { accountId: account.id, blobId: blob.id, type, size: blob.data.length },
    { status: 201 },
  )
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/**
 * Serves a blob with the `type` and `name` the client put in the URL.
 *
 * @see RFC 8620 §6.2
 * @example GET /jmap/download/u1/B1/note.txt?type=text%2Fplain
 */
export function downloadResponse(runtime: ServerRuntime, url: URL): Response {
  const [accountId = '', blobId = '', name = 'blob'] = url.pathname
    .slice(endpointPaths.download.length)
    .split('/')
    .map(decodeURIComponent)
  const account = runtime.accounts.get(accountId)
  const blob = account?.blobs.get(blobId)
  if (blob === undefined) return problemResponse('about:blank', 404, 'blob not found')
  return new Response(blob.data.slice(), {
    status: 200,
    headers: {
      'content-type': url.searchParams.get('type') ?? blob.type,
      'content-disposition': contentDisposition(name),
      'cache-control': 'private, immutable, max-age=31536000',
    },
  })
}
