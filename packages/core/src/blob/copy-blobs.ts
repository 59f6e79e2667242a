import type { BlobCopyArguments, BlobCopyResponse } from '../capabilities/core.js'
import type { JmapClient, RequestOptions } from '../client/create-client.js'
import { dynamicBuild, dynamicClient } from '../client/dynamic-request.js'

/**
 * Copies blobs from one account to another without downloading them
 * (`Blob/copy`); resolves with the new blob id of each copied blob and the
 * reason each other one was not copied. A method error (e.g.
 * `fromAccountNotFound`) throws a `MethodCallError`.
 *
 * @see RFC 8620 §6.3
 * @example
 * const { copied, notCopied } = await copyBlobs(jmap, { fromAccountId: 'u1', accountId: 'u2', blobIds: [blobId] })
 * // ["Blob/copy", { "fromAccountId": "u1", "accountId": "u2", "blobIds": ["B1"] }, "c0"] → { "copied": { "B1": "B9" }, "notCopied": null }
 */
export async function copyBlobs<TAvailable extends string>(
  client: JmapClient<TAvailable>,
  args: BlobCopyArguments,
  options: RequestOptions = {},
): Promise<BlobCopyResponse> {
  const response = await dynamicClient(client).request(
    dynamicBuild((b) => b.call('Blob/copy', { ...args })),
    options,
  )
  return response as BlobCopyResponse
}
