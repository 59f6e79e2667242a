import type { DataType } from '../../data-type.js'
import type { JsonObject } from '../../json.js'
import { MethodError } from '../../protocol/method-error.js'
import type { MethodHandler } from '../../server/server-runtime.js'
import {
  readBoolean,
  readOptionalString,
  readString,
  readUnsignedInt,
  rejectUnknownArguments,
} from '../method-arguments.js'
import { checkFilter, parseSort, runQuery } from '../query-engine.js'
import { recordContext } from '../record-context.js'

/**
 * `Foo/queryChanges` from the change log: every record changed since the old
 * state is reported removed (if it existed then) and re-added at its new
 * index if it is in the results, which RFC 8620 §5.6 allows for mutable
 * filter and sort properties.
 *
 * @see RFC 8620 §5.6
 * @example ["Mailbox/queryChanges", { "accountId": "u1", "sinceQueryState": "3" }, "c0"]
 */
export function standardQueryChanges(type: DataType): MethodHandler {
  return (args, context) => {
    rejectUnknownArguments(args, [
      'accountId',
      'filter',
      'sort',
      'sinceQueryState',
      'maxChanges',
      'upToId',
      'calculateTotal',
      ...(type.extraArguments?.queryChanges ?? []),
    ])
    const account = context.account(args.accountId, type.capability)
    checkFilter(type, args.filter)
    const sort = parseSort(type, args.sort, context.runtime.limits.collationAlgorithms)
    const sinceQueryState = readString(args, 'sinceQueryState')
    const maxChanges = readUnsignedInt(args, 'maxChanges', true)
    const upToId = readOptionalString(args, 'upToId')
    const calculateTotal = readBoolean(args, 'calculateTotal', false)
    const store = account.store(type.name)
    const since = store.parseState(sinceQueryState)
    if (since === undefined) {
      throw new MethodError(
        'cannotCalculateChanges',
        `query state "${sinceQueryState}" is unknown or too old`,
      )
    }
    const current = runQuery(type, args.filter, sort, recordContext(context, account, args))
    const changed = new Set<string>()
    const createdSince = new Set<string>()
    for (const entry of store.entriesSince(since)) {
      if (!changed.has(entry.id) && entry.kind === 'created') createdSince.add(entry.id)
      changed.add(entry.id)
    }
    const removed = [...changed].filter((id) => !createdSince.has(id))
    const upToIndex = upToId === null ? -1 : current.indexOf(upToId)
    const added = current
      .map((id, index) => ({ id, index }))
      .filter(({ id, index }) => changed.has(id) && (upToIndex === -1 || index <= upToIndex))
    if (maxChanges !== null && removed.length + added.length > maxChanges) {
      throw new MethodError('tooManyChanges')
    }
    const response: JsonObject = {
      accountId: account.id,
      oldQueryState: sinceQueryState,
      newQueryState: store.state,
      removed,
      added,
    }
    if (calculateTotal) response.total = current.length
    return [[`${type.name}/queryChanges`, response]]
  }
}
