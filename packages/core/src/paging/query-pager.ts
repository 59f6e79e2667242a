import type { JmapRequest } from '../protocol/request.js'
import type { JmapResponse } from '../protocol/response.js'
import { type RawMethodError, responseFor } from './method-call-result.js'

/**
 * One page of a `/query`.
 *
 * @see RFC 8620 §5.5
 * @example { "ids": ["M1", "M2"], "position": 0, "total": 120, "queryState": "q7" }
 */
export interface QueryPage {
  readonly kind: 'page'
  readonly ids: readonly string[]
  readonly position: number
  readonly total?: number
  readonly queryState: string
}

/**
 * Options of a paged `/query`.
 *
 * @see RFC 8620 §5.5
 * @example { name: 'Email/query', using: ['urn:ietf:params:jmap:mail'], args: { accountId: 'u1', filter: { inMailbox: 'M1' } }, pageSize: 100 }
 */
export interface QueryPagerOptions {
  /** The query method, e.g. `Email/query`. */
  readonly name: string
  readonly using: readonly string[]
  /** Arguments other than `position`/`limit`; an `anchor` starts the first page there. */
  readonly args: Readonly<Record<string, unknown>>
  readonly pageSize: number
}

/**
 * Pages through a `/query` as an async iterator: the first page from `position`
 * or `anchor`, later pages by position. Ends after the last id, or after a
 * method error, which it yields as data.
 *
 * @see RFC 8620 §5.5
 * @example for await (const page of pageRawQuery(connection.send, options)) if (page.kind === 'page') ids.push(...page.ids)
 */
export async function* pageRawQuery(
  send: (request: JmapRequest) => Promise<JmapResponse>,
  options: QueryPagerOptions,
): AsyncGenerator<
  QueryPage | { readonly kind: 'error'; readonly error: RawMethodError },
  void,
  undefined
> {
  let args: Record<string, unknown> = { ...options.args, limit: options.pageSize }
  for (;;) {
    const response = await send({
      using: [...options.using],
      methodCalls: [[options.name, args, 'page']],
    })
    const result = responseFor(response.methodResponses, 'page')
    if ('error' in result) {
      yield { kind: 'error', error: result.error }
      return
    }
    const ids = (result.args.ids ?? []) as string[]
    const position = typeof result.args.position === 'number' ? result.args.position : 0
    const total = typeof result.args.total === 'number' ? result.args.total : undefined
    yield {
      kind: 'page',
      ids,
      position,
      ...(total === undefined ? {} : { total }),
      queryState: String(result.args.queryState),
    }
    const next = position + ids.length
    if (ids.length === 0 || (total !== undefined && next >= total)) return
    // Anchors only place the first page; later pages continue by position.
    const { anchor: _anchor, anchorOffset: _offset, ...rest } = args
    args = { ...rest, position: next, limit: options.pageSize }
  }
}
