import type { DataType } from '../../data-type.js'
import type { JsonObject } from '../../json.js'
import { MethodError } from '../../protocol/method-error.js'
import type { MethodHandler } from '../../server/server-runtime.js'
import { readString, readUnsignedInt, rejectUnknownArguments } from '../method-arguments.js'

/**
 * `Foo/changes` for any data type, from the store's change log.
 *
 * @see RFC 8620 §5.2
 * @example ["Email/changes", { "accountId": "u1", "sinceState": "4", "maxChanges": 50 }, "c0"]
 */
export function standardChanges(type: DataType): MethodHandler {
  return (args, context) => {
    rejectUnknownArguments(args, ['accountId', 'sinceState', 'maxChanges'])
    const account = context.account(args.accountId, type.capability)
    const sinceState = readString(args, 'sinceState')
    const maxChanges = readUnsignedInt(args, 'maxChanges', true)
    const store = account.store(type.name)
    const since = store.parseState(sinceState)
    if (since === undefined) {
      throw new MethodError('cannotCalculateChanges', `state "${sinceState}" is unknown or too old`)
    }
    const changes = store.changesSince(since, maxChanges)
    const response: JsonObject = {
      accountId: account.id,
      oldState: sinceState,
      newState: changes.newState,
      hasMoreChanges: changes.hasMoreChanges,
      created: changes.created,
      updated: changes.updated,
      destroyed: changes.destroyed,
    }
    if (type.reportsUpdatedProperties === true)
      response.updatedProperties = changes.updatedProperties
    return [[`${type.name}/changes`, response]]
  }
}
