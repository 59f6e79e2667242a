import type { CallResult } from '../builder/call-result.js'
import type { JmapClient, RequestOptions } from '../client/create-client.js'
import { dynamicBuild, dynamicClient } from '../client/dynamic-request.js'
import { methodCallFailure } from '../client/method-call-failure.js'
import type {
  ChangesMethodWithGet,
  GetMethodOf,
  MethodNameEndingIn,
  RecordOf,
  ResponseOfMethod,
} from '../client/standard-method-names.js'
import type { Id } from '../primitives/id.js'
import type { ArgumentsOf } from '../registry/methods.js'
import type { ChangesResponse } from '../standard-methods/changes.js'
import type { GetResponse } from '../standard-methods/get.js'
import type { ResyncNeeded } from './changes-drainer.js'

/**
 * One `/changes` page with the created and updated records themselves,
 * typed by the data type's `/get`.
 *
 * @see RFC 8620 §5.2, §3.7
 * @example { "kind": "changes", "oldState": "4", "newState": "9", "hasMoreChanges": false, "created": [{ "id": "M3", "name": "Lists" }], "updated": [], "destroyed": ["M1"] }
 */
export interface TypedChangesWithObjects<TRecord, TChangesResponse> {
  readonly kind: 'changes'
  readonly oldState: string
  readonly newState: string
  /** True when more changes remain: call again with `newState`. */
  readonly hasMoreChanges: boolean
  /** The records created since `oldState`. */
  readonly created: readonly TRecord[]
  /** The records updated since `oldState`. */
  readonly updated: readonly TRecord[]
  /** The ids destroyed since `oldState`. */
  readonly destroyed: readonly Id[]
  /** The `/changes` response itself (extra members such as `updatedProperties`). */
  readonly changes: TChangesResponse
}

/** The `/get` arguments that can be chosen besides the ids (`properties`, …). */
export type ChangesGetArguments<TMethod extends string> = Omit<
  ArgumentsOf<GetMethodOf<TMethod>>,
  'accountId' | 'ids'
>

/**
 * Arguments of {@link changesWithObjects}: the `/changes` arguments, and the
 * `/get` arguments other than `accountId` and `ids` under `get`.
 *
 * @see RFC 8620 §5.2
 * @example { accountId: 'u1', sinceState: '4', get: { properties: ['name'] } }
 */
export interface ChangesWithObjectsArguments<TGetArgs> {
  readonly accountId: string
  readonly sinceState: string
  readonly maxChanges?: number
  /** Arguments of both `/get` calls, e.g. `properties`. */
  readonly get?: TGetArgs
}

/**
 * Sends `Foo/changes` and two `Foo/get` calls whose `ids` are result
 * references to its `/created` and `/updated`, so one round trip brings the
 * changed records, typed from the registry (narrowed to `get.properties`).
 * `cannotCalculateChanges` is returned as `{ kind: 'resync' }`; other method
 * errors throw a `MethodCallError`.
 *
 * @see RFC 8620 §5.2, §3.7
 * @example
 * const delta = await changesWithObjects(jmap, 'Mailbox/changes', { accountId, sinceState, get: { properties: ['name'] } })
 * // [["Mailbox/changes", { "accountId": "u1", "sinceState": "4" }, "changes"],
 * //  ["Mailbox/get", { "accountId": "u1", "#ids": { "resultOf": "changes", "name": "Mailbox/changes", "path": "/created" }, "properties": ["name"] }, "created"],
 * //  ["Mailbox/get", { …, "path": "/updated" … }, "updated"]]
 */
export async function changesWithObjects<
  TAvailable extends string,
  TMethod extends TAvailable & MethodNameEndingIn<'changes'> & ChangesMethodWithGet<TAvailable>,
  const TGetArgs extends ChangesGetArguments<TMethod>,
>(
  client: JmapClient<TAvailable>,
  method: TMethod,
  args: ChangesWithObjectsArguments<TGetArgs>,
  options: RequestOptions = {},
): Promise<
  | TypedChangesWithObjects<RecordOf<GetMethodOf<TMethod>, TGetArgs>, ResponseOfMethod<TMethod>>
  | ResyncNeeded
> {
  const getMethod = String(method).replace(/\/changes$/, '/get')
  const { get, ...changesArgs } = args
  const results = (await dynamicClient(client).requestSettled(
    dynamicBuild((b) => {
      const changes = b.call(method, changesArgs, { callId: 'changes' })
      const getArgs = (path: '/created' | '/updated') => ({
        ...(get as Record<string, unknown> | undefined),
        accountId: args.accountId,
        ids: changes.ref(path),
      })
      return {
        changes,
        created: b.call(getMethod, getArgs('/created'), { callId: 'created' }),
        updated: b.call(getMethod, getArgs('/updated'), { callId: 'updated' }),
      }
    }),
    options,
  )) as {
    readonly changes: CallResult<ChangesResponse>
    readonly created: CallResult<GetResponse<unknown>>
    readonly updated: CallResult<GetResponse<unknown>>
  }
  const { changes, created, updated } = results
  if (!changes.ok) {
    if (changes.error.type === 'cannotCalculateChanges') {
      return { kind: 'resync', sinceState: args.sinceState }
    }
    throw methodCallFailure(changes, results)
  }
  if (!created.ok) throw methodCallFailure(created, results)
  if (!updated.ok) throw methodCallFailure(updated, results)
  return {
    kind: 'changes',
    oldState: changes.response.oldState,
    newState: changes.response.newState,
    hasMoreChanges: changes.response.hasMoreChanges,
    created: created.response.list as RecordOf<GetMethodOf<TMethod>, TGetArgs>[],
    updated: updated.response.list as RecordOf<GetMethodOf<TMethod>, TGetArgs>[],
    destroyed: changes.response.destroyed,
    changes: changes.response as ResponseOfMethod<TMethod>,
  }
}
