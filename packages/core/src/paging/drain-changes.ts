import type { CallResult } from '../builder/call-result.js'
import type { JmapClient, RequestOptions } from '../client/create-client.js'
import { dynamicBuild, dynamicClient } from '../client/dynamic-request.js'
import { methodCallFailure } from '../client/method-call-failure.js'
import type { MethodNameEndingIn } from '../client/standard-method-names.js'
import type { Id } from '../primitives/id.js'
import type { ResponseOf } from '../registry/methods.js'
import type { ChangesResponse } from '../standard-methods/changes.js'
import { ChangeSet } from './change-set.js'
import type { ResyncNeeded } from './changes-drainer.js'

/**
 * Every change since a state, merged across the `/changes` pages a drain
 * read, with each page's typed response.
 *
 * @see RFC 8620 §5.2
 * @example { "kind": "changes", "oldState": "1", "newState": "9", "created": ["M3"], "updated": [], "destroyed": ["M1"], "responses": [ … ] }
 */
export interface TypedDrainedChanges<TResponse> {
  readonly kind: 'changes'
  /** The state the drain started from. */
  readonly oldState: string
  /** The state to pass as `sinceState` next time. */
  readonly newState: string
  /** Ids created since `oldState` and still there. */
  readonly created: readonly Id[]
  /** Ids that existed at `oldState`, updated since and still there. */
  readonly updated: readonly Id[]
  /** Ids destroyed since `oldState` (not those created and destroyed in between). */
  readonly destroyed: readonly Id[]
  /** Every page's response, in order (extra members such as `updatedProperties`). */
  readonly responses: readonly TResponse[]
}

/**
 * Arguments of a typed drain: those of the `/changes` method.
 *
 * @see RFC 8620 §5.2
 * @example { "accountId": "u1", "sinceState": "41", "maxChanges": 500 }
 */
export interface DrainChangesArguments {
  readonly accountId: string
  readonly sinceState: string
  /** The most ids per page (greater than 0). */
  readonly maxChanges?: number
}

/**
 * Calls a `/changes` method until `hasMoreChanges` is false, merging the
 * pages. `cannotCalculateChanges` comes back as `{ kind: 'resync' }`: the
 * caller must refetch everything. Other method errors throw a
 * `MethodCallError`.
 *
 * @see RFC 8620 §5.2
 * @example
 * const changes = await drainChanges(jmap, 'Mailbox/changes', { accountId, sinceState })
 * if (changes.kind === 'resync') await fullSync() // ["error", { "type": "cannotCalculateChanges" }, "c0"]
 */
export async function drainChanges<
  TAvailable extends string,
  TMethod extends TAvailable & MethodNameEndingIn<'changes'>,
>(
  client: JmapClient<TAvailable>,
  method: TMethod,
  args: DrainChangesArguments,
  options: RequestOptions = {},
): Promise<TypedDrainedChanges<ResponseOf<TMethod>> | ResyncNeeded> {
  const jmap = dynamicClient(client)
  const changes = new ChangeSet<Id>()
  const responses: ResponseOf<TMethod>[] = []
  let state = args.sinceState
  for (;;) {
    const pageArgs = { ...args, sinceState: state }
    const result = (await jmap.requestSettled(
      dynamicBuild((b) => b.call(method, pageArgs)),
      options,
    )) as CallResult<ChangesResponse>
    if (!result.ok) {
      if (result.error.type === 'cannotCalculateChanges') {
        return { kind: 'resync', sinceState: args.sinceState }
      }
      throw methodCallFailure(result, result)
    }
    const page = result.response
    responses.push(page as ResponseOf<TMethod>)
    changes.add(page)
    // A server that keeps saying "more" without moving its state would loop forever.
    if (!page.hasMoreChanges || page.newState === state) {
      return {
        kind: 'changes',
        oldState: args.sinceState,
        newState: page.newState,
        created: changes.ids('created'),
        updated: changes.ids('updated'),
        destroyed: changes.ids('destroyed'),
        responses,
      }
    }
    state = page.newState
  }
}
