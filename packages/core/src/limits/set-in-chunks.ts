import type { CallResult } from '../builder/call-result.js'
import type { JmapClient, RequestOptions } from '../client/create-client.js'
import { dynamicBuild, dynamicClient } from '../client/dynamic-request.js'
import { methodCallFailure } from '../client/method-call-failure.js'
import type { MethodNameEndingIn, ResponseOfMethod } from '../client/standard-method-names.js'
import { LimitError } from '../errors/limit-error.js'
import type { ArgumentsOf } from '../registry/methods.js'
import { coreLimits } from '../session/session.js'
import type { SetResponse } from '../standard-methods/set.js'
import { chunkSetOperations, type SetOperations } from './chunk-objects.js'

type AnySetResponse = SetResponse<unknown, unknown>

/** Every `#creationId` a value uses, as a string value or as a map key, at any depth. */
function creationReferences(value: unknown, found: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (value.startsWith('#')) found.add(value.slice(1))
  } else if (Array.isArray(value)) {
    for (const item of value) creationReferences(item, found)
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('#')) found.add(key.slice(1))
      creationReferences(item, found)
    }
  }
  return found
}

/**
 * Refuses chunks where a record refers to a creation that only a later chunk
 * makes: the server would not know that creation id yet.
 */
function checkCreationOrder(method: string, chunks: readonly SetOperations[], maximum: number) {
  const chunkOf = new Map<string, number>()
  chunks.forEach((chunk, index) => {
    for (const creationId of Object.keys(chunk.create ?? {})) chunkOf.set(creationId, index)
  })
  chunks.forEach((chunk, index) => {
    for (const used of creationReferences(chunk, new Set())) {
      const made = chunkOf.get(used)
      if (made !== undefined && made > index) {
        throw new LimitError(
          `${method}: an operation in chunk ${index + 1} refers to '#${used}', which is created in chunk ${made + 1}; with maxObjectsInSet ${maximum} put '${used}' earlier in create, or send the two in separate calls`,
          { limit: 'maxObjectsInSet', maximum, actual: countOperations(chunks) },
        )
      }
    }
  })
}

function countOperations(chunks: readonly SetOperations[]): number {
  return chunks.reduce(
    (sum, chunk) =>
      sum +
      Object.keys(chunk.create ?? {}).length +
      Object.keys(chunk.update ?? {}).length +
      (chunk.destroy?.length ?? 0),
    0,
  )
}

/** A merged map member: `null` when no chunk had any entry, as a server would answer. */
function mergeMaps(
  responses: readonly AnySetResponse[],
  member: 'created' | 'updated' | 'notCreated' | 'notUpdated' | 'notDestroyed',
): Record<string, unknown> | null {
  const merged = Object.assign({}, ...responses.map((response) => response[member] ?? {}))
  return Object.keys(merged).length === 0 ? null : merged
}

/**
 * A `/set` of any size: `create`, `update` and `destroy` counted together and
 * cut into calls of at most the session's `maxObjectsInSet` operations (in
 * that order, creation order kept), sent in one request, and merged into one
 * typed response. A chunk may use creation ids made by an earlier chunk (the
 * server keeps them for the whole request); a reference to a creation in a
 * later chunk is refused with a `LimitError` before sending. With `ifInState`,
 * the first chunk carries it and each later one takes the previous chunk's
 * `newState` by result reference, so nothing is written over a concurrent
 * change. A failed chunk throws a `MethodCallError` with every chunk's result
 * attached (earlier chunks are written).
 *
 * @see RFC 8620 §5.3, §2 (maxObjectsInSet)
 * @example
 * await setInChunks(jmap, 'Mailbox/set', { accountId, destroy: manyIds })
 * // with maxObjectsInSet 2: [["Mailbox/set", { "destroy": ["M1", "M2"] }, "c0"], ["Mailbox/set", { "destroy": ["M3"] }, "c1"]]
 */
export async function setInChunks<
  TAvailable extends string,
  TMethod extends TAvailable & MethodNameEndingIn<'set'>,
>(
  client: JmapClient<TAvailable>,
  method: TMethod,
  args: ArgumentsOf<TMethod>,
  options: RequestOptions = {},
): Promise<ResponseOfMethod<TMethod>> {
  const jmap = dynamicClient(client)
  const { maxObjectsInSet } = coreLimits(await jmap.session())
  const { create, update, destroy, ifInState, ...common } = args as unknown as Record<
    string,
    unknown
  >
  const operations = { create, update, destroy } as SetOperations
  const cut = chunkSetOperations(operations, maxObjectsInSet)
  const chunks = cut.length === 0 ? [{}] : cut
  checkCreationOrder(method, chunks, maxObjectsInSet)
  const results = (await jmap.requestSettled(
    dynamicBuild((b) => {
      const handles: ReturnType<typeof b.call>[] = []
      for (const chunk of chunks) {
        const previous = handles.at(-1)
        const state =
          ifInState === undefined || ifInState === null
            ? {}
            : { ifInState: previous === undefined ? ifInState : previous.ref('/newState') }
        handles.push(b.call(method, { ...common, ...state, ...chunk }))
      }
      return handles
    }),
    options,
  )) as CallResult<AnySetResponse>[]
  const responses: AnySetResponse[] = []
  for (const result of results) {
    if (!result.ok) throw methodCallFailure(result, results)
    responses.push(result.response)
  }
  const first = responses[0] as AnySetResponse
  const last = responses.at(-1) as AnySetResponse
  const destroyed = responses.flatMap((response) => response.destroyed ?? [])
  return {
    ...first,
    oldState: first.oldState,
    newState: last.newState,
    created: mergeMaps(responses, 'created'),
    updated: mergeMaps(responses, 'updated'),
    destroyed: destroyed.length === 0 ? null : destroyed,
    notCreated: mergeMaps(responses, 'notCreated'),
    notUpdated: mergeMaps(responses, 'notUpdated'),
    notDestroyed: mergeMaps(responses, 'notDestroyed'),
    // Every chunk answered the same method, so the merge has its response shape; the compiler
    // cannot relate a concrete object to a response type indexed by a type parameter.
  } as unknown as ResponseOfMethod<TMethod>
}
