import { dynamicBuild, dynamicClient } from '../client/dynamic-request.js'
import type { Id } from '../primitives/id.js'
import type { ChangesResponse } from '../standard-methods/changes.js'
import type { GetResponse } from '../standard-methods/get.js'
import { ChangeSet } from './change-set.js'

/**
 * Every change since a state, with the created and updated records themselves, merged across
 * the `/changes` pages: what the calendar, task and contact APIs' `changesSince` return.
 *
 * @see RFC 8620 §5.2
 * @example { "created": [{ "id": "E1", … }], "updated": [], "destroyed": ["E0"], "token": "s9", "requests": 1 }
 */
export interface DrainedObjects<TRecord> {
  /** Records created since the state and still there, with their newest data. */
  readonly created: TRecord[]
  /** Records that existed at the state, updated since and still there. */
  readonly updated: TRecord[]
  /** Ids destroyed since the state (not those created and destroyed in between). */
  readonly destroyed: Id[]
  /** The state to pass as `sinceState` next time: the APIs' sync token. */
  readonly token: string
  /** How many requests it took to drain `hasMoreChanges`. */
  readonly requests: number
}

/**
 * Arguments of {@link drainChangesWithObjects}: those of the `/changes` method.
 *
 * @see RFC 8620 §5.2
 * @example { accountId: 'u1', sinceState: 's4', maxChanges: 100 }
 */
export interface DrainChangesWithObjectsArguments {
  readonly accountId: string
  readonly sinceState: string
  /** The most ids per page (greater than 0); `undefined` leaves it to the server. */
  readonly maxChanges?: number | undefined
}

/**
 * Calls `Foo/changes` with two `Foo/get` calls by result reference (to its `/created` and
 * `/updated`) in one request per page until `hasMoreChanges` is false, and merges the pages: an
 * id created during the drain stays created whatever follows, one created and destroyed is not
 * reported, one updated and destroyed is only destroyed. Each record is its newest `/get`.
 *
 * Every method error throws the `MethodCallError` `client.request` throws,
 * `cannotCalculateChanges` included (the public `drainChanges` and `changesWithObjects` return
 * that one as `{ kind: 'resync' }` instead). A server that says "more" without moving its state
 * ends the drain.
 *
 * @see RFC 8620 §5.2, §3.7
 * @example
 * const changes = await drainChangesWithObjects<CalendarEvent>(client, 'CalendarEvent/changes', { accountId, sinceState })
 * // per page: [["CalendarEvent/changes", { "accountId": "u1", "sinceState": "s4" }, "changes"],
 * //  ["CalendarEvent/get", { "accountId": "u1", "#ids": { "resultOf": "changes", "name": "CalendarEvent/changes", "path": "/created" } }, "created"],
 * //  ["CalendarEvent/get", { …, "path": "/updated" … }, "updated"]]
 */
export async function drainChangesWithObjects<TRecord extends { readonly id: Id }>(
  client: object,
  method: `${string}/changes`,
  args: DrainChangesWithObjectsArguments,
): Promise<DrainedObjects<TRecord>> {
  const getMethod = method.replace(/\/changes$/, '/get')
  const jmap = dynamicClient(client)
  const changeSet = new ChangeSet<Id>()
  const records = new Map<Id, TRecord>()
  let sinceState = args.sinceState
  let requests = 0
  for (;;) {
    const page = (await jmap.request(
      dynamicBuild((b) => {
        const { accountId, maxChanges } = args
        const changesArgs = {
          accountId,
          sinceState,
          ...(maxChanges === undefined ? {} : { maxChanges }),
        }
        const changes = b.call(method, changesArgs, { callId: 'changes' })
        const get = (path: '/created' | '/updated') =>
          b.call(
            getMethod,
            { accountId: args.accountId, ids: changes.ref(path) },
            { callId: path.slice(1) },
          )
        return { changes, created: get('/created'), updated: get('/updated') }
      }),
    )) as {
      readonly changes: ChangesResponse
      readonly created: GetResponse<TRecord>
      readonly updated: GetResponse<TRecord>
    }
    requests += 1
    changeSet.add(page.changes)
    for (const record of [...page.created.list, ...page.updated.list]) {
      records.set(record.id, record)
    }
    const { newState, oldState, hasMoreChanges } = page.changes
    sinceState = newState
    if (!hasMoreChanges || newState === oldState) break
  }
  const recordsOf = (ids: readonly Id[]) =>
    ids.flatMap((id) => {
      const record = records.get(id)
      return record === undefined ? [] : [record]
    })
  return {
    created: recordsOf(changeSet.ids('created')),
    updated: recordsOf(changeSet.ids('updated')),
    destroyed: changeSet.ids('destroyed'),
    token: sinceState,
    requests,
  }
}
