import type { CallResult } from '../builder/call-result.js'
import type { JmapClient, RequestOptions } from '../client/create-client.js'
import { dynamicBuild, dynamicClient } from '../client/dynamic-request.js'
import { methodCallFailure } from '../client/method-call-failure.js'
import type { MethodNameEndingIn, ResponseOfMethod } from '../client/standard-method-names.js'
import { StateChangedError } from '../paging/state-changed-error.js'
import type { Id } from '../primitives/id.js'
import type { ArgumentsOf } from '../registry/methods.js'
import { coreLimits } from '../session/session.js'
import type { GetResponse } from '../standard-methods/get.js'
import { chunkIds } from './chunk-objects.js'

/**
 * Arguments of {@link getInChunks}: those of the `/get`, with `ids` required
 * (a `/get` of every record, `ids: null`, cannot be cut).
 */
export type ChunkedGetArguments<TMethod extends MethodNameEndingIn<'get'>> =
  ArgumentsOf<TMethod> & {
    readonly ids: readonly Id[]
  }

/**
 * A `/get` of any number of ids: cut into calls of at most the session's
 * `maxObjectsInGet` ids, sent in one request (split further only by
 * `maxCallsInRequest`), and merged into one typed response. Throws a
 * `StateChangedError` if the chunks were read at different states, and a
 * `MethodCallError` if a chunk failed.
 *
 * @see RFC 8620 §5.1, §2 (maxObjectsInGet)
 * @example
 * const { list } = await getInChunks(jmap, 'Email/get', { accountId, ids: thousandIds, properties: ['subject'] })
 * // with maxObjectsInGet 500: [["Email/get", { "ids": [500 ids], … }, "c0"], ["Email/get", { "ids": [500 ids], … }, "c1"]]
 */
export async function getInChunks<
  TAvailable extends string,
  TMethod extends TAvailable & MethodNameEndingIn<'get'>,
  const TArgs extends ChunkedGetArguments<TMethod>,
>(
  client: JmapClient<TAvailable>,
  method: TMethod,
  args: TArgs,
  options: RequestOptions = {},
): Promise<ResponseOfMethod<TMethod, TArgs>> {
  const jmap = dynamicClient(client)
  const { maxObjectsInGet } = coreLimits(await jmap.session())
  // Read through the plain shape: with only core's registry loaded no method
  // ends in `/get`, and `TArgs` would have no members to read.
  const plainArgs = args as unknown as { readonly ids: readonly string[] }
  const chunks = plainArgs.ids.length === 0 ? [[]] : chunkIds(plainArgs.ids, maxObjectsInGet)
  const results = (await jmap.requestSettled(
    dynamicBuild((b) => chunks.map((ids) => b.call(method, { ...plainArgs, ids }))),
    options,
  )) as CallResult<GetResponse<unknown>>[]
  const responses: GetResponse<unknown>[] = []
  for (const result of results) {
    if (!result.ok) throw methodCallFailure(result, results)
    responses.push(result.response)
  }
  const [first, ...rest] = responses as [GetResponse<unknown>, ...GetResponse<unknown>[]]
  const changed = rest.find((response) => response.state !== first.state)
  if (changed !== undefined) {
    throw new StateChangedError({
      method,
      expectedState: first.state,
      actualState: changed.state,
      where: 'between the chunks of the /get',
    })
  }
  return {
    ...first,
    list: responses.flatMap((response) => response.list),
    notFound: responses.flatMap((response) => response.notFound),
    // Every chunk answered the same method, so the merge has its response shape; the compiler
    // cannot relate a concrete object to a response type indexed by a type parameter.
  } as unknown as ResponseOfMethod<TMethod, TArgs>
}
