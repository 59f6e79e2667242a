import type { JmapRequest } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import { ChangeSet } from './change-set.js'
import { type RawMethodError, responseFor } from './method-call-result.js'

/**
 * Every change since a state, merged across `/changes` pages: an id created and
 * later destroyed is gone from all lists, an id updated and later destroyed is
 * only destroyed.
 *
 * @see RFC 8620 §5.2
 * @example { "kind": "changes", "oldState": "1", "newState": "9", "created": ["M3"], "updated": [], "destroyed": ["M1"] }
 */
export interface DrainedChanges {
  readonly kind: 'changes'
  readonly oldState: string
  readonly newState: string
  readonly created: readonly string[]
  readonly updated: readonly string[]
  readonly destroyed: readonly string[]
}

/**
 * The server cannot compute changes from that state: refetch everything.
 *
 * @see RFC 8620 §5.2
 * @example { "kind": "resync", "sinceState": "1" }
 */
export interface ResyncNeeded {
  readonly kind: 'resync'
  readonly sinceState: string
}

/**
 * Options of a drain.
 *
 * @example { name: 'Email/changes', using: ['urn:ietf:params:jmap:mail'], accountId: 'u1', sinceState: '41' }
 */
export interface DrainChangesOptions {
  /** The changes method, e.g. `Mailbox/changes`. */
  readonly name: string
  readonly using: readonly string[]
  readonly accountId: string
  readonly sinceState: string
  readonly maxChanges?: number
}

/**
 * Calls `/changes` until `hasMoreChanges` is false. `cannotCalculateChanges`
 * is a value telling the caller to resync, not a crash; other method errors
 * come back as data too.
 *
 * @see RFC 8620 §5.2
 * @example const result = await drainRawChanges(connection.send, options); if (result.kind === 'resync') await fullSync()
 */
export async function drainRawChanges(
  send: (request: JmapRequest) => Promise<JmapResponse>,
  options: DrainChangesOptions,
): Promise<
  DrainedChanges | ResyncNeeded | { readonly kind: 'error'; readonly error: RawMethodError }
> {
  const changes = new ChangeSet<string>()
  let state = options.sinceState
  for (;;) {
    const response = await send({
      using: [...options.using],
      methodCalls: [
        [
          options.name,
          {
            accountId: options.accountId,
            sinceState: state,
            ...(options.maxChanges === undefined ? {} : { maxChanges: options.maxChanges }),
          },
          'changes',
        ],
      ],
    })
    const result = responseFor(response.methodResponses, 'changes')
    if ('error' in result) {
      if (result.error.type === 'cannotCalculateChanges') {
        return { kind: 'resync', sinceState: options.sinceState }
      }
      return { kind: 'error', error: result.error }
    }
    const page = result.args as {
      newState: string
      hasMoreChanges: boolean
      created: string[]
      updated: string[]
      destroyed: string[]
    }
    changes.add(page)
    // A server that keeps saying "more" without moving would loop forever.
    if (!page.hasMoreChanges || page.newState === state) {
      return {
        kind: 'changes',
        oldState: options.sinceState,
        newState: page.newState,
        created: changes.ids('created'),
        updated: changes.ids('updated'),
        destroyed: changes.ids('destroyed'),
      }
    }
    state = page.newState
  }
}
