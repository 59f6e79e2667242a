import type { JmapClient, RequestOptions } from '../client/create-client.js'
import { dynamicBuild, dynamicClient } from '../client/dynamic-request.js'
import type { MethodNameEndingIn } from '../client/standard-method-names.js'
import type { Id } from '../primitives/id.js'
import type { ArgumentsOf, ResponseOf } from '../registry/methods.js'
import { StateChangedError } from './state-changed-error.js'

/**
 * One page of a typed `/query`: its ids, where it starts, and the whole
 * response typed from the registry.
 *
 * @see RFC 8620 §5.5
 * @example { "ids": ["M1", "M2"], "position": 0, "total": 120, "queryState": "q7", "response": { … } }
 */
export interface TypedQueryPage<TResponse> {
  /** The ids of this page, in query order. */
  readonly ids: readonly Id[]
  /** The index of the first id of this page in the whole result. */
  readonly position: number
  /** The size of the whole result, when `calculateTotal` was asked for. */
  readonly total?: number
  /** The query state the server reported for this page. */
  readonly queryState: string
  /** The response of this page's `/query` call. */
  readonly response: TResponse
}

/**
 * Options of {@link queryPages}.
 *
 * @see RFC 8620 §5.5
 * @example { pageSize: 100, calculateTotal: true }
 */
export interface QueryPagesOptions extends RequestOptions {
  /** How many ids to ask for per page (sent as `limit`). */
  readonly pageSize: number
  /** Ask the server for `total` on every page (it may be costly for the server). */
  readonly calculateTotal?: boolean
  /**
   * Throw a `StateChangedError` when the `queryState` differs between pages
   * (default true). Turn it off for servers whose `queryState` depends on the
   * window asked for: Cyrus 3.6 and 3.10 answer `Mailbox/query` with a
   * different `queryState` at each position even when nothing changed.
   */
  readonly checkQueryState?: boolean
}

/** The `/query` arguments a pager takes: everything but the window, which it drives. */
export type QueryPagesArguments<TMethod extends MethodNameEndingIn<'query'>> = Omit<
  ArgumentsOf<TMethod>,
  'position' | 'limit' | 'calculateTotal'
>

/**
 * Pages through a `/query` as an async iterator, typed by the method. The
 * first page starts at `anchor` (with `anchorOffset`) when given, otherwise at
 * 0; later pages continue by position. It stops after a page shorter than the
 * limit, an empty page, or the last id of `total`. If the `queryState` changes
 * between pages it throws a {@link StateChangedError} (the pages no longer fit
 * together; see `checkQueryState`); a method error throws a `MethodCallError`.
 *
 * @see RFC 8620 §5.5
 * @example
 * for await (const page of queryPages(jmap, 'Email/query', { accountId, filter: { inMailbox } }, { pageSize: 100 })) {
 *   ids.push(...page.ids) // ["Email/query", { "accountId": "u1", "filter": { … }, "position": 100, "limit": 100 }, "c0"]
 * }
 */
export async function* queryPages<
  TAvailable extends string,
  TMethod extends TAvailable & MethodNameEndingIn<'query'>,
>(
  client: JmapClient<TAvailable>,
  method: TMethod,
  args: QueryPagesArguments<TMethod>,
  options: QueryPagesOptions,
): AsyncGenerator<TypedQueryPage<ResponseOf<TMethod>>, void, undefined> {
  if (!Number.isInteger(options.pageSize) || options.pageSize < 1) {
    throw new RangeError(`queryPages: pageSize must be a positive integer, got ${options.pageSize}`)
  }
  const requestOptions = options.signal === undefined ? {} : { signal: options.signal }
  const jmap = dynamicClient(client)
  const total = options.calculateTotal === true ? { calculateTotal: true } : {}
  let window: Record<string, unknown> = { limit: options.pageSize, ...total }
  let base: Record<string, unknown> = { ...(args as Record<string, unknown>) }
  let firstState: string | undefined
  for (;;) {
    const pageArgs = { ...base, ...window }
    const response = (await jmap.request(
      dynamicBuild((b) => b.call(method, pageArgs)),
      requestOptions,
    )) as QueryResponseShape
    firstState ??= response.queryState
    if (options.checkQueryState !== false && response.queryState !== firstState) {
      throw new StateChangedError({
        method,
        expectedState: firstState,
        actualState: response.queryState,
        where: `at position ${response.position}`,
      })
    }
    yield {
      ids: response.ids,
      position: response.position,
      ...(response.total === undefined ? {} : { total: response.total }),
      queryState: response.queryState,
      response: response as ResponseOf<TMethod>,
    }
    const next = response.position + response.ids.length
    // The server answers fewer ids than the limit only at the end; it sends
    // `limit` when it capped ours.
    const limit = response.limit ?? options.pageSize
    if (response.ids.length < limit) return
    if (response.total !== undefined && next >= response.total) return
    // An anchor only places the first page; later pages continue by position.
    window = { position: next, limit: options.pageSize, ...total }
    base = withoutAnchor(base)
  }
}

interface QueryResponseShape {
  readonly queryState: string
  readonly position: number
  readonly ids: Id[]
  readonly total?: number
  readonly limit?: number
}

function withoutAnchor(args: Record<string, unknown>): Record<string, unknown> {
  const { anchor: _anchor, anchorOffset: _anchorOffset, ...rest } = args
  return rest
}
