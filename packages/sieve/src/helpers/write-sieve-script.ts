import { blobText, type Id, type JmapClient, throwFirstSetError } from '@typed-jmap/core'
import type { SieveScript } from '../sieve-script.js'

type Needed = 'Blob/upload' | 'SieveScript/set'

/**
 * Options of {@link writeSieveScript}: the text, and either a new script's
 * name or the id of the script to replace.
 *
 * @see RFC 9661 §2.4
 * @example { accountId, name: 'filters', text: 'require "fileinto"; …', activate: true }
 */
export type WriteSieveScriptOptions = {
  readonly accountId: string
  /** The Sieve text (UTF-8). */
  readonly text: string
  /** Make this the active script once written (default: leave activation as it is). */
  readonly activate?: boolean
} & ({ readonly name: string; readonly id?: never } | { readonly id: Id; readonly name?: string })

/**
 * Writes a Sieve script in one request: `Blob/upload` of the text, then
 * `SieveScript/set` creating it (or pointing an existing one at the new
 * blob), activating it when asked — only if the write succeeded.
 *
 * @throws SetOperationError whose `setError` is an `InvalidSieveSetError`
 *   (check with `isInvalidSieveError`) when the server rejects the script,
 *   `alreadyExists` for a duplicate name
 * @see RFC 9661 §2.4, RFC 9404 §4.1
 * @example
 * const script = await writeSieveScript(jmap, { accountId, name: 'filters', text, activate: true })
 * // [["Blob/upload", { "create": { "text": { "data": [{ "data:asText": "…" }] } } }, "c0"],
 * //  ["SieveScript/set", { "create": { "script": { "name": "filters", "blobId": "#text" } }, "onSuccessActivateScript": "#script" }, "c1"]]
 */
export async function writeSieveScript<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: WriteSieveScriptOptions,
): Promise<Pick<SieveScript, 'id' | 'blobId'> & { readonly isActive: boolean }> {
  // The call-site type checked that the client has these methods; inside a generic
  // function the builder cannot see that, so the client is viewed at the methods used.
  const jmap = client as JmapClient<Needed>
  const { accountId, text, activate } = options
  const { upload, set } = await jmap.request((b) => {
    const upload = b.call('Blob/upload', {
      accountId,
      create: { text: { data: [blobText(text)], type: 'application/sieve' } },
    })
    const blobId = upload.created('text')
    const set =
      options.id === undefined
        ? b.call('SieveScript/set', {
            accountId,
            create: { script: { name: options.name, blobId } },
            ...(activate ? { onSuccessActivateScript: b.creationId('script') } : {}),
          })
        : b.call('SieveScript/set', {
            accountId,
            update: {
              [options.id]:
                options.name === undefined ? { blobId } : { blobId, name: options.name },
            },
            ...(activate ? { onSuccessActivateScript: options.id } : {}),
          })
    return { upload, set }
  })
  throwFirstSetError('Blob/upload', upload)
  throwFirstSetError('SieveScript/set', set)
  if (options.id === undefined) {
    const created = set.created?.script
    if (created === undefined) throw new Error('SieveScript/set answered no created entry')
    return {
      id: created.id,
      blobId: created.blobId ?? upload.created?.text?.id ?? created.id,
      isActive: created.isActive ?? activate === true,
    }
  }
  const updated = set.updated?.[options.id]
  return {
    id: options.id,
    blobId: updated?.blobId ?? upload.created?.text?.id ?? options.id,
    isActive: updated?.isActive ?? activate === true,
  }
}
