import { blobText, type JmapClient, type SetError, throwFirstSetError } from '@typed-jmap/core'

type Needed = 'Blob/upload' | 'SieveScript/validate'

/**
 * Checks Sieve text without storing a script, in one request: `Blob/upload`
 * then `SieveScript/validate` of that blob. Resolves with `null` when the
 * script is valid, else the server's SetError (an `InvalidSieveSetError` for
 * bad Sieve; its `description` usually names the line).
 *
 * @see RFC 9661 §2.5
 * @example
 * const error = await validateSieveScript(jmap, { accountId, text: 'if true { bogus; }' })
 * if (isInvalidSieveError(error)) console.warn(error.description) // "line 1: syntax error"
 */
export async function validateSieveScript<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: { readonly accountId: string; readonly text: string },
): Promise<SetError | null> {
  const jmap = client as JmapClient<Needed>
  const { accountId, text } = options
  const { upload, validate } = await jmap.request((b) => {
    const upload = b.call('Blob/upload', {
      accountId,
      create: { text: { data: [blobText(text)], type: 'application/sieve' } },
    })
    const validate = b.call('SieveScript/validate', { accountId, blobId: upload.created('text') })
    return { upload, validate }
  })
  throwFirstSetError('Blob/upload', upload)
  return validate.error
}
