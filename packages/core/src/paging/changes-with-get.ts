import type { JmapRequest } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import { type RawMethodError, responseFor } from './method-call-result.js'

/**
 * `/changes` and the objects it names, fetched in one round trip.
 *
 * @see RFC 8620 §5.2
 * @example { "kind": "changes", "newState": "9", "hasMoreChanges": false, "created": [{ "id": "M3", … }], "updated": [], "destroyed": ["M1"] }
 */
export interface ChangesWithObjects {
  readonly kind: 'changes'
  readonly oldState: string
  readonly newState: string
  readonly hasMoreChanges: boolean
  readonly created: readonly Record<string, unknown>[]
  readonly updated: readonly Record<string, unknown>[]
  readonly destroyed: readonly string[]
}

/**
 * Sends `Foo/changes` plus two `Foo/get` calls that read the created and
 * updated ids through result references, so one request brings the new data.
 *
 * @see RFC 8620 §3.7
 * @example await rawChangesWithGet(connection.send, { type: 'Mailbox', using: ['urn:ietf:params:jmap:mail'], accountId: 'u1', sinceState: '4' })
 */
export async function rawChangesWithGet(
  send: (request: JmapRequest) => Promise<JmapResponse>,
  options: {
    readonly type: string
    readonly using: readonly string[]
    readonly accountId: string
    readonly sinceState: string
    readonly maxChanges?: number
    readonly properties?: readonly string[]
  },
): Promise<
  | ChangesWithObjects
  | { readonly kind: 'resync'; readonly sinceState: string }
  | { readonly kind: 'error'; readonly error: RawMethodError }
> {
  const changesName = `${options.type}/changes`
  const get = (path: '/created' | '/updated'): Record<string, unknown> => ({
    accountId: options.accountId,
    '#ids': { resultOf: 'changes', name: changesName, path },
    ...(options.properties === undefined ? {} : { properties: [...options.properties] }),
  })
  const response = await send({
    using: [...options.using],
    methodCalls: [
      [
        changesName,
        {
          accountId: options.accountId,
          sinceState: options.sinceState,
          ...(options.maxChanges === undefined ? {} : { maxChanges: options.maxChanges }),
        },
        'changes',
      ],
      [`${options.type}/get`, get('/created'), 'created'],
      [`${options.type}/get`, get('/updated'), 'updated'],
    ],
  })
  const changes = responseFor(response.methodResponses, 'changes')
  if ('error' in changes) {
    return changes.error.type === 'cannotCalculateChanges'
      ? { kind: 'resync', sinceState: options.sinceState }
      : { kind: 'error', error: changes.error }
  }
  const list = (callId: string): Record<string, unknown>[] | RawMethodError => {
    const result = responseFor(response.methodResponses, callId)
    return 'error' in result
      ? result.error
      : ((result.args.list ?? []) as Record<string, unknown>[])
  }
  const created = list('created')
  const updated = list('updated')
  if (!Array.isArray(created)) return { kind: 'error', error: created }
  if (!Array.isArray(updated)) return { kind: 'error', error: updated }
  const args = changes.args as {
    oldState: string
    newState: string
    hasMoreChanges: boolean
    destroyed: string[]
  }
  return {
    kind: 'changes',
    oldState: args.oldState,
    newState: args.newState,
    hasMoreChanges: args.hasMoreChanges,
    created,
    updated,
    destroyed: args.destroyed,
  }
}
