import * as v from 'valibot'
import { IdSchema } from '../primitives/id.js'
import type { ResponseSchema } from '../registry/method-runtime.js'
import { SetErrorSchema } from '../standard-methods/set-error.js'

/**
 * The runtime of `Blob/copy`: the response schema. Core's table loads it with
 * the blob code on the first `Blob/copy` response.
 *
 * @see RFC 8620 §6.3
 */
export const blobCopyRuntime: { readonly response: ResponseSchema } = {
  response: v.looseObject({
    fromAccountId: IdSchema,
    accountId: IdSchema,
    copied: v.nullish(v.record(v.string(), IdSchema), null),
    notCopied: v.nullish(v.record(v.string(), SetErrorSchema), null),
  }),
}
