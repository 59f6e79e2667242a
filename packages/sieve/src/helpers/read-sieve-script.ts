import type { JmapClient } from '@typed-jmap/core'
import type { SieveScript } from '../sieve-script.js'

type Needed = 'SieveScript/query' | 'SieveScript/get' | 'Blob/get'

/**
 * Which script {@link readSieveScript} reads: the active one, or one by name.
 *
 * @see RFC 9661 §2.3
 * @example { accountId, name: 'filters' }
 */
export type ReadSieveScriptOptions = { readonly accountId: string } & (
  | { readonly active: true; readonly name?: never }
  | { readonly name: string; readonly active?: never }
)

/**
 * Reads a script and its text in one request: `SieveScript/query` (by name,
 * or the active one), `SieveScript/get` of the ids found and `Blob/get` of
 * their blobs. Resolves with `undefined` when there is no such script.
 *
 * @see RFC 9661 §2.1, §2.3, RFC 9404 §4.2
 * @example
 * const active = await readSieveScript(jmap, { accountId, active: true })
 * active?.text // 'require "fileinto"; …'
 */
export async function readSieveScript<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: ReadSieveScriptOptions,
): Promise<(SieveScript & { readonly text: string }) | undefined> {
  const jmap = client as JmapClient<Needed>
  const { accountId } = options
  const { scripts, blobs } = await jmap.request((b) => {
    const found = b.call('SieveScript/query', {
      accountId,
      filter: options.active ? { isActive: true } : { name: options.name },
    })
    const scripts = b.call('SieveScript/get', { accountId, ids: found.ref('/ids') })
    const blobs = b.call('Blob/get', {
      accountId,
      ids: scripts.ref('/list/*/blobId'),
      properties: ['data:asText'],
    })
    return { scripts, blobs }
  })
  // The name filter matches names containing the text; keep the exact one.
  const script = scripts.list.find((item) => options.active || item.name === options.name)
  if (script === undefined) return undefined
  const blob = blobs.list.find((item) => item.id === script.blobId)
  const text = blob?.['data:asText']
  if (typeof text !== 'string') {
    throw new Error(`SieveScript ${script.id}: its blob ${script.blobId} is not readable as text`)
  }
  return { ...script, text }
}
