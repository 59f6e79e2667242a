import type { DataType } from '../../data-type.js'
import type { JsonObject } from '../../json.js'
import { MethodError } from '../../protocol/method-error.js'
import type { MethodHandler } from '../../server/server-runtime.js'
import {
  readBoolean,
  readInt,
  readOptionalString,
  readUnsignedInt,
  rejectUnknownArguments,
} from '../method-arguments.js'
import { checkFilter, parseSort, runQuery } from '../query-engine.js'
import { recordContext } from '../record-context.js'

/**
 * `Foo/query` for any data type with a filter and sort supplied by the type.
 *
 * @see RFC 8620 §5.5
 * @example ["Email/query", { "accountId": "u1", "filter": { "inMailbox": "M1" }, "sort": [{ "property": "receivedAt", "isAscending": false }], "limit": 20 }, "c0"]
 */
export function standardQuery(type: DataType): MethodHandler {
  return (args, context) => {
    rejectUnknownArguments(args, [
      'accountId',
      'filter',
      'sort',
      'position',
      'anchor',
      'anchorOffset',
      'limit',
      'calculateTotal',
      ...(type.extraArguments?.query ?? []),
    ])
    const account = context.account(args.accountId, type.capability)
    checkFilter(type, args.filter)
    const sort = parseSort(type, args.sort, context.runtime.limits.collationAlgorithms)
    const position = readInt(args, 'position', 0)
    const anchor = readOptionalString(args, 'anchor')
    const anchorOffset = readInt(args, 'anchorOffset', 0)
    const limit = readUnsignedInt(args, 'limit')
    const calculateTotal = readBoolean(args, 'calculateTotal', false)
    const hooks = recordContext(context, account, args)
    type.checkQueryArguments?.(hooks)
    const ids = runQuery(type, args.filter, sort, hooks)
    let start: number
    if (anchor === null) {
      start = position < 0 ? Math.max(0, ids.length + position) : position
    } else {
      const index = ids.indexOf(anchor)
      if (index === -1) throw new MethodError('anchorNotFound')
      start = Math.max(0, index + anchorOffset)
    }
    const response: JsonObject = {
      accountId: account.id,
      queryState: account.store(type.name).state,
      canCalculateChanges: true,
      position: start,
      ids: ids.slice(start, limit === null ? undefined : start + limit),
    }
    if (calculateTotal) response.total = ids.length
    return [[`${type.name}/query`, response]]
  }
}
